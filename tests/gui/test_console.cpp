// GUI tests of the console shell (issue 2, item 10): sign-in with real input events, every pane
// against the database, roles, saved layout and dialog places, bad caches, a screenshot.
#include "gui_support.h"

#include "login_dialog.h"
#include "main_frame.h"
#include "preferences_dialog.h"
#include "screenshots.h"
#include "settings.h"

#include "auth/accounts.h"
#include "db/migrations.h"

#include <doctest/doctest.h>

#include <wx/aui/auibook.h>
#include <wx/menu.h>
#include <wx/textctrl.h>
#include <wx/uiaction.h>

#include <filesystem>
#include <fstream>
#include <map>

using namespace c175;
using c175::panels::PaneId;

namespace {

// The count of the table each pane lists, asked of the database directly (not through the
// pane's own query), with the same "not deleted" rule the lists apply.
std::int64_t expectedRows(db::Database& db, PaneId id) {
    switch (id) {
    case PaneId::Kiosks:
        return db.scalarInt("SELECT COUNT(*) FROM kiosks WHERE deleted = 0");
    case PaneId::CameraAlerts:
        return db.scalarInt("SELECT COUNT(*) FROM camera_alerts WHERE deleted = 0");
    case PaneId::Tipoffs:
        return db.scalarInt("SELECT COUNT(*) FROM tipoffs WHERE deleted = 0");
    case PaneId::Welfare:
        return db.scalarInt("SELECT COUNT(*) FROM applications WHERE deleted = 0");
    case PaneId::Tourism:
        return db.scalarInt("SELECT COUNT(*) FROM lodgings WHERE deleted = 0");
    case PaneId::Map:
        return db.scalarInt("SELECT COUNT(*) FROM admin_units WHERE deleted = 0 AND "
                            "layer = '2025' AND level = 'province'");
    }
    return -1;
}

auth::Session signInDirectly(db::Database& db, const std::string& user) {
    return auth::AccountService(db).login(user, test::demoPassword(user));
}

// Closes a frame and lets wx delete it.
void closeFrame(app::MainFrame* frame) {
    frame->Close(true);
    test::pump(200);
}

} // namespace

TEST_CASE("the hub URL must be http(s)://host:port") {
    CHECK(app::hubUrlProblem("").empty()); // empty = sync not configured
    CHECK(app::hubUrlProblem("http://127.0.0.1:17500").empty());
    CHECK(app::hubUrlProblem("https://hub.c175.local:8443/").empty());
    CHECK(app::hubUrlProblem("https://[::1]:8443").empty());
    CHECK_FALSE(app::hubUrlProblem("hub.c175.local:8443").empty());
    CHECK_FALSE(app::hubUrlProblem("ftp://hub:21").empty());
    CHECK_FALSE(app::hubUrlProblem("https://hub.c175.local").empty()); // no port
    CHECK_FALSE(app::hubUrlProblem("http://hub:99999").empty());
    CHECK_FALSE(app::hubUrlProblem("http://hub:0").empty());
    CHECK(app::hubUrlProblem("http://hub").Contains("URL")); // names the field
}

TEST_CASE("settings survive a restart") {
    test::TempDir dir;
    const auto ini = dir.file("config/console.ini");
    {
        app::Settings settings(ini);
        CHECK(settings.language() == "vi"); // Vietnamese by default
        CHECK(settings.hubUrl().empty());
        settings.setLanguage("en");
        settings.setHubUrl("https://hub:8443");
        settings.setLayout("operator", "map,kiosks", "map");
        settings.setWindowPlace("Main", {wxRect(10, 20, 900, 700), true});
    }
    app::Settings again(ini);
    CHECK(again.language() == "en");
    CHECK(again.hubUrl() == "https://hub:8443");
    CHECK(again.paneOrder("operator") == "map,kiosks");
    CHECK(again.frontPane("operator") == "map");
    const auto place = again.windowPlace("Main");
    REQUIRE(place);
    CHECK(place->rect == wxRect(10, 20, 900, 700));
    CHECK(place->maximized);
    again.clearLayout("operator");
    CHECK(again.paneOrder("operator").empty());
}

