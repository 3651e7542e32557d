// scrypt password hashes in the "scrypt$logN$r$p$salt$key" format (see password.h).
#include "auth/password.h"

#include "core/errors.h"
#include "core/i18n.h"

#include <array>
#include <charconv>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <stdexcept>
#include <vector>

namespace c175::auth {
namespace {

constexpr int kLogN = 15;
constexpr int kR = 8;
constexpr int kP = 3;
constexpr std::size_t kSaltBytes = 16;
constexpr std::size_t kKeyBytes = 32;

std::string toBase64(const unsigned char* data, std::size_t size) {
    std::string out(4 * ((size + 2) / 3), '\0');
    const int n =
        EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()), data, static_cast<int>(size));
    out.resize(static_cast<std::size_t>(n));
    return out;
}

// Standard base64 with padding; false when malformed.
bool fromBase64(std::string_view text, std::vector<unsigned char>& out) {
    if (text.empty() || text.size() % 4 != 0)
        return false;
    out.assign(3 * text.size() / 4, 0);
    const int n = EVP_DecodeBlock(out.data(), reinterpret_cast<const unsigned char*>(text.data()),
                                  static_cast<int>(text.size()));
    if (n < 0)
        return false;
    // EVP_DecodeBlock keeps the bytes the padding stands for; drop them.
    std::size_t size = static_cast<std::size_t>(n);
    if (text.back() == '=')
        --size;
    if (text.size() >= 2 && text[text.size() - 2] == '=')
        --size;
    out.resize(size);
    return true;
}

bool scrypt(std::string_view password, const unsigned char* salt, std::size_t saltSize, int logN,
            int r, int p, unsigned char* key, std::size_t keySize) {
    const std::uint64_t n = std::uint64_t{1} << logN;
    // scrypt needs 128*r*N bytes for V plus 128*r*p for B; allow twice that.
    const std::uint64_t maxMem =
        2 * 128ull * static_cast<std::uint64_t>(r) * (n + static_cast<std::uint64_t>(p)) +
        (1u << 20);
    return EVP_PBE_scrypt(password.data(), password.size(), salt, saltSize, n,
                          static_cast<std::uint64_t>(r), static_cast<std::uint64_t>(p), maxMem, key,
                          keySize) == 1;
}

bool parseInt(std::string_view text, int& value) {
    const auto* end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), end, value);
    return ec == std::errc() && ptr == end;
}

std::vector<std::string_view> split(std::string_view text, char sep) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    for (;;) {
        const auto at = text.find(sep, start);
        parts.push_back(text.substr(start, at == std::string_view::npos ? at : at - start));
        if (at == std::string_view::npos)
            return parts;
        start = at + 1;
    }
}

std::size_t codePoints(std::string_view text) {
    std::size_t n = 0;
    for (unsigned char c : text)
        if ((c & 0xC0) != 0x80)
            ++n;
    return n;
}

} // namespace

std::string hashPassword(std::string_view password) {
    std::array<unsigned char, kSaltBytes> salt{};
    if (RAND_bytes(salt.data(), static_cast<int>(salt.size())) != 1)
        throw std::runtime_error(core::tr("The system's random number generator failed."));
    std::array<unsigned char, kKeyBytes> key{};
    if (!scrypt(password, salt.data(), salt.size(), kLogN, kR, kP, key.data(), key.size()))
        throw std::runtime_error(core::tr("Password hashing (scrypt) failed."));
    std::string out = "scrypt$" + std::to_string(kLogN) + "$" + std::to_string(kR) + "$" +
                      std::to_string(kP) + "$" + toBase64(salt.data(), salt.size()) + "$" +
                      toBase64(key.data(), key.size());
    OPENSSL_cleanse(key.data(), key.size());
    return out;
}

bool verifyPassword(std::string_view password, std::string_view stored) {
    const auto parts = split(stored, '$');
    if (parts.size() != 6 || parts[0] != "scrypt")
        return false;
    int logN = 0, r = 0, p = 0;
    // Bounds keep a forged hash from asking for gigabytes or hours.
    if (!parseInt(parts[1], logN) || !parseInt(parts[2], r) || !parseInt(parts[3], p) ||
        logN < 10 || logN > 20 || r < 1 || r > 32 || p < 1 || p > 16)
        return false;
    std::vector<unsigned char> salt, expected;
    if (!fromBase64(parts[4], salt) || !fromBase64(parts[5], expected) || salt.size() < 8 ||
        expected.size() < 16 || expected.size() > 64)
        return false;
    std::vector<unsigned char> key(expected.size());
    if (!scrypt(password, salt.data(), salt.size(), logN, r, p, key.data(), key.size()))
        return false;
    const bool same = CRYPTO_memcmp(key.data(), expected.data(), key.size()) == 0;
    OPENSSL_cleanse(key.data(), key.size());
    return same;
}

void checkPasswordPolicy(std::string_view password) {
    if (codePoints(password) < kMinPasswordLength)
        throw core::ValidationError(
            "password",
            core::fmt(core::tr("must be at least {} characters long"), kMinPasswordLength));
}

} // namespace c175::auth
