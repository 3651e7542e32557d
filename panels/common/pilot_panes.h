// Factories of the six pilot panes (one file each under panels/<model>/), used by pane_registry.
#pragma once
#include "common/pane.h"

namespace c175::panels {

Pane* createKioskPane(wxWindow* parent, PaneContext& context);
Pane* createCameraAlertPane(wxWindow* parent, PaneContext& context);
Pane* createTipoffPane(wxWindow* parent, PaneContext& context);
Pane* createWelfarePane(wxWindow* parent, PaneContext& context);
Pane* createTourismPane(wxWindow* parent, PaneContext& context);
Pane* createMapPane(wxWindow* parent, PaneContext& context);

} // namespace c175::panels
