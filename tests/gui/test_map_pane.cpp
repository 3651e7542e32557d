// GUI tests of the Map pane as operators use it (issue 4, "In the console"): the province
// chooser and keys, kiosks and cameras drawn in their status colour, "Show on map" from the
// Tip-offs and Kiosks panes, a click on an incident opening its pane, and the point picker of
// the tip-off intake form (issue 5).
#include "gui_support.h"

#include "main_frame.h"
#include "screenshots.h"
#include "settings.h"

#include "map/map_pane.h"
#include "map/map_record.h"
#include "map/pick_point_dialog.h"
#include "map_view.h"
#include "province_chooser.h"
#include "tipoff/intake_dialog.h"

#include "auth/accounts.h"
#include "db/migrations.h"
#include "geodata/units.h"

#include <doctest/doctest.h>

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/dataview.h>
#include <wx/frame.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/timer.h>
#include <wx/uiaction.h>

#include <cmath>
#include <filesystem>
#include <functional>
#include <utility>
#include <vector>

using namespace c175;
using c175::panels::PaneId;

namespace {

auth::Session signIn(db::Database& db, const std::string& user) {
    return auth::AccountService(db).login(user, test::demoPassword(user));
}

// The first window under `root` (itself included) of type T that `match` accepts.
template <typename T, typename Match> T* findDescendant(wxWindow* root, Match match) {
    if (auto* typed = dynamic_cast<T*>(root); typed && match(typed))
        return typed;
    for (wxWindow* child : root->GetChildren())
        if (T* found = findDescendant<T>(child, match))
            return found;
    return nullptr;
}

// A static text under `root` showing exactly `label` (the detail strip of a list pane).
bool showsText(wxWindow* root, const wxString& label) {
    return findDescendant<wxStaticText>(root, [&](wxStaticText* t) {
               return t->IsShown() && t->GetLabel() == label;
           }) != nullptr;
}

struct Place {
    std::string id;
    std::string code;
    std::string status;
    double lon = 0;
    double lat = 0;
};

// A point with no other point of `others` within `degrees`, so a pixel or a click at it
// cannot land on a neighbour.
template <typename Others>
std::optional<Place> isolated(const std::vector<Place>& candidates, const Others& others,
                              double degrees) {
    for (const auto& c : candidates) {
        bool alone = true;
        for (const auto& o : others)
            if (o.id != c.id && std::abs(o.lon - c.lon) < degrees &&
                std::abs(o.lat - c.lat) < degrees) {
                alone = false;
                break;
            }
        if (alone)
            return c;
    }
    return std::nullopt;
}

std::vector<Place> places(db::Database& db, const std::string& sql) {
    std::vector<Place> out;
    db::Statement select(db, sql);
    while (select.step())
        out.push_back({select.getText(0), select.getText(1), select.getText(2), select.getDouble(3),
                       select.getDouble(4)});
    return out;
}

// What the X server shows around a canvas position: true when a pixel within `radius` has
// the colour (each channel within `tolerance`).
bool screenShows(wxTopLevelWindow* top, wxWindow* canvas, const wxPoint& local,
                 const maps::Rgb& colour, int radius = 1, int tolerance = 12) {
    const wxImage shot = app::captureWindow(top);
    if (!shot.IsOk())
        return false;
    const wxPoint at = canvas->ClientToScreen(local) - top->GetScreenPosition();
    for (int dy = -radius; dy <= radius; ++dy)
        for (int dx = -radius; dx <= radius; ++dx) {
            const int x = at.x + dx, y = at.y + dy;
            if (x < 0 || y < 0 || x >= shot.GetWidth() || y >= shot.GetHeight())
                continue;
            if (std::abs(shot.GetRed(x, y) - colour[0]) <= tolerance &&
                std::abs(shot.GetGreen(x, y) - colour[1]) <= tolerance &&
                std::abs(shot.GetBlue(x, y) - colour[2]) <= tolerance)
                return true;
        }
    return false;
}

// True when the scene draws (lon, lat) within `pixels` of the middle of the view.
bool centredOn(const maps::MapScene& scene, double lon, double lat, double pixels = 3) {
    const auto p = scene.toPixel(lon, lat);
    return std::abs(p.x - scene.viewportWidth() / 2.0) <= pixels &&
           std::abs(p.y - scene.viewportHeight() / 2.0) <= pixels;
}

bool contains(const geodata::BBox& box, double lon, double lat) {
    return lon >= box.minLon && lon <= box.maxLon && lat >= box.minLat && lat <= box.maxLat;
}

// Runs `action` once, as soon as the window named `name` is on screen; it may be a modal
// dialog, whose own event loop runs the timer.
class WhenShown {
public:
    WhenShown(const wxString& name, std::function<void(wxWindow*)> action)
        : m_name(name), m_action(std::move(action)) {
        m_timer.Bind(wxEVT_TIMER, [this](wxTimerEvent&) { poll(); });
        m_timer.Start(100);
    }
    bool done() const { return m_done; }

private:
    void poll() {
        wxWindow* window = wxWindow::FindWindowByName(m_name);
        if (m_done || !window || !window->IsShownOnScreen())
            return;
        m_timer.Stop();
        m_done = true;
        m_action(window);
    }

