#include "tipoff/crypto_box.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/kdf.h>
#include <openssl/rand.h>

#include <cstring>
#include <initializer_list>
#include <memory>
#include <stdexcept>

namespace c175::tipoff::crypto {
namespace {

constexpr std::size_t kKeyLen = 32, kNonceLen = 12, kTagLen = 16;
constexpr std::uint8_t kBoxVersion = 1;
constexpr std::string_view kHkdfInfo = "c175 sealed box v1";

struct PkeyFree {
    void operator()(EVP_PKEY* p) const { EVP_PKEY_free(p); }
};
struct PkeyCtxFree {
    void operator()(EVP_PKEY_CTX* p) const { EVP_PKEY_CTX_free(p); }
};
struct CipherCtxFree {
    void operator()(EVP_CIPHER_CTX* p) const { EVP_CIPHER_CTX_free(p); }
};
using Pkey = std::unique_ptr<EVP_PKEY, PkeyFree>;
using PkeyCtx = std::unique_ptr<EVP_PKEY_CTX, PkeyCtxFree>;
using CipherCtx = std::unique_ptr<EVP_CIPHER_CTX, CipherCtxFree>;

// Joins byte strings (memcpy rather than vector::insert, which trips a GCC 12 false warning).
Bytes concat(std::initializer_list<const Bytes*> parts) {
    std::size_t n = 0;
    for (const Bytes* p : parts)
        n += p->size();
    Bytes out(n);
    std::size_t at = 0;
    for (const Bytes* p : parts) {
        if (!p->empty())
            std::memcpy(out.data() + at, p->data(), p->size());
        at += p->size();
    }
    return out;
}

[[noreturn]] void fail(const char* what) {
    throw std::runtime_error(std::string("crypto: ") + what);
}

void ensure(bool ok, const char* what) {
    if (!ok)
        fail(what);
}

Bytes rawKey(EVP_PKEY* key, bool priv) {
    Bytes out(kKeyLen);
    std::size_t len = out.size();
    const int rc = priv ? EVP_PKEY_get_raw_private_key(key, out.data(), &len)
                        : EVP_PKEY_get_raw_public_key(key, out.data(), &len);
    ensure(rc == 1 && len == kKeyLen, "cannot read an X25519 key");
    return out;
}

Pkey x25519Private(const Bytes& raw) {
    ensure(raw.size() == kKeyLen, "an X25519 private key has 32 bytes");
    Pkey key(EVP_PKEY_new_raw_private_key(EVP_PKEY_X25519, nullptr, raw.data(), raw.size()));
    ensure(key != nullptr, "bad X25519 private key");
    return key;
}

Pkey x25519Public(const Bytes& raw) {
    ensure(raw.size() == kKeyLen, "an X25519 public key has 32 bytes");
    Pkey key(EVP_PKEY_new_raw_public_key(EVP_PKEY_X25519, nullptr, raw.data(), raw.size()));
    ensure(key != nullptr, "bad X25519 public key");
    return key;
}

Bytes ecdh(EVP_PKEY* mine, EVP_PKEY* theirs) {
    PkeyCtx ctx(EVP_PKEY_CTX_new(mine, nullptr));
    ensure(ctx && EVP_PKEY_derive_init(ctx.get()) == 1 &&
               EVP_PKEY_derive_set_peer(ctx.get(), theirs) == 1,
           "X25519 key agreement failed");
    std::size_t len = 0;
    ensure(EVP_PKEY_derive(ctx.get(), nullptr, &len) == 1, "X25519 key agreement failed");
    Bytes secret(len);
    ensure(EVP_PKEY_derive(ctx.get(), secret.data(), &len) == 1, "X25519 key agreement failed");
    secret.resize(len);
    return secret;
}

// HKDF-SHA256 with the two public keys as salt, so the key is bound to this exact exchange.
Bytes hkdf(const Bytes& secret, const Bytes& salt) {
    PkeyCtx ctx(EVP_PKEY_CTX_new_id(EVP_PKEY_HKDF, nullptr));
    ensure(ctx && EVP_PKEY_derive_init(ctx.get()) == 1 &&
               EVP_PKEY_CTX_set_hkdf_md(ctx.get(), EVP_sha256()) == 1 &&
               EVP_PKEY_CTX_set1_hkdf_salt(ctx.get(), salt.data(), static_cast<int>(salt.size())) ==
                   1 &&
               EVP_PKEY_CTX_set1_hkdf_key(ctx.get(), secret.data(),
                                          static_cast<int>(secret.size())) == 1 &&
               EVP_PKEY_CTX_add1_hkdf_info(ctx.get(),
                                           reinterpret_cast<const unsigned char*>(kHkdfInfo.data()),
                                           static_cast<int>(kHkdfInfo.size())) == 1,
           "HKDF setup failed");
    Bytes key(kKeyLen);
    std::size_t len = key.size();
    ensure(EVP_PKEY_derive(ctx.get(), key.data(), &len) == 1 && len == kKeyLen, "HKDF failed");
    return key;
}

} // namespace

Bytes randomBytes(std::size_t n) {
    Bytes out(n);
    ensure(RAND_bytes(out.data(), static_cast<int>(n)) == 1, "no random bytes");
    return out;
}

KeyPair generateX25519() {
    PkeyCtx ctx(EVP_PKEY_CTX_new_id(EVP_PKEY_X25519, nullptr));
    EVP_PKEY* raw = nullptr;
    ensure(ctx && EVP_PKEY_keygen_init(ctx.get()) == 1 && EVP_PKEY_keygen(ctx.get(), &raw) == 1,
           "X25519 key generation failed");
    Pkey key(raw);
    return {rawKey(key.get(), false), rawKey(key.get(), true)};
}

Bytes seal(const Bytes& recipientPublic, std::string_view plaintext, std::string_view context) {
    Pkey recipient = x25519Public(recipientPublic);
    KeyPair eph = generateX25519();
    Pkey ephKey = x25519Private(eph.privateKey);
    Bytes secret = ecdh(ephKey.get(), recipient.get());
    Bytes key = hkdf(secret, concat({&eph.publicKey, &recipientPublic}));
    const Bytes nonce = randomBytes(kNonceLen);
    const Bytes body =
        aesGcmEncrypt(key, nonce, Bytes(plaintext.begin(), plaintext.end()), context);
    wipe(secret);
    wipe(key);
    wipe(eph.privateKey);

    const Bytes header = {'C', '1', kBoxVersion};
    return concat({&header, &eph.publicKey, &nonce, &body});
}

std::string open(const Bytes& recipientPrivate, const Bytes& box, std::string_view context) {
    constexpr std::size_t header = 3 + kKeyLen + kNonceLen;
    if (box.size() < header + kTagLen || box[0] != 'C' || box[1] != '1' || box[2] != kBoxVersion)
        fail("not a sealed box of this version");
    const Bytes ephPublic(box.begin() + 3, box.begin() + 3 + kKeyLen);
    const Bytes nonce(box.begin() + 3 + kKeyLen, box.begin() + header);
    const Bytes body(box.begin() + header, box.end());
    Pkey mine = x25519Private(recipientPrivate);
    Pkey theirs = x25519Public(ephPublic);
    Bytes secret = ecdh(mine.get(), theirs.get());
    const Bytes myPublic = rawKey(mine.get(), false);
    Bytes key = hkdf(secret, concat({&ephPublic, &myPublic}));
    wipe(secret);
    Bytes plain;
    try {
        plain = aesGcmDecrypt(key, nonce, body, context);
    } catch (...) {
        wipe(key);
        throw;
    }
    wipe(key);
    std::string out(plain.begin(), plain.end());
    wipe(plain);
    return out;
}

Bytes aesGcmEncrypt(const Bytes& key, const Bytes& nonce, const Bytes& plaintext,
                    std::string_view aad) {
    ensure(key.size() == kKeyLen && nonce.size() == kNonceLen, "bad AES-GCM key or nonce size");
    CipherCtx ctx(EVP_CIPHER_CTX_new());
    int len = 0;
    ensure(ctx && EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, key.data(),
                                     nonce.data()) == 1,
           "AES-GCM init failed");
    ensure(EVP_EncryptUpdate(ctx.get(), nullptr, &len,
                             reinterpret_cast<const unsigned char*>(aad.data()),
                             static_cast<int>(aad.size())) == 1,
           "AES-GCM aad failed");
    Bytes out(plaintext.size() + kTagLen);
    ensure(EVP_EncryptUpdate(ctx.get(), out.data(), &len, plaintext.data(),
                             static_cast<int>(plaintext.size())) == 1,
           "AES-GCM encrypt failed");
    int total = len;
    ensure(EVP_EncryptFinal_ex(ctx.get(), out.data() + total, &len) == 1, "AES-GCM final failed");
    total += len;
    ensure(EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, static_cast<int>(kTagLen),
                               out.data() + total) == 1,
           "AES-GCM tag failed");
    out.resize(static_cast<std::size_t>(total) + kTagLen);
    return out;
}

