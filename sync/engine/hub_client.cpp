#include "engine/hub_client.h"

#include "core/i18n.h"
#include "core/progress.h"

#include <chrono>
#include <random>
#include <thread>

namespace c175::sync {
namespace {

HubError errorOf(const HttpResponse& r) {
    try {
        const auto doc = parseJson(r.body);
        if (const auto* e = doc.find("error")) {
            const auto* code = e->find("code");
            const auto* message = e->find("message");
            return HubError(r.status, code && code->isString() ? code->asString() : "",
                            message && message->isString() ? message->asString() : "");
        }
    } catch (const JsonError&) {
    }
    return HubError(r.status, "http_" + std::to_string(r.status),
                    core::fmt(core::tr("The hub answered HTTP {}."), r.status));
}

} // namespace

HubClient::HubClient(const std::string& baseUrl, HttpOptions options)
    : m_http(std::make_unique<HttpClient>(baseUrl, std::move(options))) {}

void HubClient::setCancelFlag(const std::atomic<bool>* flag) {
    m_cancel = flag;
    m_http->setCancelFlag(flag);
}

void HubClient::login(const std::string& username, const std::string& password) {
    JsonValue body = JsonValue::object();
    body.set("username", username);
    body.set("password", password);
    const auto reply = call("POST", "/v1/auth/login", toJson(body), false);
    m_access = reply.find("access_token")->asString();
    m_refresh = reply.find("refresh_token")->asString();
    m_username = username;
    m_password = password;
    if (const auto* user = reply.find("user"))
        if (const auto* role = user->find("role"))
            m_role = role->asString();
}

void HubClient::refresh() {
    JsonValue body = JsonValue::object();
    body.set("refresh_token", m_refresh);
    try {
        const auto reply = call("POST", "/v1/auth/refresh", toJson(body), false);
        m_access = reply.find("access_token")->asString();
        m_refresh = reply.find("refresh_token")->asString();
    } catch (const HubError&) {
        login(m_username, m_password); // the refresh token was lost or revoked: sign in again
    }
}

JsonValue HubClient::call(const std::string& method, const std::string& path,
                          const std::string& body, bool auth, long extraTimeoutMs) {
    static thread_local std::mt19937 rng(std::random_device{}());
    bool refreshed = false;
    for (int attempt = 0;; ++attempt) {
        if (m_cancel && m_cancel->load())
            throw core::Cancelled();
        std::string why;
        try {
            const auto r = m_http->request(method, path, body, auth ? m_access : "",
                                           body.size() > 4096, extraTimeoutMs);
            if (r.status == 401 && auth && !refreshed && !m_refresh.empty()) {
                refreshed = true;
                refresh();
                --attempt;
                continue;
            }
            if (r.status >= 200 && r.status < 300) {
                try {
                    return r.body.empty() ? JsonValue::object() : parseJson(r.body, 64);
                } catch (const JsonError& e) {
                    why = e.what(); // a body cut short by the network: retry
                }
            } else if (r.status >= 500 || r.status == 429 || r.status == 408) {
                why = "HTTP " + std::to_string(r.status);
            } else {
                throw errorOf(r);
            }
        } catch (const TransportError& e) {
            if (m_cancel && m_cancel->load())
                throw core::Cancelled();
            why = e.what();
        }
        if (attempt + 1 >= m_retry.attempts)
            throw OfflineError(core::fmt(core::tr("The hub cannot be reached: {}"), why));
        const int ceiling = std::min(m_retry.capMs, m_retry.baseMs << std::min(attempt, 16));
        const int pause =
            ceiling / 2 + static_cast<int>(rng() % static_cast<unsigned>(ceiling / 2 + 1));
        for (int slept = 0; slept < pause; slept += 20) {
            if (m_cancel && m_cancel->load())
                throw core::Cancelled();
            std::this_thread::sleep_for(std::chrono::milliseconds(std::min(20, pause - slept)));
        }
    }
}

JsonValue HubClient::pull(std::int64_t cursor, int limit) {
    return call("GET",
                "/v1/pull?cursor=" + std::to_string(cursor) + "&limit=" + std::to_string(limit), "",
                true);
}

JsonValue HubClient::push(const std::string& body) {
    return call("POST", "/v1/push", body, true);
}

JsonValue HubClient::events(std::int64_t after, int waitSeconds) {
    return call("GET",
                after < 0 ? std::string("/v1/events")
                          : "/v1/events?after=" + std::to_string(after) +
                                "&wait=" + std::to_string(waitSeconds),
                "", true, waitSeconds * 1000L);
}

JsonValue HubClient::health() {
    return call("GET", "/v1/health", "", false);
}

} // namespace c175::sync
