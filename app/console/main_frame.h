// The main window: the role's panes as tabs (wxAuiNotebook), menus, status bar, saved layout.
#pragma once
#include "settings.h"

#include "auth/roles.h"
#include "common/pane.h"
#include "db/database.h"

#include <wx/frame.h>

#include <functional>
#include <memory>
#include <vector>

class wxAuiNotebook;
class wxAuiNotebookEvent;

namespace c175::app {

struct Preferences;
class SyncController;

// What the frame asks of the application (which owns start-up and restarts).
struct FrameHooks {
    // File > Open cache...: the application opens `path`, signs in again and replaces the frame.
    std::function<void(const std::string& path)> openCache;
};

class MainFrame : public wxFrame {
public:
    // Status bar fields, left to right.
    enum Field { FieldMessage, FieldUser, FieldRole, FieldCache, FieldSync, FieldCount };

    // Opens every pane `session` may see. The frame owns the cache connection.
    MainFrame(Settings& settings, std::unique_ptr<db::Database> db, auth::Session session,
              FrameHooks hooks = {});
    ~MainFrame() override;

    const auth::Session& session() const { return m_context.session; }
    db::Database& database() { return *m_db; }
    wxAuiNotebook* notebook() const { return m_book; }

    // The opened panes in tab order; null for a pane that failed to open.
    std::vector<panels::Pane*> panes() const;
    panels::Pane* pane(panels::PaneId id) const;
    panels::Pane* frontPane() const;
    // Brings the pane to the front; false when the role has no such pane.
    bool showPane(panels::PaneId id);

    wxString statusField(Field field) const;
    void refreshSyncStatus();
    // The hub named on the command line (--hub) wins over Preferences for this run.
    void setHubForThisRun(const wxString& url);
    // Starts syncing with the hub (if one is set) as the signed-in person; `password` is the one
    // typed at sign-in, kept in memory for this session only.
    void startSync(const wxString& password);
    SyncController* syncController() const { return m_sync.get(); }

    // Tab order and the front tab, per role, in console.ini; the frame's size and place.
    void saveLayout();
    void resetLayout();
    // Unattended runs (screenshots, benchmarks) leave the person's saved layout alone.
    void setSaveLayoutOnClose(bool save) { m_saveOnClose = save; }

private:
    void buildMenus();
    void buildStatusBar();
    void buildPanes();
    void restorePlace();
    void arrangeTabs(const std::vector<panels::PaneId>& order);
    std::vector<panels::PaneId> visualOrder() const;
    void onClose(wxCloseEvent& event);
    void onPreferences();
    void onOpenCache();

    Settings& m_settings;
    std::unique_ptr<db::Database> m_db;
    panels::PaneContext m_context;
    FrameHooks m_hooks;
    std::vector<panels::PaneId> m_allowed;                     // menu order
    std::vector<std::pair<panels::PaneId, wxWindow*>> m_pages; // one page per allowed pane
    wxAuiNotebook* m_book = nullptr;
    bool m_saveOnClose = true;
    wxString m_hubForThisRun;
    std::unique_ptr<SyncController> m_sync;
};

} // namespace c175::app
