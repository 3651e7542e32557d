// The Tipoffs pane: the shared list layout over browse::TableId::Tipoffs.
#include "common/pilot_panes.h"
#include "common/table_pane.h"

#include <wx/intl.h>

namespace c175::panels {

Pane* createTipoffPane(wxWindow* parent, PaneContext& context) {
    return new TablePane(parent, context, PaneId::Tipoffs, browse::TableId::Tipoffs, _("Tip-offs"));
}

} // namespace c175::panels
