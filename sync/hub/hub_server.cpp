#include "hub/hub_server.h"

#include "core/i18n.h"
#include "core/ids.h"
#include "protocol/gzip.h"
#include "protocol/json_text.h"

#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerRequestImpl.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/SecureServerSocket.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/URI.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <istream>
#include <thread>

namespace c175::hub {
namespace {

using sync::JsonValue;

std::string queryParam(const std::string& query, const std::string& name, bool& present) {
    present = false;
    Poco::URI uri("/?" + query);
    for (const auto& [k, v] : uri.getQueryParameters())
        if (k == name) {
            present = true;
            return v;
        }
    return "";
}

std::int64_t intParam(const std::string& query, const std::string& name, std::int64_t fallback,
                      bool* given = nullptr) {
    bool present = false;
    const std::string text = queryParam(query, name, present);
    if (given)
        *given = present;
    if (!present)
        return fallback;
    std::int64_t v = 0;
    auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || p != text.data() + text.size())
        throw ApiError(400, "bad_request",
                       core::fmt(core::tr("\"{}\" must be a whole number."), name), name);
    return v;
}

JsonValue parseBody(const Request& r) {
    try {
        auto v = sync::parseJson(r.body);
        if (!v.isObject())
            throw ApiError(400, "bad_json", core::tr("The body must be a JSON object."));
        return v;
    } catch (const sync::JsonError& e) {
        throw ApiError(400, "bad_json", e.what());
    }
}

std::string textField(const JsonValue& body, const char* key, size_t maxLen) {
    const JsonValue* v = body.find(key);
    if (!v || !v->isString() || v->asString().empty() || v->asString().size() > maxLen)
        throw ApiError(
            400, "bad_request",
            core::fmt(core::tr("\"{}\" must be a text of 1 to {} characters."), key, maxLen), key);
    return v->asString();
}

Reply tokenReply(const TokenPair& pair) {
    JsonValue user = JsonValue::object();
    user.set("username", pair.session.username);
    user.set("display_name", pair.session.displayName);
    user.set("role", std::string(auth::roleName(pair.session.role)));
    user.set("province_code",
             pair.session.provinceCode ? JsonValue(*pair.session.provinceCode) : JsonValue());
    JsonValue out = JsonValue::object();
    out.set("access_token", pair.accessToken);
    out.set("token_type", "Bearer");
    out.set("expires_in", pair.expiresIn);
    out.set("refresh_token", pair.refreshToken);
    out.set("refresh_expires_in", pair.refreshExpiresIn);
    out.set("user", std::move(user));
    return {200, sync::toJson(out)};
}

} // namespace

Reply errorReply(int status, const std::string& code, const std::string& message,
                 const std::string& field, const std::string& detailJson) {
    std::string body = "{\"error\":{\"code\":";
    sync::writeJsonString(body, code);
    body += ",\"message\":";
    sync::writeJsonString(body, message);
    if (!field.empty()) {
        body += ",\"field\":";
        sync::writeJsonString(body, field);
    }
    if (!detailJson.empty())
        body += ",\"detail\":" + detailJson;
    body += "}}";
    return {status, body};
}

Reply HubApi::handle(const Request& request) {
    try {
        return route(request);
    } catch (const ApiError& e) {
        return errorReply(e.status(), e.code(), e.what(), e.field());
    } catch (const std::exception& e) {
        return errorReply(500, "internal", core::fmt(core::tr("The hub failed: {}"), e.what()));
    }
}

Reply HubApi::route(const Request& r) {
    const std::string& p = r.path;
    if (p == "/v1/health" && r.method == "GET") {
        return {200, "{\"status\":\"ok\",\"hub_seq\":" + std::to_string(m_store.currentSeq()) +
                         ",\"time\":\"" + core::nowUtc() + "\",\"version\":\"" C175_VERSION "\"}"};
    }
    if (p == "/v1/auth/login" && r.method == "POST") {
        const auto body = parseBody(r);
        return tokenReply(
            m_auth.login(textField(body, "username", 64), textField(body, "password", 256)));
    }
    if (p == "/v1/auth/refresh" && r.method == "POST")
        return tokenReply(m_auth.refresh(textField(parseBody(r), "refresh_token", 256)));
    if (p == "/v1/auth/logout" && r.method == "POST") {
        m_auth.authenticate(r.authorization);
        m_auth.logout(textField(parseBody(r), "refresh_token", 256));
        return {204, ""};
    }
    const bool known = p == "/v1/pull" || p == "/v1/push" || p == "/v1/events" ||
                       p.rfind("/v1/attachments", 0) == 0;
    if (!known)
        return errorReply(404, "not_found",
                          core::fmt(core::tr("No such endpoint: {} {}"), r.method, p));
    const auth::Session session = m_auth.authenticate(r.authorization);
    if (p == "/v1/pull" && r.method == "GET") {
        PullRequest pr;
        pr.cursor = intParam(r.query, "cursor", 0);
        if (pr.cursor < 0)
            throw ApiError(400, "bad_request", core::tr("\"cursor\" must be 0 or more."), "cursor");
        pr.limit = static_cast<int>(
            std::clamp<std::int64_t>(intParam(r.query, "limit", 5000), -1, 1000000));
        bool present = false;
        const std::string list = queryParam(r.query, "entities", present);
        size_t start = 0;
        while (present && start <= list.size()) {
            const size_t comma = std::min(list.find(',', start), list.size());
            if (comma > start)
                pr.entities.push_back(list.substr(start, comma - start));
            start = comma + 1;
        }
        return {200, m_store.pull(session, pr)};
    }
    if (p == "/v1/push" && r.method == "POST")
        return {200, m_store.push(session, r.body)};
    if (p == "/v1/events" && r.method == "GET") {
        bool given = false;
        const std::int64_t after = intParam(r.query, "after", -1, &given);
        if (given && after < 0)
            throw ApiError(400, "bad_request", core::tr("\"after\" must be 0 or more."), "after");
        const std::int64_t wait = intParam(r.query, "wait", 25);
        if (wait < 0 || wait > 60)
            throw ApiError(400, "bad_request", core::tr("\"wait\" must be between 0 and 60."),
                           "wait");
        return {200, m_store.events(session, after, static_cast<int>(wait * 1000))};
    }
    if (p.rfind("/v1/attachments", 0) == 0)
        return attachments(session, r, p.substr(std::string("/v1/attachments").size()));
    return errorReply(405, "bad_request",
                      core::fmt(core::tr("No such endpoint: {} {}"), r.method, p));
}

