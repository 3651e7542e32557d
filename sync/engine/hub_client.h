// The console's side of the hub API: sign-in, token refresh, pull, push, events, with retries.
#pragma once
#include "protocol/json_text.h"
#include "transport/http_client.h"

#include <atomic>
#include <functional>
#include <memory>
#include <string>

namespace c175::sync {

// The hub answered with an error that retrying will not fix (4xx); message from the hub.
class HubError : public std::runtime_error {
public:
    HubError(long status, std::string code, const std::string& message)
        : std::runtime_error(message), m_status(status), m_code(std::move(code)) {}
    long status() const { return m_status; }
    const std::string& code() const { return m_code; }

private:
    long m_status;
    std::string m_code;
};

// Retries ran out: the hub is unreachable (or failing) for now.
class OfflineError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct RetryPolicy {
    int attempts = 8;
    int baseMs = 100;
    int capMs = 5000;
};

class HubClient {
public:
    HubClient(const std::string& baseUrl, HttpOptions options = {});

    // Signs in (throws HubError 401/423 on refusal).
    void login(const std::string& username, const std::string& password);
    const std::string& username() const { return m_username; }
    const std::string& role() const { return m_role; }

    JsonValue pull(std::int64_t cursor, int limit);
    JsonValue push(const std::string& body);
    JsonValue events(std::int64_t after, int waitSeconds);
    JsonValue health();

    // Exponential backoff with jitter for network failures and 5xx/429; 401 refreshes once.
    JsonValue call(const std::string& method, const std::string& path, const std::string& body,
                   bool auth, long extraTimeoutMs = 0);

    void setRetryPolicy(RetryPolicy policy) { m_retry = policy; }
    void setCancelFlag(const std::atomic<bool>* flag);
    std::int64_t wireBytes() const { return m_http->wireBytes(); }
    HttpClient& http() { return *m_http; }

private:
    void refresh();
    std::unique_ptr<HttpClient> m_http;
    std::string m_access, m_refresh, m_username, m_password, m_role;
    RetryPolicy m_retry;
    const std::atomic<bool>* m_cancel = nullptr;
};

} // namespace c175::sync
