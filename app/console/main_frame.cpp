#include "main_frame.h"

#include "about.h"
#include "app_icon.h"
#include "preferences_dialog.h"
#include "sync_controller.h"

#include <wx/aui/auibook.h>
#include <wx/control.h>
#include <wx/display.h>
#include <wx/filedlg.h>
#include <wx/filename.h>
#include <wx/intl.h>
#include <wx/log.h>
#include <wx/menu.h>
#include <wx/msgdlg.h>
#include <wx/panel.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/statusbr.h>
#include <wx/tokenzr.h>

#include <algorithm>
#include <filesystem>
#include <map>

namespace c175::app {
namespace {

constexpr int kIdFirstPane = wxID_HIGHEST + 100; // View > <pane> items, Ctrl+1..6
constexpr int kIdOpenCache = wxID_HIGHEST + 1;
constexpr int kIdFind = wxID_HIGHEST + 2;
constexpr int kIdReload = wxID_HIGHEST + 3;
constexpr int kIdResetLayout = wxID_HIGHEST + 4;

// The title of a pane that could not be created (normally the pane names itself).
wxString fallbackTitle(panels::PaneId id) {
    switch (id) {
    case panels::PaneId::Kiosks:
        return _("Kiosks");
    case panels::PaneId::CameraAlerts:
        return _("Camera alerts");
    case panels::PaneId::Tipoffs:
        return _("Tip-offs");
    case panels::PaneId::Welfare:
        return _("Social protection");
    case panels::PaneId::Tourism:
        return _("Tourism & lodging");
    case panels::PaneId::Map:
        return _("Map");
    }
    return {};
}

// Shown in place of a pane whose constructor threw, so the other panes stay usable.
wxWindow* makeErrorPage(wxWindow* parent, panels::PaneId id, const wxString& message) {
    auto* page = new wxPanel(parent);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* text = new wxStaticText(
        page, wxID_ANY,
        wxString::Format(_("The pane \"%s\" could not be opened: %s"), fallbackTitle(id), message));
    text->Wrap(page->FromDIP(600));
    sizer->Add(text, 0, wxALL, 24);
    page->SetSizer(sizer);
    return page;
}

std::string roleKey(auth::Role role) {
    return std::string(auth::roleName(role));
}

} // namespace

MainFrame::MainFrame(Settings& settings, std::unique_ptr<db::Database> db, auth::Session session,
                     FrameHooks hooks)
    : wxFrame(nullptr, wxID_ANY, _("C175 Console"), wxDefaultPosition, wxDefaultSize,
              wxDEFAULT_FRAME_STYLE, "c175-main"),
      m_settings(settings), m_db(std::move(db)), m_hooks(std::move(hooks)) {
    SetIcons(appIcons());
    m_context.db = m_db.get();
    m_context.dbPath = m_db->path();
    m_context.session = std::move(session);
    m_context.setStatus = [this](const wxString& text) {
        if (GetStatusBar())
            SetStatusText(text, FieldMessage);
    };
    m_context.openRecord = [this](panels::PaneId id, const std::string& recordId) {
        if (showPane(id))
            if (auto* p = pane(id))
                p->selectRecord(recordId);
    };
    SetTitle(wxString::Format(_("C175 Console - %s"),
                              wxFileName(wxString::FromUTF8(m_db->path())).GetFullName()));

    m_book = new wxAuiNotebook(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                               wxAUI_NB_TOP | wxAUI_NB_TAB_SPLIT | wxAUI_NB_TAB_MOVE |
                                   wxAUI_NB_SCROLL_BUTTONS | wxAUI_NB_WINDOWLIST_BUTTON);
    buildPanes();
    buildMenus();
    buildStatusBar();
    restorePlace();
    Bind(wxEVT_CLOSE_WINDOW, &MainFrame::onClose, this);
}

MainFrame::~MainFrame() {
    m_sync.reset(); // stops the sync worker first
    // Panes hold m_context and the connection: destroy them before the members go.
    DestroyChildren();
}

void MainFrame::buildPanes() {
    m_allowed = panels::panesFor(m_context.session);
    for (const auto id : m_allowed) {
        wxWindow* page = nullptr;
        try {
            page = panels::createPane(id, m_book, m_context);
        } catch (const std::exception& e) {
            wxLogError("Pane %s failed to open: %s", panels::paneKey(id),
                       wxString::FromUTF8(e.what()));
            page = makeErrorPage(m_book, id, wxString::FromUTF8(e.what()));
        }
        m_pages.emplace_back(id, page);
    }
    // Saved order first; panes new to this role since the last run go at the end.
    std::vector<panels::PaneId> order;
    wxStringTokenizer keys(m_settings.paneOrder(roleKey(session().role)), ",");
    while (keys.HasMoreTokens()) {
        const auto key = keys.GetNextToken();
        for (const auto id : m_allowed)
            if (key == panels::paneKey(id) &&
                std::find(order.begin(), order.end(), id) == order.end())
                order.push_back(id);
    }
    for (const auto id : m_allowed)
        if (std::find(order.begin(), order.end(), id) == order.end())
            order.push_back(id);
    arrangeTabs(order);
    const wxString front = m_settings.frontPane(roleKey(session().role));
    for (const auto id : m_allowed)
        if (front == panels::paneKey(id))
            showPane(id);
}

void MainFrame::arrangeTabs(const std::vector<panels::PaneId>& order) {
    // Removing every page also dissolves split tab groups, so this is the "reset" too.
    while (m_book->GetPageCount() > 0)
        m_book->RemovePage(0);
    for (const auto id : order) {
        for (const auto& [pageId, page] : m_pages) {
            if (pageId != id)
                continue;
            auto* p = dynamic_cast<panels::Pane*>(page);
            m_book->AddPage(page, p ? p->title() : fallbackTitle(id), false);
        }
    }
    if (m_book->GetPageCount() > 0)
        m_book->SetSelection(0);
}

std::vector<panels::PaneId> MainFrame::visualOrder() const {
    // Tabs may be dragged within and between split groups; order groups by their place on
    // screen (top to bottom, left to right), then by the tab's index in its group.
    struct Place {
        wxPoint group;
        int index;
        panels::PaneId id;
    };
    std::vector<Place> places;
    for (const auto& [id, page] : m_pages) {
        wxAuiTabCtrl* ctrl = nullptr;
        int index = 0;
        if (!m_book->FindTab(page, &ctrl, &index) || !ctrl)
            continue;
        places.push_back({ctrl->GetScreenPosition(), index, id});
    }
    std::sort(places.begin(), places.end(), [](const Place& a, const Place& b) {
        if (a.group.y != b.group.y)
            return a.group.y < b.group.y;
        if (a.group.x != b.group.x)
            return a.group.x < b.group.x;
        return a.index < b.index;
    });
    std::vector<panels::PaneId> order;
    for (const auto& p : places)
        order.push_back(p.id);
    return order;
}

std::vector<panels::Pane*> MainFrame::panes() const {
    std::vector<panels::Pane*> out;
    for (const auto id : visualOrder())
        out.push_back(pane(id));
    return out;
}

panels::Pane* MainFrame::pane(panels::PaneId id) const {
    for (const auto& [pageId, page] : m_pages)
        if (pageId == id)
            return dynamic_cast<panels::Pane*>(page);
    return nullptr;
}

panels::Pane* MainFrame::frontPane() const {
    const int selection = m_book->GetSelection();
    if (selection == wxNOT_FOUND)
        return nullptr;
    return dynamic_cast<panels::Pane*>(m_book->GetPage(size_t(selection)));
}

bool MainFrame::showPane(panels::PaneId id) {
    for (const auto& [pageId, page] : m_pages) {
        if (pageId != id)
            continue;
        const int index = m_book->GetPageIndex(page);
        if (index == wxNOT_FOUND)
            return false;
        m_book->SetSelection(size_t(index));
        return true;
    }
    return false;
}

void MainFrame::buildMenus() {
    auto* file = new wxMenu;
    file->Append(kIdOpenCache, _("&Open cache...\tCtrl+O"), _("Open another cache file"));
    file->Append(wxID_PREFERENCES, _("&Preferences...\tCtrl+,"),
                 _("Language, cache location and hub URL"));
    file->AppendSeparator();
    file->Append(wxID_EXIT, _("&Quit\tCtrl+Q"), _("Save the layout and quit"));

    auto* view = new wxMenu;
    for (size_t i = 0; i < m_allowed.size(); ++i) {
        const auto id = m_allowed[i];
        const auto* p = pane(id);
        const wxString title = wxControl::EscapeMnemonics(p ? p->title() : fallbackTitle(id));
        const wxString label = i < 9 ? wxString::Format("%s\tCtrl+%d", title, int(i) + 1) : title;
        view->Append(kIdFirstPane + int(i), label);
        Bind(
            wxEVT_MENU, [this, id](wxCommandEvent&) { showPane(id); }, kIdFirstPane + int(i));
    }
    view->AppendSeparator();
    view->Append(kIdFind, _("&Find\tCtrl+F"), _("Search in the pane in front"));
    view->Append(kIdReload, _("&Reload\tF5"), _("Read the pane in front again from the cache"));
    view->AppendSeparator();
    view->Append(kIdResetLayout, _("Reset &layout"), _("Put the tabs back in their first order"));

    auto* help = new wxMenu;
    help->Append(wxID_ABOUT, _("&About C175 Console"));

    auto* bar = new wxMenuBar;
    bar->Append(file, _("&File"));
    bar->Append(view, _("&View"));
    bar->Append(help, _("&Help"));
    SetMenuBar(bar);

    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { onOpenCache(); }, kIdOpenCache);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { onPreferences(); }, wxID_PREFERENCES);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { Close(); }, wxID_EXIT);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { showAbout(this); }, wxID_ABOUT);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { resetLayout(); }, kIdResetLayout);
    Bind(
        wxEVT_MENU,
        [this](wxCommandEvent&) {
            if (auto* p = frontPane())
                p->focusSearch();
        },
        kIdFind);
    Bind(
        wxEVT_MENU,
        [this](wxCommandEvent&) {
            if (auto* p = frontPane()) {
                p->reload();
                SetStatusText(wxString::Format(_("%s: reloaded from the cache."), p->title()),
                              FieldMessage);
            }
        },
        kIdReload);
    file->Enable(kIdOpenCache, bool(m_hooks.openCache));
}

