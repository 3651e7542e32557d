// How long work (seed, import, sync, export) reports progress and learns it was cancelled.
#pragma once
#include <atomic>
#include <cstdint>
#include <stdexcept>
#include <string_view>

namespace c175::core {

class Cancelled : public std::runtime_error {
public:
    Cancelled() : std::runtime_error("cancelled") {}
};

class Progress {
public:
    virtual ~Progress() = default;
    // `stage` is a short translated label ("Tip-offs"); total 0 = unknown.
    virtual void update(std::string_view stage, std::int64_t done, std::int64_t total) = 0;
    virtual bool cancelled() const { return false; }
    // Throws Cancelled when the person asked to stop; call between units of work.
    void checkpoint() const {
        if (cancelled())
            throw Cancelled();
    }
};

// Reports nothing; never cancelled.
class NoProgress final : public Progress {
public:
    void update(std::string_view, std::int64_t, std::int64_t) override {}
};

} // namespace c175::core
