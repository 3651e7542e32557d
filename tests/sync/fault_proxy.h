// A fault-injecting TCP proxy on 127.0.0.1 for sync tests: drops and resets connections, delays,
// answers 500/503 itself, and cuts responses short, at random (seeded) between clean relays.
#pragma once
#include <arpa/inet.h>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <mutex>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <random>
#include <stdexcept>
#include <string>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace c175::test {

class FaultProxy {
public:
    struct Counts {
        std::atomic<int> clean{0}, dropped{0}, reset{0}, delayed{0}, error5xx{0}, truncated{0};
    };

    // `faultRate` = share of connections that get a fault (0..1).
    FaultProxy(int targetPort, unsigned seed, double faultRate)
        : m_target(targetPort), m_rng(seed), m_rate(faultRate) {
        m_listen = socket(AF_INET, SOCK_STREAM, 0);
        int one = 1;
        setsockopt(m_listen, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        a.sin_port = 0;
        if (bind(m_listen, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0 ||
            listen(m_listen, 64) != 0)
            throw std::runtime_error("proxy: cannot listen");
        socklen_t len = sizeof a;
        getsockname(m_listen, reinterpret_cast<sockaddr*>(&a), &len);
        m_port = ntohs(a.sin_port);
        m_acceptor = std::thread([this] { acceptLoop(); });
    }
    ~FaultProxy() {
        m_stop = true;
        shutdown(m_listen, SHUT_RDWR);
        close(m_listen);
        m_acceptor.join();
        for (auto& t : m_workers)
            t.join();
    }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(m_port); }
    void setFaultRate(double rate) { m_rate = rate; }
    const Counts& counts() const { return m_counts; }

private:
    enum class Fault { None, Drop, Reset, Delay, Error500, Error503, Truncate };

    Fault pick(int& budget) {
        std::lock_guard lock(m_mutex);
        std::uniform_real_distribution<double> u(0, 1);
        // Even clean connections close after a random amount of answer bytes (some mid-body),
        // so keep-alive cannot carry the whole sync past the faults. The ceiling stays above the
        // largest page (700 rows with sealed identities), or that page could never get through.
        budget = std::uniform_int_distribution<int>(2'000, 300'000)(m_rng);
        if (u(m_rng) >= m_rate.load())
            return Fault::None;
        // The first faults go through every kind once, so each run meets them all; then random.
        if (m_faults < 6)
            return static_cast<Fault>(1 + m_faults++);
        return static_cast<Fault>(1 + std::uniform_int_distribution<int>(0, 5)(m_rng));
    }

    void acceptLoop() {
        while (!m_stop) {
            const int client = accept(m_listen, nullptr, nullptr);
            if (client < 0) {
                if (m_stop)
                    return;
                continue;
            }
            int budget = 0;
            const Fault fault = pick(budget);
            m_workers.emplace_back([this, client, fault, budget] { serve(client, fault, budget); });
        }
    }

    static void resetClose(int fd) {
        linger l{1, 0};
        setsockopt(fd, SOL_SOCKET, SO_LINGER, &l, sizeof l);
        close(fd);
    }

    // Reads one request head (enough to know a request came) before answering an error.
    static void readSome(int fd) {
        char buf[8192];
        pollfd p{fd, POLLIN, 0};
        if (poll(&p, 1, 2000) > 0)
            (void)recv(fd, buf, sizeof buf, 0);
    }

    void serve(int client, Fault fault, int budget) {
        switch (fault) {
        case Fault::Drop:
            ++m_counts.dropped;
            close(client);
            return;
        case Fault::Reset:
            ++m_counts.reset;
            readSome(client);
            resetClose(client);
            return;
        case Fault::Error500:
        case Fault::Error503: {
            ++m_counts.error5xx;
            readSome(client);
            const std::string body = "{\"error\":{\"code\":\"unavailable\",\"message\":\"x\"}}";
            const std::string head =
                std::string(fault == Fault::Error500 ? "HTTP/1.1 500 Internal Server Error"
                                                     : "HTTP/1.1 503 Service Unavailable") +
                "\r\nContent-Type: application/json\r\nContent-Length: " +
                std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
            (void)send(client, head.data(), head.size(), MSG_NOSIGNAL);
            close(client);
            return;
        }
        case Fault::Delay:
            ++m_counts.delayed;
            std::this_thread::sleep_for(std::chrono::milliseconds(300));
            break;
        case Fault::Truncate:
            ++m_counts.truncated;
            budget = 200 + budget % 4000; // cut early: inside the first answer
            break;
        case Fault::None:
            ++m_counts.clean;
            break;
        }
        const int upstream = socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        a.sin_port = htons(static_cast<std::uint16_t>(m_target));
        if (connect(upstream, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
            close(upstream);
            close(client);
            return;
        }
        pollfd fds[2] = {{client, POLLIN, 0}, {upstream, POLLIN, 0}};
        char buf[65536];
        long down = 0;
        while (!m_stop) {
            if (poll(fds, 2, 200) < 0)
                break;
            bool closed = false;
            for (int i = 0; i < 2 && !closed; ++i) {
                if (!(fds[i].revents & (POLLIN | POLLHUP | POLLERR)))
                    continue;
                const ssize_t n = recv(fds[i].fd, buf, sizeof buf, 0);
                if (n <= 0) {
                    closed = true;
                    break;
                }
                ssize_t len = n;
                if (i == 1 && down + len > budget)
                    len = std::max<long>(0, budget - down);
                if (len > 0)
                    (void)send(fds[1 - i].fd, buf, static_cast<size_t>(len), MSG_NOSIGNAL);
                if (i == 1) {
                    down += len;
                    if (down >= budget)
                        closed = true;
                }
            }
            if (closed)
                break;
        }
        close(upstream);
        close(client);
    }

    int m_target;
    int m_listen = -1;
    int m_port = 0;
    std::mt19937 m_rng;
    int m_faults = 0; // under m_mutex
    std::atomic<double> m_rate;
    std::mutex m_mutex;
    std::atomic<bool> m_stop{false};
    std::thread m_acceptor;
    std::vector<std::thread> m_workers;
    Counts m_counts;
};

} // namespace c175::test