TEST_CASE("sign in with real input events, open every pane, rows match the database") {
    test::TempDir dir;
    app::Settings settings(dir.file("console.ini"));
    auto db = std::make_unique<db::Database>(db::openCache(test::seededCache()));
    wxUIActionSimulator sim;

    auto* dialog = new app::LoginDialog(nullptr, settings, *db, "");
    dialog->Show();
    REQUIRE(test::waitFor([&] { return dialog->IsShownOnScreen(); }, 5000));
    test::pump(300);

    // A wrong password first: the dialog stays, says why, and clears the password.
    test::clickOn(sim, dialog->usernameCtrl());
    sim.Text("admin");
    sim.Char(WXK_TAB);
    test::pump(100);
    sim.Text("wrong-password");
    sim.Char(WXK_RETURN);
    REQUIRE(test::waitFor([&] { return !dialog->errorText().empty(); }, 20000));
    CHECK_FALSE(dialog->session());
    CHECK(dialog->passwordCtrl()->GetValue().empty());
    CHECK(dialog->usernameCtrl()->GetValue() == "admin");
    test::pump(200);
    const std::string loginShot = std::string(C175_BIN_DIR) + "/../test_gui_login.png";
    CHECK(app::captureWindow(dialog).SaveFile(wxString::FromUTF8(loginShot), wxBITMAP_TYPE_PNG));

    // Then the right one, typed into the password field that kept the focus.
    test::clickOn(sim, dialog->passwordCtrl());
    sim.Text(test::demoPassword("admin").c_str());
    sim.Char(WXK_RETURN);
    REQUIRE(test::waitFor([&] { return dialog->session().has_value(); }, 20000));
    const auth::Session session = *dialog->session();
    CHECK(session.username == "admin");
    CHECK(settings.lastUser() == "admin");
    dialog->Destroy();

    auto* frame = new app::MainFrame(settings, std::move(db), session);
    frame->Show();
    REQUIRE(test::waitFor([&] { return frame->IsShownOnScreen(); }, 5000));
    frame->Raise();
    test::pump(300);

    CHECK(frame->statusField(app::MainFrame::FieldUser) == wxString::FromUTF8(session.displayName));
    CHECK(frame->statusField(app::MainFrame::FieldRole) ==
          wxString::FromUTF8(auth::roleLabel(auth::Role::Admin)));
    CHECK(frame->statusField(app::MainFrame::FieldCache) ==
          wxString::FromUTF8(test::seededCache()));
    CHECK(frame->statusField(app::MainFrame::FieldSync) == _("Sync not configured"));

    const auto allowed = panels::panesFor(session);
    REQUIRE(allowed.size() == 6); // the administrator sees every pilot pane
    const auto panes = frame->panes();
    REQUIRE(panes.size() == allowed.size());
    for (size_t i = 0; i < allowed.size(); ++i) {
        const PaneId id = allowed[i];
        CAPTURE(panels::paneKey(id));
        // View > <pane> is Ctrl+<n>; pressed as a real key on the frame.
        frame->SetFocus();
        sim.Char('1' + int(i), wxMOD_CONTROL);
        CHECK(test::waitFor([&] { return frame->frontPane() && frame->frontPane()->id() == id; },
                            3000));
        frame->showPane(id); // in case the key went elsewhere, the count check still runs
        auto* pane = frame->pane(id);
        REQUIRE(pane != nullptr);
        REQUIRE(test::waitFor([&] { return pane->shownRowCount() >= 0; }, 60000));
        const auto expected = expectedRows(frame->database(), id);
        CHECK(expected > 0);
        CHECK(pane->shownRowCount() == expected);
    }

    frame->showPane(PaneId::Kiosks);
    test::pump(500);
    const wxImage shot = app::captureWindow(frame);
    REQUIRE(shot.IsOk());
    const std::string path = std::string(C175_BIN_DIR) + "/../test_gui_console.png";
    REQUIRE(shot.SaveFile(wxString::FromUTF8(path), wxBITMAP_TYPE_PNG));
    MESSAGE("screenshot: " << std::filesystem::weakly_canonical(path).string());
    closeFrame(frame);
}

TEST_CASE("an operator gets no Tip-offs pane, no menu item for it, and the service refuses it") {
    test::TempDir dir;
    app::Settings settings(dir.file("console.ini"));
    auto db = std::make_unique<db::Database>(db::openCache(test::seededCache()));
    const auto session = signInDirectly(*db, "operator");
    auto* frame = new app::MainFrame(settings, std::move(db), session);
    frame->Show();
    test::pump(300);
    CHECK(frame->pane(PaneId::Tipoffs) == nullptr);
    CHECK_FALSE(frame->showPane(PaneId::Tipoffs));
    CHECK(frame->pane(PaneId::Kiosks) != nullptr);
    CHECK(frame->pane(PaneId::CameraAlerts) != nullptr);
    const wxString tipoffs = _("Tip-offs");
    for (auto* item : frame->GetMenuBar()->GetMenu(1)->GetMenuItems())
        CHECK(item->GetItemLabelText() != tipoffs);
    for (size_t i = 0; i < frame->notebook()->GetPageCount(); ++i)
        CHECK(frame->notebook()->GetPageText(i) != tipoffs);
    panels::PaneContext context;
    context.db = &frame->database();
    context.session = session;
    CHECK_THROWS_AS(panels::createPane(PaneId::Tipoffs, frame, context), auth::AccessDenied);
    closeFrame(frame);
}