    wxString m_name;
    std::function<void(wxWindow*)> m_action;
    wxTimer m_timer;
    bool m_done = false;
};

// A Map pane in a plain frame, with the frame's side of PaneContext recorded.
struct MapHost {
    explicit MapHost(db::Database& db) {
        context.db = &db;
        context.dbPath = db.path();
        context.session = signIn(db, "admin");
        context.setStatus = [this](const wxString& text) { status = text; };
        context.openRecord = [this](PaneId id, const std::string& record) {
            opened.emplace_back(id, record);
        };
        frame = new wxFrame(nullptr, wxID_ANY, "map", wxPoint(0, 0), wxSize(1400, 900));
        pane = new panels::MapPane(frame, context);
        frame->Show();
        frame->Raise();
    }
    ~MapHost() {
        frame->Destroy();
        test::pump(200);
    }
    maps::MapView* view() const { return pane->mapView(); }
    maps::MapScene& scene() const { return *pane->mapView()->scene(); }
    void redraw() const {
        view()->canvas()->Refresh();
        view()->canvas()->Update();
        test::pump(400);
    }

    panels::PaneContext context;
    wxFrame* frame = nullptr;
    panels::MapPane* pane = nullptr;
    wxString status;
    std::vector<std::pair<PaneId, std::string>> opened;
};

} // namespace

TEST_CASE("provinces are listed in Vietnamese dictionary order") {
    // Letters first (a < ă < â, d < đ, o < ô < ơ, u < ư), word by word; tones break ties.
    CHECK(maps::vietnameseLess("Cà Mau", "Cao Bằng"));
    CHECK(maps::vietnameseLess("Cao Bằng", "Cần Thơ"));
    CHECK(maps::vietnameseLess("Hà Tĩnh", "Hải Phòng"));
    CHECK(maps::vietnameseLess("Hồ Chí Minh", "Huế"));
    CHECK(maps::vietnameseLess("Huế", "Hưng Yên"));
    CHECK(maps::vietnameseLess("Đồng Tháp", "Gia Lai"));
    CHECK(maps::vietnameseLess("Tây Ninh", "Thái Nguyên"));
    CHECK(maps::vietnameseLess("ca", "cà"));
    CHECK_FALSE(maps::vietnameseLess("Đà Nẵng", "Điện Biên") ==
                maps::vietnameseLess("Điện Biên", "Đà Nẵng"));
    CHECK_FALSE(maps::vietnameseLess("Huế", "Huế"));

    auto db = db::openCache(test::seededCache());
    auto* frame = new wxFrame(nullptr, wxID_ANY, "chooser");
    auto* chooser = new maps::ProvinceChooser(frame, db);
    REQUIRE(chooser->GetCount() == 34);
    std::vector<wxString> names;
    for (unsigned i = 0; i < chooser->GetCount(); ++i)
        names.push_back(chooser->GetString(i));
    const auto at = [&](const char* name) {
        return std::find(names.begin(), names.end(), wxString::FromUTF8(name)) - names.begin();
    };
    CHECK(names.front() == "An Giang");
    CHECK(names.back() == wxString::FromUTF8("Vĩnh Long"));
    CHECK(at("Cần Thơ") < at("Đà Nẵng"));
    CHECK(at("Đồng Tháp") < at("Gia Lai"));
    CHECK(at("Hà Nội") < at("Hải Phòng"));

    // Typed without accents, a unique match or an exact name gives the code.
    chooser->ChangeValue("da nang");
    CHECK(chooser->chosenCode() == "48");
    chooser->ChangeValue("ha noi");
    CHECK(chooser->chosenCode() == "01");
    chooser->ChangeValue("dong"); // Đồng Nai and Đồng Tháp
    CHECK(chooser->chosenCode().empty());
    chooser->ChangeValue("atlantis");
    CHECK(chooser->chosenCode().empty());
    frame->Destroy();
}

