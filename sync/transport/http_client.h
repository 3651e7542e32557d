// HTTP(S) requests to the hub over libcurl: keep-alive, gzip, timeouts, cancel, byte counts.
#pragma once
#include <atomic>
#include <cstdint>
#include <stdexcept>
#include <string>

namespace c175::sync {

// The hub could not be reached or the exchange broke (connection refused, reset, timeout,
// truncated body). Retrying later may succeed.
class TransportError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct HttpResponse {
    long status = 0;
    std::string body;
};

struct HttpOptions {
    std::string caFile; // "" = the system's CA store; verification always stays on
    long connectTimeoutMs = 5000;
    long timeoutMs = 120000; // whole request; long-polls add their wait
};

class HttpClient {
public:
    explicit HttpClient(std::string baseUrl, HttpOptions options = {});
    ~HttpClient();
    HttpClient(const HttpClient&) = delete;
    HttpClient& operator=(const HttpClient&) = delete;

    // `path` is appended to the base URL ("/v1/pull?cursor=0"). A gzip `body` is sent with
    // Content-Encoding: gzip. Throws TransportError; any HTTP status is returned.
    HttpResponse request(const std::string& method, const std::string& path,
                         const std::string& body = "", const std::string& bearer = "",
                         bool gzipBody = false, long extraTimeoutMs = 0);

    // Set from another thread to abort the request in flight (it throws TransportError).
    void setCancelFlag(const std::atomic<bool>* flag) { m_cancel = flag; }
    // Bytes received on the wire (compressed) since construction.
    std::int64_t wireBytes() const { return m_wireBytes; }
    const std::string& baseUrl() const { return m_baseUrl; }

private:
    std::string m_baseUrl;
    HttpOptions m_options;
    void* m_curl = nullptr;
    const std::atomic<bool>* m_cancel = nullptr;
    std::atomic<std::int64_t> m_wireBytes{0};
};

} // namespace c175::sync
