// The Kiosks pane: the shared list layout over browse::TableId::Kiosks.
#include "common/pilot_panes.h"
#include "common/table_pane.h"

#include <wx/intl.h>

namespace c175::panels {

Pane* createKioskPane(wxWindow* parent, PaneContext& context) {
    return new TablePane(parent, context, PaneId::Kiosks, browse::TableId::Kiosks, _("Kiosks"));
}

} // namespace c175::panels