TEST_CASE("map pane: choose a province, pan and zoom with keys, Home shows the whole country") {
    auto db = db::openCache(test::seededCache());
    MapHost host(db);
    wxUIActionSimulator sim;
    REQUIRE(test::waitFor([&] { return host.view()->ready() && host.pane->shownRowCount() == 34; },
                          30000));
    test::pump(300);
    auto& scene = host.scene();
    const double countryKm = scene.kmPerPixel();

    // Typed into the chooser without accents, then Enter.
    auto* chooser = host.view()->provinceChooser();
    chooser->SetFocus();
    REQUIRE(test::waitFor([&] { return wxWindow::FindFocus() != host.view()->canvas(); }, 2000));
    sim.Text("da nang");
    test::pump(300);
    sim.Char(WXK_RETURN);
    REQUIRE(test::waitFor([&] { return host.pane->selectedUnit() == "48"; }, 10000));
    host.redraw();
    const auto daNang = geodata::findUnit(db, "48");
    REQUIRE(daNang);
    CHECK(chooser->GetValue() == wxString::FromUTF8("Đà Nẵng"));
    CHECK(scene.kmPerPixel() < countryKm / 3);
    CHECK(contains(scene.viewBox(), (daNang->bbox.minLon + daNang->bbox.maxLon) / 2,
                   (daNang->bbox.minLat + daNang->bbox.maxLat) / 2));
    // The pick moved the focus to the map, so the keys work at once.
    CHECK(wxWindow::FindFocus() == host.view()->canvas());

    // Arrows pan (the map moves right, so the centre goes west); - zooms out, + in.
    const auto before = scene.center();
    sim.Char(WXK_LEFT);
    test::pump(300);
    CHECK(scene.center().x < before.x);
    const double zoomed = scene.kmPerPixel();
    sim.Char('-');
    test::pump(300);
    CHECK(scene.kmPerPixel() > zoomed);
    sim.Char('+');
    test::pump(300);
    CHECK(scene.kmPerPixel() == doctest::Approx(zoomed));

    // Home: the whole country again, and the chooser names no province.
    sim.Char(WXK_HOME);
    test::pump(300);
    CHECK(scene.kmPerPixel() == doctest::Approx(countryKm));
    CHECK(chooser->GetValue().empty());

    // A unit chosen in the list brings the map to it.
    host.pane->selectRecord("01");
    REQUIRE(test::waitFor([&] { return host.pane->selectedUnit() == "01"; }, 10000));
    host.redraw();
    CHECK(scene.kmPerPixel() < countryKm / 3);
    CHECK(contains(scene.viewBox(), 105.8342, 21.0278));
    CHECK(chooser->GetValue() == wxString::FromUTF8("Hà Nội"));
}

