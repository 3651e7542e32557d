// The centre's key material in a cache: sealing reporter identities to the centre public key, the
// private key wrapped per user under a password-derived key, and keyed blind indexes.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace c175::db {
class Database;
}

namespace c175::tipoff {

// A user allowed to reveal identities, with the password their wrap is derived from (the same
// password they sign in with).
struct KeyHolder {
    std::string username;
    std::string password;
};

// scrypt cost for wrapping: N = 2^15, r = 8, p = 1 (32 MiB, about 0.1 s).
inline constexpr int kWrapLogN = 15, kWrapR = 8, kWrapP = 1;

bool hasCentreKeys(db::Database& db);

// Creates the centre X25519 key pair and the blind-index key, and wraps the private key for each
// holder; one transaction (joins the caller's), audited as "create_centre_key". Throws
// TipoffError when the cache already has a centre key. Returns the key id.
// The demo seed calls it for the case officer and the administrator with their demo passwords.
std::string createCentreKeys(db::Database& db, const std::string& actor,
                             const std::vector<KeyHolder>& holders);

// Wraps the private key for `grantee`; `granter` must be able to open it. Replaces an existing
// wrap of the grantee. Audited as "grant_centre_key".
void grantCentreKey(db::Database& db, const std::string& actor, const KeyHolder& granter,
                    const KeyHolder& grantee);
// After a password change: re-wraps the user's copy under the new password; joins the caller's
// transaction (the password change's). Throws TipoffError when the user holds no copy or the old
// password does not open it. Audited as "rewrap_centre_key".
void rewrapCentreKey(db::Database& db, const std::string& actor, const std::string& username,
                     const std::string& oldPassword, const std::string& newPassword);
// Removes the user's copy (after a reset, when the old password is unknown and the copy can no
// longer be opened). Returns whether there was one; audited as "revoke_centre_key" with `why`.
bool revokeCentreKey(db::Database& db, const std::string& actor, const std::string& username,
                     const std::string& why);
// Whether the user has a wrapped copy of the private key.
bool holdsCentreKey(db::Database& db, const std::string& username);

// Seals reporter identities to the centre public key, loaded once. seal() is const and touches no
// database, so one sealer may be used from another thread (the demo seed seals on a second core).
class CentreSealer {
public:
    explicit CentreSealer(db::Database& db); // throws TipoffError without a centre key
    std::vector<std::uint8_t> seal(const std::string& reporterJson) const;

private:
    std::vector<std::uint8_t> m_publicKey;
};

// Seals `reporterJson` to the centre public key (any console can, offline; none can open it
// without a holder's password). Throws TipoffError when the cache has no centre key yet.
std::vector<std::uint8_t> sealReporter(db::Database& db, const std::string& reporterJson);

// Opens a sealed identity with the holder's wrap. Throws TipoffError when the user holds no wrap,
// the password does not open it, or the box was altered.
std::string openReporter(db::Database& db, const KeyHolder& holder,
                         const std::vector<std::uint8_t>& sealed);

// Keyed blind index: hex HMAC-SHA256(blind key, kind ":" value) of a normalised value (CCCD
// digits, national phone form, canonical plate). Loads the key once.
class BlindIndexer {
public:
    explicit BlindIndexer(db::Database& db); // throws TipoffError without a centre key
    ~BlindIndexer();
    BlindIndexer(const BlindIndexer&) = delete;
    BlindIndexer& operator=(const BlindIndexer&) = delete;
    std::string digest(std::string_view kind, std::string_view normalizedValue) const;

private:
    std::vector<std::uint8_t> m_key;
};

} // namespace c175::tipoff
