// Notices to the reporter: one queued per status change on the reporter's chosen channel
// (anonymous reporters only through their follow-up code); the hub sends them when connected.
#pragma once
#include "tipoff/tipoff_types.h"

#include <string>
#include <vector>

namespace c175::db {
class Database;
}

namespace c175::tipoff {

struct Notice {
    std::string id, channel, message, state, queuedAt;
    std::string sentAt; // "" when not sent yet
};

// Queues the notice of `status` for the tip-off (inside the caller's transaction, with its outbox
// entry). Does nothing when the tip-off has no notice channel. The message carries the case code
// and the new status only: never the reporter's identity.
void queueStatusNotice(db::Database& db, const std::string& tipoffId, Status status,
                       const std::string& actor);

// The notices of a tip-off, oldest first.
std::vector<Notice> noticesOf(db::Database& db, const std::string& tipoffId);

} // namespace c175::tipoff