TEST_CASE("map pane: the kiosk and camera layer draws each device in its status colour") {
    auto db = db::openCache(test::seededCache());
    MapHost host(db);
    REQUIRE(test::waitFor([&] { return host.view()->ready(); }, 30000));
    auto& scene = host.scene();
    maps::SceneOptions options = host.view()->options();
    options.labels = false; // a label could cover the device
    options.incidents = options.heat = options.devices = false;
    host.view()->setOptions(options);

    std::vector<Place> devices;
    for (const auto& d : maps::loadDevices(db))
        devices.push_back({d.id, d.code, d.status, d.lon, d.lat});
    const auto kiosk =
        isolated(places(db, "SELECT id, code, status, lon, lat FROM kiosks WHERE deleted = 0 AND "
                            "status = 'online' ORDER BY code"),
                 devices, 0.02);
    const auto camera =
        isolated(places(db, "SELECT id, code, status, lon, lat FROM cameras WHERE deleted = 0 AND "
                            "status = 'fault' ORDER BY code"),
                 devices, 0.0015); // cameras stand in groups at their sites: seen closer below
    REQUIRE(kiosk);
    REQUIRE(camera);
    const auto green = maps::MapScene::statusColour("online");
    const auto red = maps::MapScene::statusColour("fault");
    auto* canvas = host.view()->canvas();

    scene.centerOn(kiosk->lon, kiosk->lat, 0.05);
    host.redraw();
    CHECK_FALSE(
        screenShows(host.frame, canvas, host.view()->positionOf(kiosk->lon, kiosk->lat), green));

    // The layer switched on with a real click on its check box.
    wxUIActionSimulator sim;
    test::clickOn(sim, host.view()->devicesCtrl());
    REQUIRE(test::waitFor([&] { return host.view()->options().devices; }, 3000));
    host.redraw();
    CHECK(screenShows(host.frame, canvas, host.view()->positionOf(kiosk->lon, kiosk->lat), green));

    // A camera at fault: its (shaded) dot is red at the middle.
    scene.centerOn(camera->lon, camera->lat, 0.01); // 0.0015° is about 16 pixels here
    host.redraw();
    CHECK(screenShows(host.frame, canvas, host.view()->positionOf(camera->lon, camera->lat), red, 2,
                      40));

    // Off again: the kiosk's pixel is map fill once more.
    test::clickOn(sim, host.view()->devicesCtrl());
    REQUIRE(test::waitFor([&] { return !host.view()->options().devices; }, 3000));
    scene.centerOn(kiosk->lon, kiosk->lat, 0.05);
    host.redraw();
    CHECK_FALSE(
        screenShows(host.frame, canvas, host.view()->positionOf(kiosk->lon, kiosk->lat), green));
}

TEST_CASE("map records: ids resolve to positions; unknown ones are refused") {
    auto db = db::openCache(test::seededCache());
    const auto tip = places(db, "SELECT id, code, '', lon, lat FROM tipoffs WHERE deleted = 0 "
                                "AND lat IS NOT NULL ORDER BY code LIMIT 1");
    REQUIRE(tip.size() == 1);
    const auto record = panels::findMapRecord(db, "tipoff:" + tip[0].id);
    REQUIRE(record);
    CHECK(record->kind == panels::MapRecordKind::Tipoff);
    CHECK(record->code == tip[0].code);
    CHECK(record->hasPosition);
    CHECK(record->lat == doctest::Approx(tip[0].lat));
    const auto alert = db.scalarText("SELECT a.id FROM camera_alerts a WHERE deleted = 0 LIMIT 1");
    REQUIRE(alert);
    const auto alertRecord = panels::findMapRecord(db, "camera_alert:" + *alert);
    REQUIRE(alertRecord);
    CHECK(alertRecord->hasPosition); // where its camera stands
    CHECK_FALSE(panels::findMapRecord(db, "tipoff:no-such-id"));
    CHECK_FALSE(panels::findMapRecord(db, "planet:1"));
    CHECK_FALSE(panels::isPointRecordId("01"));
    CHECK_FALSE(panels::isPointRecordId("tipoff:"));
    CHECK(panels::isPointRecordId("kiosk:abc"));
}

