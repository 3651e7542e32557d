// The Welfare pane: the shared list layout over browse::TableId::Welfare.
#include "common/pilot_panes.h"
#include "common/table_pane.h"

#include <wx/intl.h>

namespace c175::panels {

Pane* createWelfarePane(wxWindow* parent, PaneContext& context) {
    return new TablePane(parent, context, PaneId::Welfare, browse::TableId::Welfare,
                         _("Social protection"));
}

} // namespace c175::panels