void MainFrame::buildStatusBar() {
    auto* bar = CreateStatusBar(FieldCount);
    // Messages ("Show on map"), the sync state and its progress need the room; the path can shrink.
    const int widths[FieldCount] = {-4, -2, -2, -3, -3};
    bar->SetStatusWidths(FieldCount, widths);
    SetStatusText(_("Ready."), FieldMessage);
    SetStatusText(wxString::FromUTF8(session().displayName), FieldUser);
    SetStatusText(wxString::FromUTF8(auth::roleLabel(session().role)), FieldRole);
    std::error_code ec;
    const auto cacheFile = std::filesystem::absolute(m_db->path(), ec);
    SetStatusText(wxString::FromUTF8(ec ? m_db->path() : cacheFile.lexically_normal().string()),
                  FieldCache);
    refreshSyncStatus();
}

void MainFrame::refreshSyncStatus() {
    const wxString hub = m_hubForThisRun.empty() ? m_settings.hubUrl() : m_hubForThisRun;
    if (m_sync) {
        m_sync->configure(hub);
        return;
    }
    if (hub.empty()) {
        SetStatusText(_("Sync not configured"), FieldSync);
        return;
    }
    // A hub is set but no sync runs in this session (an unattended run: screenshots, start-up
    // measurement; or the moment before startSync): say so, with what waits to go up.
    long long waiting = 0;
    try {
        waiting = m_db->scalarInt("SELECT COUNT(*) FROM sync_outbox");
    } catch (const std::exception& e) {
        wxLogError("Reading the sync outbox failed: %s", wxString::FromUTF8(e.what()));
    }
    SetStatusText(wxString::Format(wxPLURAL("Sync not running, %lld change waiting",
                                            "Sync not running, %lld changes waiting", waiting),
                                   waiting),
                  FieldSync);
}

