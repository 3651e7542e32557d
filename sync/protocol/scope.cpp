#include "protocol/scope.h"

#include "core/i18n.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace c175::sync {
namespace {

using auth::Permission;

enum class Area { Geo, Kiosks, Cameras, Tipoffs, CentreKey, KeyWraps, Welfare, Tourism, Other };

Area areaOf(std::string_view e) {
    if (e == "tipoff_centre_key")
        return Area::CentreKey;
    if (e == "tipoff_key_wraps")
        return Area::KeyWraps;
    if (e == "admin_units")
        return Area::Geo;
    if (e.rfind("kiosk", 0) == 0)
        return Area::Kiosks;
    if (e == "cameras" || e == "camera_alerts" || e == "gate_counts")
        return Area::Cameras;
    if (e.rfind("tipoff", 0) == 0)
        return Area::Tipoffs;
    if (e == "households" || e == "beneficiaries" || e == "programmes" || e == "applications")
        return Area::Welfare;
    if (e == "lodgings" || e == "stays")
        return Area::Tourism;
    return Area::Other;
}

} // namespace

bool canPull(const auth::Session& s, std::string_view entity) {
    switch (areaOf(entity)) {
    case Area::Geo:
        return true;
    case Area::Kiosks:
        return s.has(Permission::ViewKiosks);
    case Area::Cameras:
        return s.has(Permission::ViewCameraAlerts);
    case Area::Tipoffs:
        return s.has(Permission::ViewTipoffs);
    case Area::CentreKey: // sealing and blind indexes at intake need it
        return s.has(Permission::ViewTipoffs) || s.has(Permission::CreateTipoffs);
    case Area::KeyWraps: // and then only the session's own row (pullsRow)
        return s.has(Permission::RevealReporter);
    case Area::Welfare:
        return s.has(Permission::ViewWelfare);
    case Area::Tourism:
        return s.has(Permission::ViewTourism);
    case Area::Other:
        return s.role == auth::Role::Admin;
    }
    return false;
}

std::optional<std::string> pushRefusal(const auth::Session& s, std::string_view entity, bool isNew,
                                       bool changesStatus, std::string_view newStatus) {
    const std::string role(auth::roleName(s.role));
    auto refuse = [&] {
        return core::fmt(core::tr("The role {} may not change {}."), role, entity);
    };
    switch (areaOf(entity)) {
    case Area::Kiosks:
        if (!s.has(Permission::ManageKiosks))
            return refuse();
        break;
    case Area::Cameras:
        if (!s.has(Permission::TriageCameraAlerts))
            return refuse();
        break;
    case Area::Tipoffs:
        if (changesStatus && !s.has(Permission::WorkTipoffs))
            return core::fmt(core::tr("The role {} may not change the status of a tip-off."), role);
        if (isNew ? !s.has(Permission::CreateTipoffs) : !s.has(Permission::WorkTipoffs))
            return refuse();
        break;
    case Area::Welfare:
        if (!s.has(Permission::ReviewWelfare) && !s.has(Permission::ApproveWelfare))
            return refuse();
        if (changesStatus && (newStatus == "approved" || newStatus == "paid") &&
            !s.has(Permission::ApproveWelfare))
            return core::fmt(core::tr("The role {} may not approve support."), role);
        break;
    case Area::CentreKey:
        return core::tr("The centre key is managed at the hub; a console cannot change it.");
    case Area::KeyWraps: // each user's own row only (rowRefusal)
        if (!s.has(Permission::RevealReporter))
            return refuse();
        break;
    case Area::Geo:
    case Area::Tourism:
    case Area::Other:
        if (s.role != auth::Role::Admin)
            return refuse();
        break;
    }
    return std::nullopt;
}

bool ownRowsOnly(std::string_view entity) {
    return areaOf(entity) == Area::KeyWraps;
}

namespace {
// Usernames compare without case, as at sign-in.
bool sameUser(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) ==
                      std::tolower(static_cast<unsigned char>(y));
           });
}
} // namespace

bool pullsRow(const auth::Session& s, std::string_view entity, std::string_view rowKey) {
    return !ownRowsOnly(entity) || sameUser(rowKey, s.username);
}

std::optional<std::string> rowRefusal(const auth::Session& s, std::string_view entity,
                                      std::string_view rowKey) {
    if (ownRowsOnly(entity) && !sameUser(rowKey, s.username) && s.role != auth::Role::Admin)
        return core::fmt(core::tr("Only {} or an administrator may change this row of {}."),
                         std::string(rowKey), std::string(entity));
    return std::nullopt;
}

bool hidesColumn(const auth::Session& s, std::string_view entity, std::string_view column) {
    return entity == "tipoffs" && column == "reporter_sealed" && !s.has(Permission::RevealReporter);
}

std::string_view workflowColumn(std::string_view entity) {
    if (entity == "tipoffs" || entity == "applications")
        return "status";
    if (entity == "camera_alerts")
        return "triage";
    return "";
}

bool isTerminalState(std::string_view entity, std::string_view state) {
    if (entity == "tipoffs")
        return state == "closed" || state == "rejected" || state == "merged";
    if (entity == "applications")
        return state == "paid" || state == "rejected";
    if (entity == "camera_alerts")
        return state == "resolved" || state == "dismissed";
    return false;
}

bool isLiveEntity(std::string_view entity) {
    return entity == "camera_alerts" || entity == "kiosk_heartbeats" || entity == "gate_counts";
}

} // namespace c175::sync
