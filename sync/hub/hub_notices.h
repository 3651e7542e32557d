// Notices to reporters leave through the hub: each queued notice is handed to its channel's
// gateway and marked sent, which syncs back to the consoles as the notice's delivery state.
#pragma once
#include "hub/hub_store.h"

#include <atomic>
#include <string>
#include <thread>

namespace c175::hub {

// The reference hub's gateway is a spool folder: one JSON line per notice in <channel>.jsonl
// (vneid, sms, email, followup) for the centre's VNeID, SMS, e-mail and follow-up portal
// services to read. A line carries the notice id, the case code, the message and, for the
// direct channels, the reporter's sealed identity (the gateway holds the key to open it); a
// follow-up notice carries the hash of the follow-up code. The hub never sees a contact in
// clear. A line is written before its notice is marked sent: after a crash between the two the
// line is written again, and gateways drop repeats by notice id.
class NoticeDispatcher {
public:
    NoticeDispatcher(HubStore& store, std::string spoolDir, int periodMs = 1000);
    ~NoticeDispatcher();
    void start();
    void stop();
    // One pass over the queued notices; returns how many were handed over. Throws when the
    // spool cannot be written (the notices stay queued).
    int dispatchOnce();

private:
    void run();
    HubStore& m_store;
    std::string m_spoolDir;
    int m_periodMs;
    std::atomic<bool> m_stop{false};
    std::thread m_thread;
};

} // namespace c175::hub