void MainFrame::setHubForThisRun(const wxString& url) {
    m_hubForThisRun = url;
    refreshSyncStatus();
}

void MainFrame::startSync(const wxString& password) {
    if (m_sync)
        return;
    m_sync = std::make_unique<SyncController>(*this, password);
    m_sync->addMenuItems(GetMenuBar()->GetMenu(0), GetMenuBar()->GetMenu(1));
    refreshSyncStatus();
}

wxString MainFrame::statusField(Field field) const {
    return GetStatusBar() ? GetStatusBar()->GetStatusText(field) : wxString();
}

void MainFrame::restorePlace() {
    const auto place = m_settings.windowPlace("Main");
    const wxRect screen = wxDisplay(0u).GetClientArea();
    if (place && wxDisplay::GetFromPoint(place->rect.GetTopLeft()) != wxNOT_FOUND) {
        SetSize(place->rect);
        if (place->maximized)
            Maximize();
        return;
    }
    SetSize(wxSize(std::min(1280, screen.width), std::min(800, screen.height)));
    Centre();
}

void MainFrame::saveLayout() {
    wxString order;
    for (const auto id : visualOrder())
        order << (order.empty() ? "" : ",") << panels::paneKey(id);
    const auto* front = frontPane();
    m_settings.setLayout(roleKey(session().role), order,
                         front ? wxString(panels::paneKey(front->id())) : wxString());
    // A maximised frame keeps the size it had before, so un-maximising next time works.
    WindowPlace place{GetRect(), IsMaximized()};
    if (const auto old = m_settings.windowPlace("Main"); old && place.maximized)
        place.rect = old->rect;
    m_settings.setWindowPlace("Main", place);
    m_settings.flush();
}