TEST_CASE("the tab order and front tab are saved on close and restored") {
    test::TempDir dir;
    app::Settings settings(dir.file("console.ini"));
    auto db = std::make_unique<db::Database>(db::openCache(test::seededCache()));
    const auto session = signInDirectly(*db, "analyst");
    settings.setLayout("analyst", "map,tourism", "tourism");
    auto* frame = new app::MainFrame(settings, std::move(db), session);
    frame->Show();
    test::pump(300);
    auto panes = frame->panes();
    REQUIRE(panes.size() >= 3);
    CHECK(panes[0]->id() == PaneId::Map);
    CHECK(panes[1]->id() == PaneId::Tourism);
    CHECK(frame->frontPane()->id() == PaneId::Tourism);

    frame->showPane(PaneId::Kiosks);
    closeFrame(frame); // saves
    CHECK(settings.frontPane("analyst") == "kiosks");
    CHECK(settings.paneOrder("analyst").StartsWith("map,tourism,"));

    auto db2 = std::make_unique<db::Database>(db::openCache(test::seededCache()));
    frame = new app::MainFrame(settings, std::move(db2), session);
    frame->Show();
    test::pump(300);
    CHECK(frame->frontPane()->id() == PaneId::Kiosks);
    CHECK(frame->panes()[0]->id() == PaneId::Map);
    frame->resetLayout();
    CHECK(frame->panes()[0]->id() == panels::panesFor(session).front());
    closeFrame(frame);
}

TEST_CASE("dialogs come back at the size they were left") {
    test::TempDir dir;
    app::Settings settings(dir.file("console.ini"));
    wxSize left;
    {
        app::PreferencesDialog dialog(nullptr, settings, app::Preferences{});
        dialog.Show();
        test::pump(200);
        dialog.SetSize(dialog.GetSize() + wxSize(120, 60));
        test::pump(200);
        left = dialog.GetSize();
        dialog.Show(false);
    }
    app::PreferencesDialog again(nullptr, settings, app::Preferences{});
    CHECK(again.GetSize() == left);
}

TEST_CASE("Preferences refuses a bad hub URL and keeps a good one") {
    test::TempDir dir;
    app::Settings settings(dir.file("console.ini"));
    app::PreferencesDialog dialog(nullptr, settings, app::Preferences{"vi", "", ""});
    auto* hub = dynamic_cast<wxTextCtrl*>(wxWindow::FindWindowByName("text", &dialog));
    // The hub field is the only plain text control of the dialog besides the picker's.
    wxTextCtrl* hubCtrl = nullptr;
    for (auto* child : dialog.GetChildren())
        if (auto* text = dynamic_cast<wxTextCtrl*>(child))
            hubCtrl = text;
    (void)hub;
    REQUIRE(hubCtrl != nullptr);
    hubCtrl->ChangeValue("hub.c175.local");
    CHECK_FALSE(dialog.TransferDataFromWindow());
    hubCtrl->ChangeValue("https://hub.c175.local:8443");
    REQUIRE(dialog.TransferDataFromWindow());
    CHECK(dialog.preferences().hubUrl == "https://hub.c175.local:8443");
    app::storePreferences(settings, dialog.preferences());
    CHECK(settings.hubUrl() == "https://hub.c175.local:8443");
}

TEST_CASE("five wrong passwords lock the account and the dialog says so") {
    test::TempDir dir;
    const auto cache = dir.file("lock.db");
    std::filesystem::copy_file(test::seededCache(), cache);
    app::Settings settings(dir.file("console.ini"));
    auto db = db::openCache(cache);
    auth::AccountService accounts(db);
    for (int i = 0; i < auth::kMaxFailedLogins; ++i)
        CHECK_THROWS_AS(accounts.login("analyst", "nope"), auth::LoginError);
    auto* dialog = new app::LoginDialog(nullptr, settings, db, "analyst");
    dialog->Show();
    test::pump(200);
    dialog->passwordCtrl()->ChangeValue(test::demoPassword("analyst"));
    wxCommandEvent click(wxEVT_BUTTON, wxID_OK);
    click.SetEventObject(dialog->FindWindow(wxID_OK));
    dialog->FindWindow(wxID_OK)->GetEventHandler()->ProcessEvent(click);
    CHECK_FALSE(dialog->session());
    CHECK_FALSE(dialog->errorText().empty());
    try {
        accounts.login("analyst", test::demoPassword("analyst"));
        FAIL("a locked account signed in");
    } catch (const auth::LoginError& e) {
        CHECK(e.reason() == auth::LoginError::Reason::Locked);
        CHECK(dialog->errorText() == wxString::FromUTF8(e.what()));
    }
    dialog->Destroy();
}
