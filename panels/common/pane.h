// The contract between the main frame (app/console) and the pilot panes (panels/*).
#pragma once
#include "auth/roles.h"
#include "db/database.h"

#include <wx/panel.h>
#include <wx/string.h>

#include <functional>
#include <string>
#include <vector>

namespace c175::panels {

enum class PaneId { Kiosks, CameraAlerts, Tipoffs, Welfare, Tourism, Map };

// What a pane gets from the frame. `db` is the GUI thread's connection to the cache; long
// queries run on a worker with their own connection opened from `dbPath`.
struct PaneContext {
    db::Database* db = nullptr;
    std::string dbPath;
    auth::Session session;
    // Asks the frame to bring a pane forward and select a record in it ("Show on map", "Open").
    std::function<void(PaneId, const std::string& recordId)> openRecord;
    // Shows a message in the status bar.
    std::function<void(const wxString&)> setStatus;
};

class Pane : public wxPanel {
public:
    using wxPanel::wxPanel;
    virtual PaneId id() const = 0;
    virtual wxString title() const = 0;     // translated, e.g. _("Tip-offs")
    virtual void reload() = 0;              // re-read from the cache (after a sync, an edit)
    virtual long shownRowCount() const = 0; // rows in the pane's main list as shown now
    virtual void focusSearch() = 0;         // Ctrl+F
    virtual void selectRecord(const std::string& recordId) = 0;
};

// The panes a session may see, in menu order; the services refuse the others too.
std::vector<PaneId> panesFor(const auth::Session& session);
// Stable name for saved layouts and tests ("kiosks", "camera_alerts", "tipoffs", "welfare",
// "tourism", "map").
const char* paneKey(PaneId id);
Pane* createPane(PaneId id, wxWindow* parent, PaneContext& context);

} // namespace c175::panels