void MainFrame::resetLayout() {
    m_settings.clearLayout(roleKey(session().role));
    arrangeTabs(m_allowed);
    SetStatusText(_("The tabs are back in their first order."), FieldMessage);
}

void MainFrame::onClose(wxCloseEvent& event) {
    if (m_saveOnClose)
        saveLayout();
    event.Skip(); // the default handler destroys the frame
}

void MainFrame::onPreferences() {
    PreferencesDialog dialog(this, m_settings, loadPreferences(m_settings));
    if (dialog.ShowModal() != wxID_OK)
        return;
    const auto before = loadPreferences(m_settings);
    const auto& after = dialog.preferences();
    storePreferences(m_settings, after);
    refreshSyncStatus();
    if (after.language != before.language)
        wxMessageBox(_("The new language applies the next time C175 Console starts."),
                     _("Preferences"), wxOK | wxICON_INFORMATION, this);
}

void MainFrame::onOpenCache() {
    wxFileDialog dialog(this, _("Open a C175 cache"), wxString(), wxString(),
                        _("C175 cache (*.db)|*.db|All files|*"), wxFD_OPEN | wxFD_FILE_MUST_EXIST);
    if (dialog.ShowModal() != wxID_OK || !m_hooks.openCache)
        return;
    // The application replaces this frame; let the menu event finish first.
    const std::string path = dialog.GetPath().utf8_string();
    CallAfter([hook = m_hooks.openCache, path] { hook(path); });
}

} // namespace c175::app
