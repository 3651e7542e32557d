// Roles, permissions and the signed-in Session that models services check before they act.
#pragma once
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace c175::auth {

enum class Role { Operator, CaseOfficer, WelfareReviewer, WelfareApprover, Analyst, Admin };

// What a role may do. Services call require(session, permission) before acting, so a forbidden
// call fails the same way with or without a GUI; the GUI only hides what would fail anyway.
//
//  permission          operator  case_officer  welfare_reviewer  welfare_approver  analyst  admin
//  ViewKiosks              x                                                          x       x
//  ManageKiosks            x                                                                  x
//  ViewCameraAlerts        x                                                          x       x
//  TriageCameraAlerts      x                                                                  x
//  ViewTipoffs                       x                                                x       x
//  CreateTipoffs                     x                                                        x
//  WorkTipoffs                       x                                                        x
//  AssignTipoffs                     x                                                        x
//  RevealReporter                    x                                                        x
//  ViewWelfare                                      x                 x                       x
//  ReviewWelfare                                    x                                         x
//  ApproveWelfare                                                     x                       x
//  ViewTourism                                                                        x       x
//  ViewMap                 x         x                                                x       x
//  ViewStatistics                                                                     x       x
//  ManageUsers                                                                                x
//  VerifyAudit                                                                                x
//  Sync                    x         x              x                 x               x       x
//
// Why: an analyst reads figures (tip-off lists without the reporter's identity, statistics
// that aggregate tip-offs and welfare) but never changes a case nor sees a beneficiary's file;
// welfare review and approval are split so one person cannot both review and approve
// (the welfare workflow also refuses approving an application one reviewed oneself).
enum class Permission {
    ViewKiosks,
    ManageKiosks,
    ViewCameraAlerts,
    TriageCameraAlerts,
    ViewTipoffs,
    CreateTipoffs,
    WorkTipoffs,
    AssignTipoffs,
    RevealReporter,
    ViewWelfare,
    ReviewWelfare,
    ApproveWelfare,
    ViewTourism,
    ViewMap,
    ViewStatistics,
    ManageUsers,
    VerifyAudit,
    Sync,
};

// Stable names as stored in users.role: "operator", "case_officer", ... "admin".
std::string_view roleName(Role role);
std::optional<Role> parseRole(std::string_view name);
// The role as a person reads it, translated ("Case officer").
std::string roleLabel(Role role);
const std::vector<Role>& allRoles();

// Stable name ("reveal_reporter") and translated description ("reveal a reporter's identity").
std::string_view permissionName(Permission permission);
std::string permissionLabel(Permission permission);
const std::vector<Permission>& allPermissions();

bool roleHas(Role role, Permission permission);

// Who is signed in; made by AccountService::login (or by tests).
struct Session {
    std::string userId, username, displayName;
    Role role = Role::Operator;
    std::optional<std::string> provinceCode; // area scope; nullopt = whole country
    bool has(Permission p) const { return roleHas(role, p); }
    // The actor recorded in the audit log for this person's actions: "user:<username>".
    std::string actor() const { return "user:" + username; }
};

// A call the signed-in role may not make; the message names the user, role and permission.
class AccessDenied : public std::runtime_error {
public:
    AccessDenied(const Session& session, Permission permission);
    Permission permission() const { return m_permission; }
    const std::string& username() const { return m_username; }
    Role role() const { return m_role; }

private:
    Permission m_permission;
    std::string m_username;
    Role m_role;
};

// Throws AccessDenied unless session.has(permission).
void require(const Session& session, Permission permission);

} // namespace c175::auth
