// --simulate: live camera alerts, gate counts and kiosk heartbeats written into the hub's store.
#pragma once
#include "hub/hub_store.h"

#include <atomic>
#include <cstdint>
#include <thread>

namespace c175::hub {

class Simulator {
public:
    // One step every `periodMs` on average; `seed` makes the stream reproducible.
    Simulator(HubStore& store, int periodMs = 700, std::uint64_t seed = 175);
    ~Simulator();
    void start();
    void stop();
    std::int64_t written() const { return m_written; }

private:
    void run();
    HubStore& m_store;
    int m_periodMs;
    std::uint64_t m_seed;
    std::atomic<bool> m_stop{false};
    std::atomic<std::int64_t> m_written{0};
    std::thread m_thread;
};

} // namespace c175::hub
