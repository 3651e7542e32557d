// The camera alerts pane: the alert list plus triage buttons (acknowledge, dispatch, dismiss,
// resolve).
#include "browse/alert_triage.h"
#include "common/pilot_panes.h"
#include "common/table_pane.h"

#include <wx/button.h>
#include <wx/intl.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>

#include <array>

namespace c175::panels {
namespace {

class CameraAlertPane : public TablePane {
public:
    CameraAlertPane(wxWindow* parent, PaneContext& context)
        : TablePane(parent, context, PaneId::CameraAlerts, browse::TableId::CameraAlerts,
                    _("Camera alerts")) {
        using A = browse::TriageAction;
        const std::array<std::pair<A, wxString>, 4> actions{{
            {A::Acknowledge, _("&Acknowledge")},
            {A::Dispatch, _("D&ispatch")},
            {A::Dismiss, _("Dis&miss")},
            {A::Resolve, _("&Resolve")},
        }};
        // Only a role that may triage gets the buttons; the service refuses the others anyway.
        if (!context.session.has(auth::Permission::TriageCameraAlerts))
            return;
        for (const auto& [action, label] : actions) {
            auto* button = new wxButton(this, wxID_ANY, label);
            button->Bind(wxEVT_BUTTON, [this, action = action](wxCommandEvent&) { apply(action); });
            button->Disable();
            toolbar()->Insert(1 + m_buttons.size(), button, 0, wxALIGN_CENTER_VERTICAL | wxLEFT,
                              FromDIP(6));
            m_buttons.push_back({action, button});
        }
        Layout();
    }

private:
    void onSelectionChanged(const browse::Row* row) override {
        const int column = columnIndex("triage");
        const std::string triage =
            row && column >= 0 ? row->raw.at(static_cast<std::size_t>(column)) : "";
        for (const auto& [action, button] : m_buttons)
            button->Enable(row && browse::triageAllowed(triage, action));
    }

    void apply(browse::TriageAction action) {
        const browse::Row* row = selectedRow();
        if (!row)
            return;
        try {
            browse::AlertTriage(*context().db, context().session).apply(row->recordId, action);
            refreshSelectedRow();
        } catch (const std::exception& e) {
            wxMessageBox(wxString::FromUTF8(e.what()), _("Camera alerts"), wxOK | wxICON_WARNING,
                         this);
        }
    }

    std::vector<std::pair<browse::TriageAction, wxButton*>> m_buttons;
};

} // namespace

Pane* createCameraAlertPane(wxWindow* parent, PaneContext& context) {
    return new CameraAlertPane(parent, context);
}

} // namespace c175::panels
