// The hub's sign-in: short-lived JWT access tokens and rotating refresh tokens (stored hashed).
#pragma once
#include "auth/roles.h"
#include "hub/hub_store.h"

#include <string>

namespace c175::hub {

struct TokenPair {
    std::string accessToken, refreshToken;
    int expiresIn = 0, refreshExpiresIn = 0;
    auth::Session session;
};

class HubAuth {
public:
    // Loads the signing key from hub_meta, making one on first use.
    explicit HubAuth(HubStore& store);

    TokenPair login(const std::string& username, const std::string& password);
    TokenPair refresh(const std::string& refreshToken);
    void logout(const std::string& refreshToken);
    // The session of a valid "Bearer ..." header; throws ApiError 401 otherwise.
    auth::Session authenticate(const std::string& authorization);

    static constexpr int kAccessSeconds = 900;
    static constexpr int kRefreshSeconds = 30 * 24 * 3600;
    const std::string& signingKey() const { return m_key; }

private:
    TokenPair issue(db::Database& db, const auth::Session& session, const std::string& family);
    HubStore& m_store;
    std::string m_key;
};

} // namespace c175::hub
