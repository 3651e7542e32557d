// Password hashing (scrypt from OpenSSL), verification and the password policy.
#pragma once
#include <string>
#include <string_view>

namespace c175::auth {

// scrypt with N=2^15, r=8, p=3 (OWASP), a 16-byte random salt and a 32-byte key, stored as
// "scrypt$15$8$3$<salt base64>$<key base64>". Takes a noticeable fraction of a second on purpose.
std::string hashPassword(std::string_view password);

// True when `password` matches `stored` (parameters are read from `stored`); compares in constant
// time. A malformed or unknown `stored` is simply false.
bool verifyPassword(std::string_view password, std::string_view stored);

// Throws core::ValidationError("password", ...) when the password breaks the policy:
// at least 10 characters (counted as UTF-8 code points).
void checkPasswordPolicy(std::string_view password);

inline constexpr std::size_t kMinPasswordLength = 10;

} // namespace c175::auth
