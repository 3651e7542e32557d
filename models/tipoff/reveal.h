// "Reveal identity": opening a tip-off's sealed reporter identity, for a person with the
// permission, their password (it unwraps their copy of the centre key) and a typed reason; every
// attempt is audited.
#pragma once
#include <string>

namespace c175::db {
class Database;
}
namespace c175::auth {
struct Session;
}

namespace c175::tipoff {

struct ReporterIdentity {
    std::string name, cccd, phone, email, address;
    bool shareWithAgencies = false;
};

inline constexpr std::size_t kMinRevealReason = 10;

// Requires Permission::RevealReporter (auth::AccessDenied otherwise, audited as "reveal_denied")
// and a reason of at least 10 characters (core::ValidationError("reason", ...)). A successful
// reveal is audited as "reveal" with the reason; a password that does not open the key as
// "reveal_failed" (TipoffError). An anonymous tip-off has nothing to reveal (TipoffError).
ReporterIdentity revealReporter(db::Database& db, const auth::Session& by,
                                const std::string& password, const std::string& tipoffId,
                                const std::string& reason);

} // namespace c175::tipoff
