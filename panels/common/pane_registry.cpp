// Which panes a session gets, their stable keys, and the factory the main frame calls.
#include "common/pane.h"
#include "common/pilot_panes.h"

namespace c175::panels {
namespace {

struct PaneInfo {
    PaneId id;
    const char* key;
    auth::Permission permission;
    Pane* (*create)(wxWindow*, PaneContext&);
};

const PaneInfo kPanes[] = {
    {PaneId::Kiosks, "kiosks", auth::Permission::ViewKiosks, createKioskPane},
    {PaneId::CameraAlerts, "camera_alerts", auth::Permission::ViewCameraAlerts,
     createCameraAlertPane},
    {PaneId::Tipoffs, "tipoffs", auth::Permission::ViewTipoffs, createTipoffPane},
    {PaneId::Welfare, "welfare", auth::Permission::ViewWelfare, createWelfarePane},
    {PaneId::Tourism, "tourism", auth::Permission::ViewTourism, createTourismPane},
    {PaneId::Map, "map", auth::Permission::ViewMap, createMapPane},
};

const PaneInfo& infoOf(PaneId id) {
    for (const auto& info : kPanes)
        if (info.id == id)
            return info;
    return kPanes[0];
}

} // namespace

std::vector<PaneId> panesFor(const auth::Session& session) {
    std::vector<PaneId> ids;
    for (const auto& info : kPanes)
        if (session.has(info.permission))
            ids.push_back(info.id);
    return ids;
}

const char* paneKey(PaneId id) {
    return infoOf(id).key;
}

Pane* createPane(PaneId id, wxWindow* parent, PaneContext& context) {
    const PaneInfo& info = infoOf(id);
    // Refused here, before any window exists, as the pane's service would refuse it anyway.
    auth::require(context.session, info.permission);
    return info.create(parent, context);
}

} // namespace c175::panels
