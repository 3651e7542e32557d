#include "hub/hub_auth.h"

#include "auth/accounts.h"
#include "core/i18n.h"
#include "core/ids.h"

#include <Poco/JWT/JWTException.h>
#include <Poco/JWT/Signer.h>
#include <Poco/JWT/Token.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <chrono>

namespace c175::hub {
namespace {

std::string randomHex(size_t bytes) {
    std::vector<unsigned char> b(bytes);
    if (RAND_bytes(b.data(), static_cast<int>(b.size())) != 1)
        throw std::runtime_error("The system random generator failed.");
    static const char* hex = "0123456789abcdef";
    std::string out;
    for (auto c : b) {
        out += hex[c >> 4];
        out += hex[c & 15];
    }
    return out;
}

std::string sha256Hex(const std::string& text) {
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int n = 0;
    EVP_Digest(text.data(), text.size(), md, &n, EVP_sha256(), nullptr);
    static const char* hex = "0123456789abcdef";
    std::string out;
    for (unsigned i = 0; i < n; ++i) {
        out += hex[md[i] >> 4];
        out += hex[md[i] & 15];
    }
    return out;
}

std::int64_t nowSeconds() {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

[[noreturn]] void unauthorized(const std::string& message) {
    throw ApiError(401, "invalid_token", message);
}

auth::Session sessionOf(const auth::User& user) {
    auth::Session s;
    s.userId = user.id;
    s.username = user.username;
    s.displayName = user.displayName;
    s.role = user.role;
    s.provinceCode = user.provinceCode;
    return s;
}

} // namespace

HubAuth::HubAuth(HubStore& store) : m_store(store) {
    m_key = store.withDb([](db::Database& db) {
        auto key = db.scalarText("SELECT value FROM hub_meta WHERE key = 'jwt_key'");
        if (key)
            return *key;
        const std::string made = randomHex(32);
        db::Statement q(db, "INSERT INTO hub_meta(key, value) VALUES ('jwt_key', ?)");
        q.bind(1, made);
        q.run();
        return made;
    });
}

TokenPair HubAuth::issue(db::Database& db, const auth::Session& session,
                         const std::string& family) {
    Poco::JWT::Token token;
    token.setType("JWT");
    token.setIssuer("c175-hub");
    token.setSubject(session.username);
    token.setId(core::newUuidV7());
    token.payload().set("role", std::string(auth::roleName(session.role)));
    if (session.provinceCode)
        token.payload().set("prov", *session.provinceCode);
    const std::int64_t now = nowSeconds();
    token.setIssuedAt(Poco::Timestamp::fromEpochTime(static_cast<std::time_t>(now)));
    token.setExpiration(
        Poco::Timestamp::fromEpochTime(static_cast<std::time_t>(now + kAccessSeconds)));
    Poco::JWT::Signer signer(m_key);
    TokenPair pair;
    pair.accessToken = signer.sign(token, Poco::JWT::Signer::ALGO_HS256);
    pair.refreshToken = randomHex(32);
    pair.expiresIn = kAccessSeconds;
    pair.refreshExpiresIn = kRefreshSeconds;
    pair.session = session;
    db::Statement q(db, "INSERT INTO hub_refresh_tokens(token_hash, family, username, issued_at, "
                        "expires_at) VALUES (?,?,?,?,?)");
    q.bindAll(sha256Hex(pair.refreshToken), family, session.username, core::formatUtcSeconds(now),
              core::formatUtcSeconds(now + kRefreshSeconds));
    q.run();
    return pair;
}

TokenPair HubAuth::login(const std::string& username, const std::string& password) {
    return m_store.withDb([&](db::Database& db) {
        auth::AccountService accounts(db);
        auth::Session session;
        try {
            session = accounts.login(username, password);
        } catch (const auth::LoginError& e) {
            if (e.reason() == auth::LoginError::Reason::Locked)
                throw ApiError(423, "locked", e.what());
            throw ApiError(401, "invalid_credentials", e.what());
        }
        if (!session.has(auth::Permission::Sync))
            throw ApiError(403, "forbidden", core::tr("This account may not sync."));
        db::Transaction tx(db);
        auto pair = issue(db, session, core::newUuidV7());
        tx.commit();
        return pair;
    });
}

TokenPair HubAuth::refresh(const std::string& refreshToken) {
    return m_store.withDb([&](db::Database& db) {
        db::Transaction tx(db);
        db::Statement q(db, "SELECT family, username, expires_at, used_at, revoked_at FROM "
                            "hub_refresh_tokens WHERE token_hash = ?");
        q.bind(1, sha256Hex(refreshToken));
        if (!q.step())
            unauthorized(core::tr("The refresh token is not valid."));
        const std::string family = q.getText(0), username = q.getText(1);
        const bool used = !q.isNull(3), revoked = !q.isNull(4);
        std::int64_t expires = 0;
        core::parseIsoTime(q.getText(2), expires);
        q.reset();
        if (used) {
            // The token was exchanged before: someone holds a copy. End the whole family.
            db::Statement r(db, "UPDATE hub_refresh_tokens SET revoked_at = ? WHERE family = ? "
                                "AND revoked_at IS NULL");
            r.bindAll(core::nowUtc(), family);
            r.run();
            tx.commit();
            unauthorized(core::tr("The refresh token was already used; sign in again."));
        }
        if (revoked || expires < nowSeconds())
            unauthorized(core::tr("The refresh token has expired or was revoked; sign in again."));
        auth::AccountService accounts(db);
        auto user = accounts.find(username);
        if (!user || user->disabled)
            unauthorized(core::tr("The account is disabled."));
        db::Statement mark(db, "UPDATE hub_refresh_tokens SET used_at = ? WHERE token_hash = ?");
        mark.bindAll(core::nowUtc(), sha256Hex(refreshToken));
        mark.run();
        auto pair = issue(db, sessionOf(*user), family);
        tx.commit();
        return pair;
    });
}

void HubAuth::logout(const std::string& refreshToken) {
    m_store.withDb([&](db::Database& db) {
        db::Statement r(db, "UPDATE hub_refresh_tokens SET revoked_at = ? WHERE family = (SELECT "
                            "family FROM hub_refresh_tokens WHERE token_hash = ?) AND revoked_at "
                            "IS NULL");
        r.bindAll(core::nowUtc(), sha256Hex(refreshToken));
        r.run();
        if (db.changes() == 0)
            unauthorized(core::tr("The refresh token is not valid."));
    });
}

auth::Session HubAuth::authenticate(const std::string& authorization) {
    const std::string prefix = "Bearer ";
    if (authorization.rfind(prefix, 0) != 0)
        unauthorized(core::tr("A bearer token is required."));
    Poco::JWT::Token token;
    try {
        Poco::JWT::Signer signer(m_key);
        token = signer.verify(authorization.substr(prefix.size()));
    } catch (const Poco::Exception&) {
        unauthorized(core::tr("The access token is not valid."));
    }
    if (token.getExpiration().epochTime() <= static_cast<std::time_t>(nowSeconds()))
        unauthorized(core::tr("The access token has expired."));
    return m_store.withDb([&](db::Database& db) {
        auth::AccountService accounts(db);
        auto user = accounts.find(token.getSubject());
        if (!user || user->disabled)
            unauthorized(core::tr("The account is disabled."));
        return sessionOf(*user);
    });
}

} // namespace c175::hub
