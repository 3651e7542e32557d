// The cryptography of reporter protection over OpenSSL EVP: X25519 sealed boxes (ECDH + HKDF-SHA256
// + AES-256-GCM), password key derivation (scrypt), HMAC-SHA256 and SHA-256.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace c175::tipoff::crypto {

using Bytes = std::vector<std::uint8_t>;

struct KeyPair {
    Bytes publicKey;  // 32 bytes, raw X25519
    Bytes privateKey; // 32 bytes, raw X25519
};

Bytes randomBytes(std::size_t n);
KeyPair generateX25519();

// Sealed box to `recipientPublic`: a fresh ephemeral key pair per message, so only the holder of
// the recipient's private key can open it. Layout: "C1" | version 1 | ephemeral public (32) |
// nonce (12) | ciphertext | GCM tag (16). `context` is authenticated (not encrypted).
Bytes seal(const Bytes& recipientPublic, std::string_view plaintext, std::string_view context);
// Throws std::runtime_error when the box is malformed, for another key, or was altered.
std::string open(const Bytes& recipientPrivate, const Bytes& box, std::string_view context);

// AES-256-GCM with a 12-byte nonce; the result is ciphertext || tag.
Bytes aesGcmEncrypt(const Bytes& key, const Bytes& nonce, const Bytes& plaintext,
                    std::string_view aad);
// Throws std::runtime_error when the tag does not verify.
Bytes aesGcmDecrypt(const Bytes& key, const Bytes& nonce, const Bytes& sealed,
                    std::string_view aad);

// scrypt (N = 2^logN, r, p) to a 32-byte key.
Bytes scrypt(std::string_view password, const Bytes& salt, int logN, int r, int p);

Bytes hmacSha256(const Bytes& key, std::string_view message);
Bytes sha256(std::string_view data);
std::string toHex(const Bytes& bytes);
std::string toBase64(const Bytes& bytes);
Bytes fromBase64(std::string_view text); // throws std::runtime_error on bad input

// Overwrites a secret before it is released.
void wipe(Bytes& secret);

} // namespace c175::tipoff::crypto
