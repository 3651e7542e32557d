#include "common/stock_buttons.h"

#include <wx/intl.h>
#include <wx/window.h>

namespace c175::panels {

void labelStockButtons(wxWindow* dialog) {
    const struct {
        int id;
        wxString label;
    } labels[] = {{wxID_OK, _("OK")}, {wxID_CANCEL, _("Cancel")}, {wxID_CLOSE, _("Close")}};
    for (const auto& [id, label] : labels)
        if (wxWindow* button = dialog->FindWindow(id))
            button->SetLabel(label);
}

} // namespace c175::panels