Bytes aesGcmDecrypt(const Bytes& key, const Bytes& nonce, const Bytes& sealed,
                    std::string_view aad) {
    ensure(key.size() == kKeyLen && nonce.size() == kNonceLen && sealed.size() >= kTagLen,
           "bad AES-GCM input");
    const std::size_t bodyLen = sealed.size() - kTagLen;
    CipherCtx ctx(EVP_CIPHER_CTX_new());
    int len = 0;
    ensure(ctx && EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, key.data(),
                                     nonce.data()) == 1,
           "AES-GCM init failed");
    ensure(EVP_DecryptUpdate(ctx.get(), nullptr, &len,
                             reinterpret_cast<const unsigned char*>(aad.data()),
                             static_cast<int>(aad.size())) == 1,
           "AES-GCM aad failed");
    Bytes out(bodyLen + 1);
    ensure(EVP_DecryptUpdate(ctx.get(), out.data(), &len, sealed.data(),
                             static_cast<int>(bodyLen)) == 1,
           "AES-GCM decrypt failed");
    int total = len;
    Bytes tag(sealed.end() - kTagLen, sealed.end());
    ensure(EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, static_cast<int>(kTagLen),
                               tag.data()) == 1,
           "AES-GCM tag failed");
    if (EVP_DecryptFinal_ex(ctx.get(), out.data() + total, &len) != 1) {
        wipe(out);
        fail("authentication failed (wrong key or altered data)");
    }
    total += len;
    out.resize(static_cast<std::size_t>(total));
    return out;
}

