// Account administration and sign-in with lockout; every change and sign-in goes to the audit log.
#include "auth/accounts.h"

#include "audit/audit_log.h"
#include "auth/password.h"
#include "core/errors.h"
#include "core/i18n.h"
#include "core/ids.h"
#include "db/database.h"
#include "tipoff/centre_keys.h"
#include "tipoff/tipoff_types.h"

#include <algorithm>
#include <cctype>

namespace c175::auth {
namespace {

constexpr const char* kUserColumns =
    "id, username, display_name, role, province_code, disabled, locked_until, failed_logins, "
    "created_at, last_login_at";

User readUser(const db::Statement& st) {
    User u;
    u.id = st.getText(0);
    u.username = st.getText(1);
    u.displayName = st.getText(2);
    // The schema's CHECK constraint admits only known role names.
    u.role = parseRole(st.getText(3)).value_or(Role::Operator);
    u.provinceCode = st.getOptText(4);
    u.disabled = st.getInt(5) != 0;
    u.lockedUntil = st.getOptText(6);
    u.failedLogins = st.getInt(7);
    u.createdAt = st.getText(8);
    u.lastLoginAt = st.getOptText(9);
    return u;
}

std::string lowerAscii(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

std::string trimmed(const std::string& text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos)
        return "";
    const auto last = text.find_last_not_of(" \t\r\n");
    return text.substr(first, last - first + 1);
}

void checkProvince(db::Database& db, const std::optional<std::string>& code) {
    if (!code)
        return;
    const bool twoDigits = code->size() == 2 &&
                           std::isdigit(static_cast<unsigned char>((*code)[0])) &&
                           std::isdigit(static_cast<unsigned char>((*code)[1]));
    if (!twoDigits)
        throw core::ValidationError("province",
                                    core::fmt(core::tr("\"{}\" is not a province code (two "
                                                       "digits, such as 01 or 79)"),
                                              *code));
    // Once geodata is imported the code must name one of its provinces.
    const bool haveProvinces = db.scalarInt("SELECT count(*) FROM admin_units WHERE layer = "
                                            "'2025' AND level = 'province'") > 0;
    if (!haveProvinces)
        return;
    db::Statement st(db, "SELECT 1 FROM admin_units WHERE layer = '2025' AND level = 'province' "
                         "AND code = ?");
    st.bind(1, *code);
    if (!st.step())
        throw core::ValidationError("province",
                                    core::fmt(core::tr("no province has the code {}"), *code));
}

std::optional<User> findIn(db::Database& db, const std::string& username) {
    db::Statement st(db, std::string("SELECT ") + kUserColumns + " FROM users WHERE username = ?");
    st.bind(1, username);
    if (!st.step())
        return std::nullopt;
    return readUser(st);
}

User requireUser(db::Database& db, const std::string& username) {
    auto user = findIn(db, lowerAscii(username));
    if (!user)
        throw core::ValidationError(
            "username", core::fmt(core::tr("there is no account named \"{}\""), username));
    return *user;
}

std::string passwordHashOf(db::Database& db, const std::string& userId) {
    db::Statement st(db, "SELECT password_hash FROM users WHERE id = ?");
    st.bind(1, userId);
    return st.step() ? st.getText(0) : std::string();
}

// Verifying against this when the name is unknown makes an unknown name cost as much time as a
// wrong password, so timing does not tell which names exist.
const std::string& decoyHash() {
    static const std::string hash = hashPassword("c175-decoy-password");
    return hash;
}

} // namespace

void checkUsername(const std::string& username) {
    if (username.size() < 3 || username.size() > 32)
        throw core::ValidationError("username", core::tr("must be 3 to 32 characters long"));
    for (unsigned char c : username) {
        const bool ok =
            (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
        if (!ok)
            throw core::ValidationError(
                "username", core::tr("may hold only lower-case letters a-z, digits, '.', '_' "
                                     "and '-'"));
    }
}

LoginError::LoginError(Reason reason, std::string message, std::optional<std::string> lockedUntil)
    : std::runtime_error(std::move(message)), m_reason(reason),
      m_lockedUntil(std::move(lockedUntil)) {}

AccountService::AccountService(db::Database& db, Clock clock)
    : m_db(db), m_clock(std::move(clock)) {}

std::chrono::system_clock::time_point AccountService::now() const {
    return m_clock ? m_clock() : std::chrono::system_clock::now();
}

User AccountService::addUser(const std::string& actor, const std::string& username,
                             const std::string& displayName, Role role, const std::string& password,
                             std::optional<std::string> provinceCode) {
    checkUsername(username);
    const std::string name = trimmed(displayName);
    if (name.empty())
        throw core::ValidationError("display_name", core::tr("must not be empty"));
    checkPasswordPolicy(password);
    checkProvince(m_db, provinceCode);
    // Hash before taking the write lock: scrypt is slow on purpose.
    const std::string hash = hashPassword(password);

    db::Transaction tx(m_db);
    if (findIn(m_db, username))
        throw core::ValidationError("username",
                                    core::fmt(core::tr("\"{}\" is already taken"), username));
    User u;
    u.id = core::newUuidV7();
    u.username = username;
    u.displayName = name;
    u.role = role;
    u.provinceCode = provinceCode;
    u.createdAt = core::formatUtc(now());
    db::Statement(m_db, "INSERT INTO users (id, username, display_name, role, province_code, "
                        "password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
        .bindAll(u.id, u.username, u.displayName, std::string(roleName(role)), u.provinceCode, hash,
                 u.createdAt)
        .run();
    audit::AuditLog(m_db, m_clock)
        .append(actor, "user_create", "user", u.id,
                "username=" + u.username + ";role=" + std::string(roleName(role)) +
                    ";province=" + provinceCode.value_or(""));
    tx.commit();
    return u;
}

PasswordChange AccountService::setPassword(const std::string& actor, const std::string& username,
                                           const std::string& password) {
    return applyPassword(actor, username, password, std::nullopt);
}

PasswordChange AccountService::changePassword(const std::string& actor, const std::string& username,
                                              const std::string& currentPassword,
                                              const std::string& newPassword) {
    return applyPassword(actor, username, newPassword, currentPassword);
}

PasswordChange AccountService::applyPassword(const std::string& actor, const std::string& username,
                                             const std::string& password,
                                             const std::optional<std::string>& currentPassword) {
    checkPasswordPolicy(password);
    const User before = requireUser(m_db, username); // a clear message before the slow hash
    if (currentPassword && !verifyPassword(*currentPassword, passwordHashOf(m_db, before.id)))
        throw core::ValidationError("current_password",
                                    core::tr("is not this account's current password"));
    const std::string hash = hashPassword(password);
    db::Transaction tx(m_db);
    const User u = requireUser(m_db, username);
    db::Statement(m_db, "UPDATE users SET password_hash = ?, failed_logins = 0, locked_until = "
                        "NULL WHERE id = ?")
        .bindAll(hash, u.id)
        .run();
    audit::AuditLog(m_db, m_clock)
        .append(actor, "user_password", "user", u.id,
                "username=" + u.username + (currentPassword ? ";change" : ";reset"));
    // The copy of the centre key follows the password, in this same transaction: a password
    // change never leaves a copy that opens with nothing the user knows.
    PasswordChange result;
    if (tipoff::holdsCentreKey(m_db, u.username)) {
        bool rewrapped = false;
        if (currentPassword) {
            try {
                tipoff::rewrapCentreKey(m_db, actor, u.username, *currentPassword, password);
                rewrapped = true;
            } catch (const tipoff::TipoffError&) {
                // The copy was wrapped under some other password: it opens for nobody now.
            }
        }
        if (rewrapped) {
            result.keyRewrapped = true;
        } else {
            tipoff::revokeCentreKey(m_db, actor, u.username,
                                    currentPassword ? "copy did not open with the password"
                                                    : "password reset");
            result.keyRemoved = true;
            result.message = core::fmt(
                core::tr("{}'s copy of the centre key was removed: it was locked with the old "
                         "password, which a reset does not know. They cannot reveal reporter "
                         "identities until a key holder grants it again (c175ctl tipoff "
                         "grant-key {} --by HOLDER)."),
                u.username, u.username);
        }
    }
    tx.commit();
    return result;
}

void AccountService::setDisabled(const std::string& actor, const std::string& username,
                                 bool disabled) {
    db::Transaction tx(m_db);
    const User u = requireUser(m_db, username);
    if (disabled)
        db::Statement(m_db, "UPDATE users SET disabled = 1 WHERE id = ?").bind(1, u.id).run();
    else
        db::Statement(m_db, "UPDATE users SET disabled = 0, failed_logins = 0, locked_until = "
                            "NULL WHERE id = ?")
            .bind(1, u.id)
            .run();
    audit::AuditLog(m_db, m_clock)
        .append(actor, disabled ? "user_disable" : "user_enable", "user", u.id,
                "username=" + u.username);
    tx.commit();
}

User AccountService::addUser(const Session& by, const std::string& username,
                             const std::string& displayName, Role role, const std::string& password,
                             std::optional<std::string> provinceCode) {
    require(by, Permission::ManageUsers);
    return addUser(by.actor(), username, displayName, role, password, std::move(provinceCode));
}

PasswordChange AccountService::setPassword(const Session& by, const std::string& username,
                                           const std::string& password) {
    require(by, Permission::ManageUsers);
    return setPassword(by.actor(), username, password);
}

PasswordChange AccountService::changeOwnPassword(const Session& by,
                                                 const std::string& currentPassword,
                                                 const std::string& newPassword) {
    return changePassword(by.actor(), by.username, currentPassword, newPassword);
}

void AccountService::setDisabled(const Session& by, const std::string& username, bool disabled) {
    require(by, Permission::ManageUsers);
    if (disabled && lowerAscii(username) == lowerAscii(by.username))
        throw core::ValidationError("username", core::tr("you cannot disable your own account"));
    setDisabled(by.actor(), username, disabled);
}

std::vector<User> AccountService::list() {
    std::vector<User> users;
    db::Statement st(m_db, std::string("SELECT ") + kUserColumns + " FROM users ORDER BY username");
    while (st.step())
        users.push_back(readUser(st));
    return users;
}

std::optional<User> AccountService::find(const std::string& username) {
    return findIn(m_db, lowerAscii(username));
}

bool AccountService::isLocked(const User& user) {
    std::int64_t until = 0;
    if (!user.lockedUntil || !core::parseIsoTime(*user.lockedUntil, until))
        return false;
    const auto nowSeconds =
        std::chrono::duration_cast<std::chrono::seconds>(now().time_since_epoch()).count();
    return nowSeconds < until;
}

Session AccountService::login(const std::string& username, const std::string& password) {
    const std::string name = lowerAscii(trimmed(username)).substr(0, 64);
    const auto badCredentials = [] {
        return LoginError(LoginError::Reason::BadCredentials,
                          core::tr("The user name or password is wrong."));
    };
    audit::AuditLog log(m_db, m_clock);
    const auto user = findIn(m_db, name);
    if (!user) {
        (void)verifyPassword(password, decoyHash());
        log.append("user:" + name, "login_failed", "user", "", "unknown user");
        throw badCredentials();
    }
    const std::string actor = "user:" + user->username;
    if (isLocked(*user)) {
        log.append(actor, "login_refused", "user", user->id, "locked until " + *user->lockedUntil);
        throw LoginError(LoginError::Reason::Locked,
                         core::fmt(core::tr("This account is locked after too many failed "
                                            "sign-ins. Try again after {}."),
                                   *user->lockedUntil),
                         user->lockedUntil);
    }
    if (!verifyPassword(password, passwordHashOf(m_db, user->id))) {
        db::Transaction tx(m_db);
        // Re-read inside the write lock so two consoles failing at once both count.
        db::Statement count(m_db, "SELECT failed_logins FROM users WHERE id = ?");
        count.bind(1, user->id);
        const int failures = (count.step() ? count.getInt(0) : 0) + 1;
        count.reset();
        if (failures >= kMaxFailedLogins) {
            const std::string until = core::formatUtc(now() + kLockoutDuration);
            db::Statement(m_db, "UPDATE users SET failed_logins = 0, locked_until = ? WHERE id = ?")
                .bindAll(until, user->id)
                .run();
            log.append(actor, "login_failed", "user", user->id,
                       "failure " + std::to_string(failures));
            log.append(actor, "account_locked", "user", user->id, "until " + until);
            tx.commit();
            throw LoginError(LoginError::Reason::Locked,
                             core::fmt(core::tr("Too many failed sign-ins: this account is locked "
                                                "until {}."),
                                       until),
                             until);
        }
        db::Statement(m_db, "UPDATE users SET failed_logins = ? WHERE id = ?")
            .bindAll(failures, user->id)
            .run();
        log.append(actor, "login_failed", "user", user->id, "failure " + std::to_string(failures));
        tx.commit();
        throw badCredentials();
    }
    if (user->disabled) {
        log.append(actor, "login_refused", "user", user->id, "disabled");
        throw LoginError(LoginError::Reason::Disabled,
                         core::tr("This account is disabled. Ask an administrator."));
    }
    db::Transaction tx(m_db);
    db::Statement(m_db, "UPDATE users SET failed_logins = 0, locked_until = NULL, last_login_at = "
                        "? WHERE id = ?")
        .bindAll(core::formatUtc(now()), user->id)
        .run();
    log.append(actor, "login", "user", user->id);
    tx.commit();

    Session s;
    s.userId = user->id;
    s.username = user->username;
    s.displayName = user->displayName;
    s.role = user->role;
    s.provinceCode = user->provinceCode;
    return s;
}

} // namespace c175::auth
