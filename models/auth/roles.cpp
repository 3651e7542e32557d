// Role names, labels and the permission matrix documented in roles.h.
#include "auth/roles.h"

#include "core/i18n.h"

#include <array>

namespace c175::auth {
namespace {

using P = Permission;

struct RoleInfo {
    Role role;
    std::string_view name;
};

const std::array<RoleInfo, 6> kRoles{{
    {Role::Operator, "operator"},
    {Role::CaseOfficer, "case_officer"},
    {Role::WelfareReviewer, "welfare_reviewer"},
    {Role::WelfareApprover, "welfare_approver"},
    {Role::Analyst, "analyst"},
    {Role::Admin, "admin"},
}};

const char* roleLabelText(Role role) {
    switch (role) {
    case Role::Operator:
        return core::tr("Operator");
    case Role::CaseOfficer:
        return core::tr("Case officer");
    case Role::WelfareReviewer:
        return core::tr("Welfare reviewer");
    case Role::WelfareApprover:
        return core::tr("Welfare approver");
    case Role::Analyst:
        return core::tr("Analyst");
    case Role::Admin:
        return core::tr("Administrator");
    }
    return "";
}

bool operatorHas(P p) {
    switch (p) {
    case P::ViewKiosks:
    case P::ManageKiosks:
    case P::ViewCameraAlerts:
    case P::TriageCameraAlerts:
    case P::ViewMap:
    case P::Sync:
        return true;
    default:
        return false;
    }
}

bool caseOfficerHas(P p) {
    switch (p) {
    case P::ViewTipoffs:
    case P::CreateTipoffs:
    case P::WorkTipoffs:
    case P::AssignTipoffs:
    case P::RevealReporter:
    case P::ViewMap:
    case P::Sync:
        return true;
    default:
        return false;
    }
}

bool analystHas(P p) {
    switch (p) {
    case P::ViewKiosks:
    case P::ViewCameraAlerts:
    case P::ViewTipoffs:
    case P::ViewTourism:
    case P::ViewMap:
    case P::ViewStatistics:
    case P::Sync:
        return true;
    default:
        return false;
    }
}

} // namespace

std::string_view roleName(Role role) {
    for (const auto& info : kRoles)
        if (info.role == role)
            return info.name;
    return "";
}

std::optional<Role> parseRole(std::string_view name) {
    for (const auto& info : kRoles)
        if (info.name == name)
            return info.role;
    return std::nullopt;
}

std::string roleLabel(Role role) {
    return roleLabelText(role);
}

const std::vector<Role>& allRoles() {
    static const std::vector<Role> roles{Role::Operator,        Role::CaseOfficer,
                                         Role::WelfareReviewer, Role::WelfareApprover,
                                         Role::Analyst,         Role::Admin};
    return roles;
}

std::string_view permissionName(Permission permission) {
    switch (permission) {
    case P::ViewKiosks:
        return "view_kiosks";
    case P::ManageKiosks:
        return "manage_kiosks";
    case P::ViewCameraAlerts:
        return "view_camera_alerts";
    case P::TriageCameraAlerts:
        return "triage_camera_alerts";
    case P::ViewTipoffs:
        return "view_tipoffs";
    case P::CreateTipoffs:
        return "create_tipoffs";
    case P::WorkTipoffs:
        return "work_tipoffs";
    case P::AssignTipoffs:
        return "assign_tipoffs";
    case P::RevealReporter:
        return "reveal_reporter";
    case P::ViewWelfare:
        return "view_welfare";
    case P::ReviewWelfare:
        return "review_welfare";
    case P::ApproveWelfare:
        return "approve_welfare";
    case P::ViewTourism:
        return "view_tourism";
    case P::ViewMap:
        return "view_map";
    case P::ViewStatistics:
        return "view_statistics";
    case P::ManageUsers:
        return "manage_users";
    case P::VerifyAudit:
        return "verify_audit";
    case P::Sync:
        return "sync";
    }
    return "";
}

std::string permissionLabel(Permission permission) {
    switch (permission) {
    case P::ViewKiosks:
        return core::tr("view kiosks");
    case P::ManageKiosks:
        return core::tr("manage kiosks");
    case P::ViewCameraAlerts:
        return core::tr("view camera alerts");
    case P::TriageCameraAlerts:
        return core::tr("triage camera alerts");
    case P::ViewTipoffs:
        return core::tr("view tip-offs");
    case P::CreateTipoffs:
        return core::tr("create tip-offs");
    case P::WorkTipoffs:
        return core::tr("work on tip-offs");
    case P::AssignTipoffs:
        return core::tr("assign tip-offs");
    case P::RevealReporter:
        return core::tr("reveal a reporter's identity");
    case P::ViewWelfare:
        return core::tr("view social protection records");
    case P::ReviewWelfare:
        return core::tr("review social protection applications");
    case P::ApproveWelfare:
        return core::tr("approve social protection applications");
    case P::ViewTourism:
        return core::tr("view tourism and lodging");
    case P::ViewMap:
        return core::tr("view the map");
    case P::ViewStatistics:
        return core::tr("view statistics");
    case P::ManageUsers:
        return core::tr("manage user accounts");
    case P::VerifyAudit:
        return core::tr("verify the audit log");
    case P::Sync:
        return core::tr("synchronise with the hub");
    }
    return "";
}

const std::vector<Permission>& allPermissions() {
    static const std::vector<Permission> all{
        P::ViewKiosks,     P::ManageKiosks,  P::ViewCameraAlerts, P::TriageCameraAlerts,
        P::ViewTipoffs,    P::CreateTipoffs, P::WorkTipoffs,      P::AssignTipoffs,
        P::RevealReporter, P::ViewWelfare,   P::ReviewWelfare,    P::ApproveWelfare,
        P::ViewTourism,    P::ViewMap,       P::ViewStatistics,   P::ManageUsers,
        P::VerifyAudit,    P::Sync};
    return all;
}

bool roleHas(Role role, Permission permission) {
    switch (role) {
    case Role::Admin:
        return true;
    case Role::Operator:
        return operatorHas(permission);
    case Role::CaseOfficer:
        return caseOfficerHas(permission);
    case Role::WelfareReviewer:
        return permission == P::ViewWelfare || permission == P::ReviewWelfare ||
               permission == P::Sync;
    case Role::WelfareApprover:
        return permission == P::ViewWelfare || permission == P::ApproveWelfare ||
               permission == P::Sync;
    case Role::Analyst:
        return analystHas(permission);
    }
    return false;
}

AccessDenied::AccessDenied(const Session& session, Permission permission)
    : std::runtime_error(core::fmt(core::tr("Access denied: {} ({}) may not {}."), session.username,
                                   roleLabel(session.role), permissionLabel(permission))),
      m_permission(permission), m_username(session.username), m_role(session.role) {}

void require(const Session& session, Permission permission) {
    if (!session.has(permission))
        throw AccessDenied(session, permission);
}

} // namespace c175::auth