TEST_CASE("map pane: a record without a position, or gone, is named and not shown") {
    test::TempDir dir;
    const auto cache = dir.file("nowhere.db");
    std::filesystem::copy_file(test::seededCache(), cache);
    auto db = db::openCache(cache);
    const auto tips = places(db, "SELECT id, code, '', lon, lat FROM tipoffs WHERE deleted = 0 "
                                 "ORDER BY code LIMIT 2");
    REQUIRE(tips.size() == 2);
    // A tip-off phoned in without a place, and one deleted since the list was read.
    db::Statement(db, "UPDATE tipoffs SET lat = NULL, lon = NULL WHERE id = ?1")
        .bind(1, tips[0].id)
        .run();
    db::Statement(db, "UPDATE tipoffs SET deleted = 1 WHERE id = ?1").bind(1, tips[1].id).run();

    MapHost host(db);
    REQUIRE(test::waitFor([&] { return host.view()->ready(); }, 30000));
    const auto km = host.scene().kmPerPixel();
    host.pane->selectRecord("tipoff:" + tips[0].id);
    CHECK(host.pane->shownLabel() ==
          wxString::Format(_("%s has no position to show on the map."),
                           wxString::Format(_("Tip-off %s"), wxString::FromUTF8(tips[0].code))));
    CHECK(host.status == host.pane->shownLabel());
    host.pane->selectRecord("tipoff:" + tips[1].id);
    CHECK(host.pane->shownLabel() == _("That record is not in the cache any more."));
    host.redraw();
    CHECK(host.scene().kmPerPixel() == doctest::Approx(km)); // the map did not move
}

