// The Tourism pane: the shared list layout over browse::TableId::Tourism.
#include "common/pilot_panes.h"
#include "common/table_pane.h"

#include <wx/intl.h>

namespace c175::panels {

Pane* createTourismPane(wxWindow* parent, PaneContext& context) {
    return new TablePane(parent, context, PaneId::Tourism, browse::TableId::Tourism,
                         _("Tourism & lodging"));
}

} // namespace c175::panels
