// User accounts: creation, passwords, disabling, and sign-in with lockout, all audited.
#pragma once
#include "auth/roles.h"

#include <chrono>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace c175::db {
class Database;
}

namespace c175::auth {

struct User {
    std::string id, username, displayName;
    Role role = Role::Operator;
    std::optional<std::string> provinceCode;
    bool disabled = false;
    std::optional<std::string> lockedUntil; // UTC ISO time; may lie in the past (lock expired)
    int failedLogins = 0;
    std::string createdAt;
    std::optional<std::string> lastLoginAt;
};

// A refused sign-in. The message is translated; BadCredentials never says whether the name or
// the password was wrong.
class LoginError : public std::runtime_error {
public:
    enum class Reason { BadCredentials, Locked, Disabled };
    LoginError(Reason reason, std::string message, std::optional<std::string> lockedUntil = {});
    Reason reason() const { return m_reason; }
    std::optional<std::string> lockedUntil() const { return m_lockedUntil; }

private:
    Reason m_reason;
    std::optional<std::string> m_lockedUntil;
};

using Clock = std::function<std::chrono::system_clock::time_point()>;

// What a password change did to the user's copy of the tip-off centre key (the copy is wrapped
// under a key derived from the password, so it must follow the password).
struct PasswordChange {
    bool keyRewrapped = false; // the copy now opens with the new password
    bool keyRemoved = false;   // the old password was unknown: the copy was removed
    std::string message;       // translated; says what the user must do when keyRemoved
};

inline constexpr int kMaxFailedLogins = 5;
inline constexpr std::chrono::minutes kLockoutDuration{15};

class AccountService {
public:
    // `clock` {} = the system clock; tests inject one to step over the lockout.
    explicit AccountService(db::Database& db, Clock clock = {});

    // Local administration: c175ctl acts on a cache as its local administrator (whoever may
    // write the file); `actor` names them in the audit log, e.g. "os:root".
    // Usernames: 3-32 characters of [a-z0-9._-] (ValidationError("username", ...) otherwise,
    // and for a name already taken); the password must pass checkPasswordPolicy.
    User addUser(const std::string& actor, const std::string& username,
                 const std::string& displayName, Role role, const std::string& password,
                 std::optional<std::string> provinceCode = std::nullopt);
    // A reset by an administrator: also clears failed sign-ins and any lock. The old password is
    // unknown, so a copy of the centre key the user held cannot be re-wrapped: it is removed in
    // the same transaction and the result says so (a key holder must grant it again).
    PasswordChange setPassword(const std::string& actor, const std::string& username,
                               const std::string& password);
    // A change by someone who knows the current password (ValidationError("current_password")
    // when it is wrong): the user's copy of the centre key is re-wrapped under the new password
    // in the same transaction.
    PasswordChange changePassword(const std::string& actor, const std::string& username,
                                  const std::string& currentPassword,
                                  const std::string& newPassword);
    // Enabling also clears failed sign-ins and any lock.
    void setDisabled(const std::string& actor, const std::string& username, bool disabled);

    // The same for a signed-in person: each requires Permission::ManageUsers and otherwise
    // throws AccessDenied with nothing changed. An administrator may not disable themself.
    User addUser(const Session& by, const std::string& username, const std::string& displayName,
                 Role role, const std::string& password,
                 std::optional<std::string> provinceCode = std::nullopt);
    PasswordChange setPassword(const Session& by, const std::string& username,
                               const std::string& password);
    // Any signed-in person may change their own password, given the current one.
    PasswordChange changeOwnPassword(const Session& by, const std::string& currentPassword,
                                     const std::string& newPassword);
    void setDisabled(const Session& by, const std::string& username, bool disabled);

    std::vector<User> list();
    std::optional<User> find(const std::string& username);
    // Is the account locked now (by this service's clock)?
    bool isLocked(const User& user);

    // Five failed sign-ins in a row lock the account for 15 minutes (even the right password is
    // refused while locked, and the count starts again after the lock); a success resets the count.
    // Disabled accounts are refused. Every sign-in, failure and lock is audited. Throws LoginError.
    Session login(const std::string& username, const std::string& password);

private:
    std::chrono::system_clock::time_point now() const;
    PasswordChange applyPassword(const std::string& actor, const std::string& username,
                                 const std::string& password,
                                 const std::optional<std::string>& currentPassword);
    db::Database& m_db;
    Clock m_clock;
};

// Throws core::ValidationError("username", ...) unless 3-32 characters of [a-z0-9._-].
void checkUsername(const std::string& username);

} // namespace c175::auth