TEST_CASE("Show on map from the Tip-offs and Kiosks panes; a click on an incident opens it") {
    test::TempDir dir;
    const auto cache = dir.file("map.db");
    std::filesystem::copy_file(test::seededCache(), cache);
    app::Settings settings(dir.file("console.ini"));
    auto db = std::make_unique<db::Database>(db::openCache(cache));
    const auto session = signIn(*db, "admin");
    auto* frame = new app::MainFrame(settings, std::move(db), session);
    frame->Show();
    REQUIRE(test::waitFor([&] { return frame->IsShownOnScreen(); }, 5000));
    frame->Raise();
    wxUIActionSimulator sim;
    auto& fdb = frame->database();

    // --- The Tip-offs pane's "Show on map" button.
    const auto tips = places(fdb, "SELECT id, code, '', lon, lat FROM tipoffs WHERE deleted = 0 "
                                  "AND lat IS NOT NULL ORDER BY code");
    REQUIRE(!tips.empty());
    const Place& tip = tips.front();
    REQUIRE(frame->showPane(PaneId::Tipoffs));
    auto* tipPane = frame->pane(PaneId::Tipoffs);
    REQUIRE(test::waitFor([&] { return tipPane->shownRowCount() > 0; }, 60000));
    auto* showTip = dynamic_cast<wxButton*>(wxWindow::FindWindowByLabel(_("Show on map"), tipPane));
    REQUIRE(showTip);
    CHECK_FALSE(showTip->IsEnabled()); // nothing selected yet
    tipPane->selectRecord(tip.id);
    REQUIRE(test::waitFor([&] { return showTip->IsEnabled(); }, 10000));
    test::clickOn(sim, showTip);
    REQUIRE(test::waitFor(
        [&] { return frame->frontPane() && frame->frontPane()->id() == PaneId::Map; }, 5000));
    auto* mapPane = dynamic_cast<panels::MapPane*>(frame->pane(PaneId::Map));
    REQUIRE(mapPane);
    auto* view = mapPane->mapView();
    REQUIRE(test::waitFor([&] { return view->ready(); }, 30000));
    test::pump(500);
    auto& scene = *view->scene();
    CHECK(centredOn(scene, tip.lon, tip.lat));
    CHECK(scene.kmPerPixel() == doctest::Approx(0.05));
    CHECK(mapPane->shownLabel().Contains(wxString::FromUTF8(tip.code)));
    CHECK(frame->statusField(app::MainFrame::FieldMessage).Contains(wxString::FromUTF8(tip.code)));
    // The province holding it is selected in the unit list.
    const auto province = geodata::locate(fdb, tip.lon, tip.lat);
    REQUIRE(province);
    CHECK(test::waitFor([&] { return mapPane->selectedUnit() == province->code; }, 10000));
    test::pump(300);
    CHECK(centredOn(scene, tip.lon, tip.lat)); // selecting it did not move the map
    const std::string shot = std::string(C175_BIN_DIR) + "/../test_gui_map_show_tipoff.png";
    CHECK(app::captureWindow(frame).SaveFile(wxString::FromUTF8(shot), wxBITMAP_TYPE_PNG));

    // --- Ctrl+M in the Kiosks list.
    const auto kiosks = places(fdb, "SELECT id, code, status, lon, lat FROM kiosks "
                                    "WHERE deleted = 0 ORDER BY code DESC LIMIT 1");
    REQUIRE(kiosks.size() == 1);
    REQUIRE(frame->showPane(PaneId::Kiosks));
    auto* kioskPane = frame->pane(PaneId::Kiosks);
    REQUIRE(test::waitFor([&] { return kioskPane->shownRowCount() > 0; }, 60000));
    kioskPane->selectRecord(kiosks[0].id);
    auto* list = findDescendant<wxDataViewCtrl>(kioskPane, [](wxDataViewCtrl*) { return true; });
    REQUIRE(list);
    REQUIRE(test::waitFor([&] { return list->GetSelection().IsOk(); }, 10000));
    list->SetFocus();
    test::pump(200);
    sim.Char('m', wxMOD_CONTROL);
    REQUIRE(test::waitFor(
        [&] { return frame->frontPane() && frame->frontPane()->id() == PaneId::Map; }, 5000));
    test::pump(500);
    CHECK(centredOn(scene, kiosks[0].lon, kiosks[0].lat));
    CHECK(mapPane->shownLabel().Contains(wxString::FromUTF8(kiosks[0].code)));

    // --- A click on a tip-off's dot opens it in the Tip-offs pane.
    maps::SceneOptions options = view->options();
    options.incidents = true;
    options.devices = options.labels = false;
    view->setOptions(options);
    std::vector<Place> incidents;
    for (const auto& i : maps::loadIncidents(fdb, {}))
        incidents.push_back({i.id, "", "", i.lon, i.lat});
    const auto lonely = isolated(tips, incidents, 0.01);
    REQUIRE(lonely);
    scene.centerOn(lonely->lon, lonely->lat, 0.05);
    view->canvas()->Refresh();
    view->canvas()->Update();
    REQUIRE(test::waitFor([&] { return scene.incidentCount() > 0; }, 20000));
    test::pump(300);
    const wxPoint dot = view->positionOf(lonely->lon, lonely->lat);
    sim.MouseMove(view->canvas()->ClientToScreen(dot));
    test::pump(300);
    sim.MouseClick();
    REQUIRE(test::waitFor(
        [&] { return frame->frontPane() && frame->frontPane()->id() == PaneId::Tipoffs; }, 5000));
    CHECK(
        test::waitFor([&] { return showsText(tipPane, wxString::FromUTF8(lonely->code)); }, 10000));

    frame->Close(true);
    test::pump(300);
}