Bytes scrypt(std::string_view password, const Bytes& salt, int logN, int r, int p) {
    Bytes key(kKeyLen);
    const std::uint64_t n = std::uint64_t{1} << logN;
    // Memory: 128 * r * N bytes (32 MiB at N = 2^15, r = 8), plus headroom.
    const std::uint64_t maxMem = 128ull * static_cast<std::uint64_t>(r) * n * 2 + (1u << 20);
    ensure(EVP_PBE_scrypt(password.data(), password.size(), salt.data(), salt.size(), n,
                          static_cast<std::uint64_t>(r), static_cast<std::uint64_t>(p), maxMem,
                          key.data(), key.size()) == 1,
           "scrypt failed");
    return key;
}

Bytes hmacSha256(const Bytes& key, std::string_view message) {
    Bytes out(EVP_MAX_MD_SIZE);
    unsigned int len = 0;
    ensure(HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
                reinterpret_cast<const unsigned char*>(message.data()), message.size(), out.data(),
                &len) != nullptr,
           "HMAC failed");
    out.resize(len);
    return out;
}

Bytes sha256(std::string_view data) {
    Bytes out(32);
    unsigned int len = 0;
    ensure(EVP_Digest(data.data(), data.size(), out.data(), &len, EVP_sha256(), nullptr) == 1,
           "SHA-256 failed");
    return out;
}

std::string toHex(const Bytes& bytes) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string out;
    out.reserve(bytes.size() * 2);
    for (auto b : bytes) {
        out.push_back(digits[b >> 4]);
        out.push_back(digits[b & 15]);
    }
    return out;
}

std::string toBase64(const Bytes& bytes) {
    std::string out(4 * ((bytes.size() + 2) / 3) + 1, '\0');
    const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()), bytes.data(),
                                  static_cast<int>(bytes.size()));
    out.resize(static_cast<std::size_t>(n));
    return out;
}

Bytes fromBase64(std::string_view text) {
    if (text.size() % 4 != 0)
        fail("bad base64");
    Bytes out(text.size() / 4 * 3 + 1);
    const int n = EVP_DecodeBlock(out.data(), reinterpret_cast<const unsigned char*>(text.data()),
                                  static_cast<int>(text.size()));
    if (n < 0)
        fail("bad base64");
    std::size_t len = static_cast<std::size_t>(n);
    // EVP_DecodeBlock counts the padding as zero bytes.
    if (!text.empty() && text.back() == '=')
        --len;
    if (text.size() > 1 && text[text.size() - 2] == '=')
        --len;
    out.resize(len);
    return out;
}

void wipe(Bytes& secret) {
    if (!secret.empty())
        OPENSSL_cleanse(secret.data(), secret.size());
    secret.clear();
}

} // namespace c175::tipoff::crypto
