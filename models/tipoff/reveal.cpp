#include "tipoff/reveal.h"

#include "audit/audit_log.h"
#include "auth/roles.h"
#include "core/errors.h"
#include "core/i18n.h"
#include "core/text_fold.h"
#include "db/database.h"
#include "tipoff/centre_keys.h"
#include "tipoff/tipoff_types.h"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

namespace c175::tipoff {

ReporterIdentity revealReporter(db::Database& db, const auth::Session& by,
                                const std::string& password, const std::string& tipoffId,
                                const std::string& reason) {
    audit::AuditLog log(db);
    if (!by.has(auth::Permission::RevealReporter)) {
        log.append(by.actor(), "reveal_denied", "tipoffs", tipoffId, "no permission");
        auth::require(by, auth::Permission::RevealReporter); // throws AccessDenied
    }
    const auto trimmed = reason.find_first_not_of(" \t\r\n");
    if (trimmed == std::string::npos || core::utf8Length(reason.substr(trimmed)) < kMinRevealReason)
        throw core::ValidationError(
            "reason",
            core::fmt(core::tr("type why the identity is needed (at least {} characters)"),
                      kMinRevealReason));

    db::Statement q(db, "SELECT code, reporter_sealed FROM tipoffs WHERE id = ? AND deleted = 0");
    q.bind(1, tipoffId);
    if (!q.step())
        throw TipoffError(core::fmt(core::tr("There is no tip-off \"{}\"."), tipoffId));
    const std::string code = q.getText(0);
    if (q.isNull(1))
        throw TipoffError(
            core::fmt(core::tr("Tip-off {} is anonymous: there is no identity to reveal."), code));
    const auto sealed = q.getBlob(1);

    std::string json;
    try {
        json = openReporter(db, {by.username, password}, sealed);
    } catch (const TipoffError&) {
        log.append(by.actor(), "reveal_failed", "tipoffs", tipoffId, code + " reason: " + reason);
        throw;
    }
    // Audited before the identity is handed out: no audit entry, no identity.
    log.append(by.actor(), "reveal", "tipoffs", tipoffId, code + " reason: " + reason);

    ReporterIdentity id;
    auto obj = Poco::JSON::Parser().parse(json).extract<Poco::JSON::Object::Ptr>();
    id.name = obj->optValue<std::string>("name", "");
    id.cccd = obj->optValue<std::string>("cccd", "");
    id.phone = obj->optValue<std::string>("phone", "");
    id.email = obj->optValue<std::string>("email", "");
    id.address = obj->optValue<std::string>("address", "");
    id.shareWithAgencies = obj->optValue<bool>("share_with_agencies", false);
    return id;
}

} // namespace c175::tipoff
