// The hub's HTTP server (Poco HTTPServer): routes /v1/ requests to the store, auth and uploads.
#pragma once
#include "hub/hub_auth.h"
#include "hub/hub_store.h"

#include <cstdint>
#include <memory>
#include <string>

namespace Poco::Net {
class HTTPServer;
}

namespace c175::hub {

struct ServerOptions {
    std::string bind = "127.0.0.1";
    int port = 8175; // 0 = an ephemeral port
    std::string tlsCert, tlsKey;
    int threads = 16;
};

struct Reply {
    int status = 200;
    std::string body;
    std::string contentType = "application/json";
};

// One request, transport-independent (tests call it directly too).
struct Request {
    std::string method, path, query, authorization, contentType;
    std::string body;
};

class HubApi {
public:
    HubApi(HubStore& store, HubAuth& auth) : m_store(store), m_auth(auth) {}
    Reply handle(const Request& request);

    static constexpr std::size_t kMaxBody = 16u << 20; // push, after decompression
    static constexpr std::size_t kMaxChunk = 1u << 20; // one attachment chunk
    static constexpr std::int64_t kMaxAttachment = 50ll << 20;

private:
    Reply route(const Request& request);
    Reply attachments(const auth::Session& session, const Request& request,
                      const std::string& rest);
    HubStore& m_store;
    HubAuth& m_auth;
};

Reply errorReply(int status, const std::string& code, const std::string& message,
                 const std::string& field = "", const std::string& detailJson = "");

class HubServer {
public:
    HubServer(HubStore& store, HubAuth& auth, const ServerOptions& options);
    ~HubServer();
    void start();
    // Stops accepting, ends long-polls and in-flight requests, and waits (a few seconds at
    // most) for the request threads, so the store and auth can be destroyed after it.
    void stop();
    int port() const { return m_port; }

private:
    HubStore& m_store;
    HubApi m_api;
    std::unique_ptr<Poco::Net::HTTPServer> m_server;
    int m_port = 0;
};

} // namespace c175::hub