TEST_CASE("issue 5: the intake form's position is picked on the map") {
    test::TempDir dir;
    const auto cache = dir.file("pick.db");
    std::filesystem::copy_file(test::seededCache(), cache);
    auto db = db::openCache(cache);
    const auto session = signIn(db, "officer");
    wxUIActionSimulator sim;
    auto* host = new wxFrame(nullptr, wxID_ANY, "host", wxPoint(0, 0), wxSize(400, 300));
    host->Show();
    auto* form = new panels::IntakeDialog(host, db, session);
    form->Show();
    REQUIRE(test::waitFor([&] { return form->IsShownOnScreen(); }, 5000));
    test::pump(300);
    auto* pick = dynamic_cast<wxButton*>(wxWindow::FindWindowByName("pick_on_map", form));
    REQUIRE(pick);

    // The picker runs modally: what happens inside it is set up before the click opens it.
    const double hanoiLon = 105.8342, hanoiLat = 21.0278;
    bool pickerSeen = false;
    wxString placeShown;
    WhenShown first("pick_point", [&](wxWindow* window) {
        auto* picker = dynamic_cast<panels::PickPointDialog*>(window);
        if (!picker)
            return;
        pickerSeen = true;
        auto* view = picker->mapView();
        if (test::waitFor([&] { return view->ready(); }, 20000)) {
            test::pump(300);
            CHECK_FALSE(picker->point()); // nothing typed, nothing pinned yet
            // A real click on Hà Nội.
            sim.MouseMove(view->canvas()->ClientToScreen(view->positionOf(hanoiLon, hanoiLat)));
            test::pump(200);
            sim.MouseClick();
            test::waitFor([&] { return picker->point().has_value(); }, 3000);
            placeShown = picker->placeText();
            const std::string shot = std::string(C175_BIN_DIR) + "/../test_gui_map_picker.png";
            CHECK(app::captureWindow(picker).SaveFile(wxString::FromUTF8(shot), wxBITMAP_TYPE_PNG));
            if (auto* ok = dynamic_cast<wxButton*>(picker->FindWindow(wxID_OK));
                ok && ok->IsEnabled()) {
                test::clickOn(sim, ok);
            }
        }
        if (picker->IsModal())
            picker->EndModal(wxID_CANCEL);
    });
    test::clickOn(sim, pick);
    test::waitFor([&] { return pickerSeen && !form->latitudeCtrl()->GetValue().empty(); }, 5000);
    REQUIRE(pickerSeen);
    CHECK(placeShown.Contains(wxString::FromUTF8("Hà Nội")));
    double lat = 0, lon = 0;
    REQUIRE(form->latitudeCtrl()->GetValue().ToCDouble(&lat));
    REQUIRE(form->longitudeCtrl()->GetValue().ToCDouble(&lon));
    // One pixel of the whole-country view is about two kilometres.
    CHECK(std::abs(lat - hanoiLat) < 0.05);
    CHECK(std::abs(lon - hanoiLon) < 0.05);
    CHECK(form->unitText().Contains(wxString::FromUTF8("Hà Nội")));
    const std::string formShot = std::string(C175_BIN_DIR) + "/../test_gui_map_picked_form.png";
    CHECK(app::captureWindow(form).SaveFile(wxString::FromUTF8(formShot), wxBITMAP_TYPE_PNG));

    // A typed position opens the picker there, pinned; Cancel leaves the fields alone.
    form->latitudeCtrl()->SetValue("10,7769");
    form->longitudeCtrl()->SetValue("106.7009");
    std::optional<geodata::LonLat> pinned;
    bool centred = false;
    pickerSeen = false;
    WhenShown second("pick_point", [&](wxWindow* window) {
        auto* picker = dynamic_cast<panels::PickPointDialog*>(window);
        if (!picker)
            return;
        pickerSeen = true;
        pinned = picker->point();
        placeShown = picker->placeText();
        if (test::waitFor([&] { return picker->mapView()->ready(); }, 20000)) {
            test::pump(300);
            centred = centredOn(*picker->mapView()->scene(), 106.7009, 10.7769);
            if (auto* cancel = dynamic_cast<wxButton*>(picker->FindWindow(wxID_CANCEL)))
                test::clickOn(sim, cancel);
        }
        if (picker->IsModal())
            picker->EndModal(wxID_CANCEL);
    });
    test::clickOn(sim, pick);
    test::waitFor([&] { return pickerSeen; }, 5000);
    REQUIRE(pickerSeen);
    REQUIRE(pinned);
    CHECK(pinned->lat == doctest::Approx(10.7769));
    CHECK(pinned->lon == doctest::Approx(106.7009));
    CHECK(centred);
    CHECK(placeShown.Contains(wxString::FromUTF8("Hồ Chí Minh")));
    CHECK(form->latitudeCtrl()->GetValue() == "10,7769");
    CHECK(form->longitudeCtrl()->GetValue() == "106.7009");

    form->Destroy();
    host->Destroy();
    test::pump(200);
}