// ----------------------------------------------------------------------- HTTP adapter

namespace {

class Handler final : public Poco::Net::HTTPRequestHandler {
public:
    explicit Handler(HubApi& api) : m_api(api) {}
    void handleRequest(Poco::Net::HTTPServerRequest& req,
                       Poco::Net::HTTPServerResponse& resp) override {
        // Without TCP_NODELAY, Nagle and delayed ACKs add tens of ms to every response.
        if (auto* impl = dynamic_cast<Poco::Net::HTTPServerRequestImpl*>(&req))
            impl->socket().setNoDelay(true);
        Request r;
        r.method = req.getMethod();
        Poco::URI uri(req.getURI());
        r.path = uri.getPath();
        r.query = uri.getRawQuery();
        r.authorization = req.get("Authorization", "");
        r.contentType = req.getContentType();
        Reply reply;
        const bool chunk = r.path.find("/chunks") != std::string::npos;
        const std::size_t limit = chunk ? HubApi::kMaxChunk : HubApi::kMaxBody;
        if (req.hasContentLength() && req.getContentLength64() > static_cast<std::int64_t>(limit)) {
            reply = errorReply(413, "too_large",
                               core::fmt(core::tr("The body is larger than {} bytes."), limit));
        } else {
            std::string raw;
            char buf[65536];
            bool tooLarge = false;
            auto& in = req.stream();
            while (in) {
                in.read(buf, sizeof buf);
                raw.append(buf, static_cast<size_t>(in.gcount()));
                if (raw.size() > limit) {
                    tooLarge = true;
                    break;
                }
            }
            if (tooLarge) {
                reply = errorReply(413, "too_large",
                                   core::fmt(core::tr("The body is larger than {} bytes."), limit));
            } else if (req.get("Content-Encoding", "") == "gzip") {
                try {
                    r.body = sync::gunzip(raw, limit);
                    reply = m_api.handle(r);
                } catch (const sync::GzipTooLarge&) {
                    reply =
                        errorReply(413, "too_large",
                                   core::fmt(core::tr("The body is larger than {} bytes."), limit));
                } catch (const std::exception& e) {
                    reply = errorReply(400, "bad_request", e.what());
                }
            } else {
                r.body = std::move(raw);
                reply = m_api.handle(r);
            }
        }
        resp.setStatus(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(reply.status));
        std::string body = std::move(reply.body);
        if (reply.status != 204) {
            resp.setContentType(reply.contentType);
            if (body.size() > 1024 &&
                req.get("Accept-Encoding", "").find("gzip") != std::string::npos) {
                body = sync::gzip(body);
                resp.set("Content-Encoding", "gzip");
            }
        }
        resp.setContentLength64(static_cast<Poco::Int64>(body.size()));
        auto& out = resp.send();
        out.write(body.data(), static_cast<std::streamsize>(body.size()));
    }

private:
    HubApi& m_api;
};

class Factory final : public Poco::Net::HTTPRequestHandlerFactory {
public:
    explicit Factory(HubApi& api) : m_api(api) {}
    Poco::Net::HTTPRequestHandler*
    createRequestHandler(const Poco::Net::HTTPServerRequest&) override {
        return new Handler(m_api);
    }

private:
    HubApi& m_api;
};

} // namespace

HubServer::HubServer(HubStore& store, HubAuth& auth, const ServerOptions& options)
    : m_store(store), m_api(store, auth) {
    Poco::Net::SocketAddress address(options.bind, static_cast<Poco::UInt16>(options.port));
    auto* params = new Poco::Net::HTTPServerParams;
    params->setMaxThreads(options.threads);
    params->setMaxQueued(256);
    params->setKeepAlive(true);
    params->setTimeout(Poco::Timespan(120, 0));
    if (!options.tlsCert.empty()) {
        Poco::Net::Context::Ptr ctx =
            new Poco::Net::Context(Poco::Net::Context::TLS_SERVER_USE, options.tlsKey,
                                   options.tlsCert, "", Poco::Net::Context::VERIFY_NONE);
        Poco::Net::SecureServerSocket socket(address, 64, ctx);
        m_port = socket.address().port();
        m_server = std::make_unique<Poco::Net::HTTPServer>(new Factory(m_api), socket, params);
    } else {
        Poco::Net::ServerSocket socket(address, 64);
        m_port = socket.address().port();
        m_server = std::make_unique<Poco::Net::HTTPServer>(new Factory(m_api), socket, params);
    }
}

HubServer::~HubServer() {
    stop();
}

void HubServer::start() {
    m_server->start();
}

void HubServer::stop() {
    if (!m_server)
        return;
    m_store.closeWaiters();
    m_server->stopAll(true);
    // The request threads belong to Poco's pool and outlive the server object: a handler still
    // running when the store goes would use freed memory.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (m_server->currentThreads() > 0 && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
}

} // namespace c175::hub
