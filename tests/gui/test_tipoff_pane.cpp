// GUI test of issue 5 (figures, overdue cases, the pane's buttons): the Tip-offs pane paints
// overdue rows red, enables "Change status…" only with a selection and the permission, opens the
// intake form on Ctrl+N, and "Figures…" shows case_stats' numbers with charts and a report.
#include "gui_support.h"

#include "common/pilot_panes.h"
#include "common/virtual_table_model.h"
#include "screenshots.h"
#include "tipoff/figures_dialog.h"
#include "tipoff/intake_dialog.h"

#include "auth/accounts.h"
#include "browse/cell_format.h"
#include "core/ids.h"
#include "db/migrations.h"
#include "tipoff/case_stats.h"
#include "tipoff/report.h"

#include <doctest/doctest.h>

#include <wx/button.h>
#include <wx/dataview.h>
#include <wx/filesys.h>
#include <wx/frame.h>
#include <wx/html/htmlwin.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/timer.h>
#include <wx/uiaction.h>
#include <wx/uilocale.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <langinfo.h>
#include <locale.h>
#include <sstream>

using namespace c175;

namespace {

template <typename T> T* findChild(wxWindow* parent) {
    for (wxWindow* child : parent->GetChildren()) {
        if (auto* t = dynamic_cast<T*>(child))
            return t;
        if (auto* t = findChild<T>(child))
            return t;
    }
    return nullptr;
}

template <typename T> T* findTopLevel() {
    for (wxWindow* w : wxTopLevelWindows)
        if (auto* t = dynamic_cast<T*>(w); t && !t->IsBeingDeleted())
            return t;
    return nullptr;
}

wxButton* buttonLabelled(wxWindow* parent, const wxString& label) {
    return dynamic_cast<wxButton*>(wxWindow::FindWindowByLabel(label, parent));
}

// A pane of its own frame, signed in as `user`, over a copy of the demo cache.
struct PaneWorld {
    test::TempDir dir;
    std::string path = dir.file("tipoff.db");
    db::Database db;
    panels::PaneContext context;
    wxFrame* frame = nullptr;
    panels::Pane* pane = nullptr;

    explicit PaneWorld(const std::string& user) : db(copyAndOpen()) {
        context.db = &db;
        context.dbPath = path;
        context.session = auth::AccountService(db).login(user, test::demoPassword(user));
    }
    db::Database copyAndOpen() {
        std::filesystem::copy_file(test::seededCache(), path);
        return db::openCache(path);
    }
    void open() {
        frame = new wxFrame(nullptr, wxID_ANY, "tipoffs", wxPoint(0, 0), wxSize(1300, 800));
        pane = panels::createTipoffPane(frame, context);
        auto* sizer = new wxBoxSizer(wxVERTICAL);
        sizer->Add(pane, 1, wxEXPAND);
        frame->SetSizer(sizer);
        frame->Show();
        frame->Raise();
        REQUIRE(test::waitFor([&] { return pane->shownRowCount() >= 0; }, 15000));
        test::pump(200);
    }
    ~PaneWorld() {
        if (frame) {
            frame->Destroy();
            test::pump(200);
        }
    }
    panels::VirtualTableModel* model() {
        auto* list = findChild<wxDataViewCtrl>(pane);
        return list ? dynamic_cast<panels::VirtualTableModel*>(list->GetModel()) : nullptr;
    }
    std::string idOf(const std::string& sql) { return db.scalarText(sql).value_or(""); }
};

std::string openStatuses() {
    return "('received','verifying','assigned','investigating')";
}

} // namespace

TEST_CASE("issue 5: overdue cases stand out in the Tip-offs list") {
    PaneWorld world("officer");
    world.open();
    auto* model = world.model();
    REQUIRE(model != nullptr);
    const std::string now = core::nowUtc();
    const auto rowOf = [&](const std::string& where) {
        const auto rowid =
            world.db.scalarInt("SELECT coalesce((SELECT rowid FROM tipoffs WHERE deleted = 0 AND " +
                               where + " LIMIT 1), 0)");
        return rowid == 0 ? -1L : model->indexOf(rowid);
    };
    const long overdue = rowOf("status IN " + openStatuses() + " AND due_at < '" + now + "'");
    const long onTime = rowOf("status IN " + openStatuses() + " AND due_at > '" + now + "'");
    const long closedLate = rowOf("status = 'closed' AND due_at < '" + now + "'");
    REQUIRE(overdue >= 0);
    REQUIRE(onTime >= 0);
    REQUIRE(closedLate >= 0);

    const auto attrOf = [&](long row, unsigned col) {
        wxDataViewItemAttr attr;
        const bool set = model->GetAttrByRow(static_cast<unsigned>(row), col, attr);
        return std::make_pair(set, attr);
    };
    for (unsigned col = 0; col < model->spec().columns.size(); ++col) {
        const auto [set, attr] = attrOf(overdue, col);
        CHECK(set);
        CHECK(attr.HasBackgroundColour());
        CHECK(attr.GetBackgroundColour() == wxColour(0xfd, 0xe4, 0xe4));
    }
    CHECK(model->rowTone(static_cast<unsigned>(overdue)) == panels::RowTone::Alert);
    // The code column of a late case is dark red; of a case on time or finished, plain.
    CHECK(attrOf(overdue, 0).second.GetColour() == wxColour(0xa3, 0x1a, 0x1a));
    CHECK_FALSE(attrOf(onTime, 0).first);
    CHECK_FALSE(attrOf(closedLate, 0).first);
    CHECK_FALSE(model->rowTone(static_cast<unsigned>(onTime)).has_value());
    CHECK_FALSE(attrOf(closedLate, 0).second.HasBackgroundColour());

    // What a person sees: the list scrolled to an overdue case, among its red neighbours.
    world.pane->selectRecord(world.idOf("SELECT id FROM tipoffs WHERE rowid = " +
                                        std::to_string(model->rowids()[overdue])));
    test::pump(300);
    const wxImage shot = app::captureWindow(world.frame);
    REQUIRE(shot.IsOk());
    const std::string shotPath = std::string(C175_BIN_DIR) + "/../test_gui_tipoff_pane.png";
    CHECK(shot.SaveFile(wxString::FromUTF8(shotPath), wxBITMAP_TYPE_PNG));
    MESSAGE("screenshot: " << std::filesystem::weakly_canonical(shotPath).string());
}

TEST_CASE("issue 5: Change status needs a selection and the permission; Ctrl+N opens the form") {
    SUBCASE("operator and welfare reviewer may not open the pane at all") {
        for (const char* user : {"operator", "reviewer"}) {
            PaneWorld world(user);
            auto* frame = new wxFrame(nullptr, wxID_ANY, "x");
            CHECK_THROWS_AS(panels::createTipoffPane(frame, world.context), auth::AccessDenied);
            frame->Destroy();
        }
    }
    SUBCASE("analyst: sees the list, may neither file nor change a case") {
        PaneWorld world("analyst");
        world.open();
        auto* change = buttonLabelled(world.pane, _("Change status…"));
        auto* create = buttonLabelled(world.pane, _("New tip-off…"));
        REQUIRE(change);
        REQUIRE(create);
        CHECK_FALSE(create->IsEnabled());
        world.pane->selectRecord(world.idOf("SELECT id FROM tipoffs LIMIT 1"));
        test::pump(100);
        CHECK_FALSE(change->IsEnabled());
    }
    SUBCASE("officer: enabled once a row is clicked; Ctrl+N opens the intake form") {
        PaneWorld world("officer");
        world.open();
        auto* change = buttonLabelled(world.pane, _("Change status…"));
        REQUIRE(change);
        CHECK_FALSE(change->IsEnabled());
        // Click the first row with the real pointer.
        auto* list = findChild<wxDataViewCtrl>(world.pane);
        REQUIRE(list);
        auto* model = world.model();
        const wxRect rect = list->GetItemRect(model->GetItem(0), list->GetColumn(0));
        REQUIRE(rect.height > 0);
        const wxPoint at = list->GetMainWindow()->ClientToScreen(
            wxPoint(rect.x + rect.width / 2, rect.y + rect.height / 2));
        wxUIActionSimulator sim;
        sim.MouseMove(at);
        test::pump(50);
        sim.MouseClick();
        CHECK(test::waitFor([&] { return change->IsEnabled(); }, 3000));
        CHECK(list->GetSelection().IsOk());

        // Ctrl+N with the list focused: the intake form opens (modal); close it from a timer.
        bool formOpened = false;
        wxTimer closer;
        closer.Bind(wxEVT_TIMER, [&](wxTimerEvent&) {
            if (auto* form = findTopLevel<panels::IntakeDialog>(); form && form->IsModal()) {
                formOpened = true;
                form->EndModal(wxID_CANCEL);
                closer.Stop();
            }
        });
        closer.Start(100);
        list->SetFocus();
        test::pump(100);
        sim.Char('N', wxMOD_CONTROL);
        CHECK(test::waitFor([&] { return formOpened; }, 5000));
        closer.Stop();
        test::pump(200);
        CHECK(findTopLevel<panels::IntakeDialog>() == nullptr);
    }
    SUBCASE("admin: enabled with a selection, disabled without") {
        PaneWorld world("admin");
        world.open();
        auto* change = buttonLabelled(world.pane, _("Change status…"));
        REQUIRE(change);
        world.pane->selectRecord(world.idOf("SELECT id FROM tipoffs WHERE status = 'received'"));
        CHECK(test::waitFor([&] { return change->IsEnabled(); }, 3000));
    }
    SUBCASE("the selected case shows its notices to the reporter and their delivery state") {
        PaneWorld world("admin");
        world.open();
        auto* notices =
            dynamic_cast<wxStaticText*>(wxWindow::FindWindowByName("tipoff_notices", world.pane));
        REQUIRE(notices);
        const std::string delivered = world.idOf(
            "SELECT tipoff_id FROM tipoff_notices GROUP BY tipoff_id HAVING max(rowid) IN "
            "(SELECT rowid FROM tipoff_notices WHERE state = 'delivered' AND channel = 'sms') "
            "LIMIT 1");
        REQUIRE_FALSE(delivered.empty());
        const auto count = world.db.scalarInt("SELECT count(*) FROM tipoff_notices WHERE "
                                              "tipoff_id = '" +
                                              delivered + "'");
        world.pane->selectRecord(delivered);
        CHECK(test::waitFor([&] { return notices->GetLabel().Contains(_("delivered")); }, 3000));
        CHECK(notices->GetLabel().Contains("SMS"));
        CHECK(
            notices->GetLabel().Contains(wxString::Format("%lld", static_cast<long long>(count))));
        const std::string none = world.idOf("SELECT id FROM tipoffs WHERE id NOT IN (SELECT "
                                            "tipoff_id FROM tipoff_notices) LIMIT 1");
        REQUIRE_FALSE(none.empty());
        world.pane->selectRecord(none);
        CHECK(test::waitFor(
            [&] { return notices->GetLabel() == _("No notice to the reporter yet"); }, 3000));
    }
}

TEST_CASE("issue 5: Figures shows case_stats' numbers, charts, and saves the report") {
    PaneWorld world("officer");
    world.open();
    auto* figures = buttonLabelled(world.pane, _("Figures…"));
    REQUIRE(figures);
    wxUIActionSimulator sim;
    test::clickOn(sim, figures);
    REQUIRE(test::waitFor([] { return findTopLevel<panels::FiguresDialog>() != nullptr; }, 5000));
    auto* dialog = findTopLevel<panels::FiguresDialog>();
    REQUIRE(test::waitFor([&] { return !dialog->busy() && dialog->figures().has_value(); }, 30000));
    // Wider than the default 90 days: the whole seeded year.
    const wxDateTime today = wxDateTime::Today();
    dialog->setPeriod(today - wxDateSpan::Days(364), today);
    REQUIRE(test::waitFor([&] { return !dialog->busy(); }, 30000));
    REQUIRE(dialog->figures().has_value());
    CHECK(dialog->errorText().empty());
    MESSAGE("figures computed in " << dialog->computeMs() << " ms, charts drawn in "
                                   << dialog->renderMs() << " ms");

    const auto& data = *dialog->figures();
    tipoff::ReportOptions options = data.options; // the same days and the same "now"
    CHECK(options.fromDay == (today - wxDateSpan::Days(364)).FormatISODate().utf8_string());
    const auto stats = tipoff::computeStats(world.db, tipoff::statsFilterOf(options));
    REQUIRE(stats.total > 0);
    CHECK(data.stats.total == stats.total);
    CHECK(data.stats.overdue == stats.overdue);
    CHECK(data.stats.successRate == stats.successRate);
    CHECK(data.stats.medianProcessingHours == stats.medianProcessingHours);
    const auto kpis = tipoff::reportKpis(stats);
    const auto shown = dialog->kpiTexts();
    REQUIRE(shown.size() == kpis.size());
    for (std::size_t i = 0; i < kpis.size(); ++i)
        CHECK(shown[i].utf8_string() == kpis[i].value);
    CHECK(shown[0].utf8_string() == browse::formatThousands(stats.total));

    // Three charts drawn, each with its bars in the series colour.
    REQUIRE(dialog->chartImages().size() == 3);
    for (std::size_t i = 0; i < 3; ++i) {
        const auto& image = dialog->chartImages()[i];
        const auto colour = data.charts[i].colour;
        int coloured = 0;
        for (const auto& bar : image.bars)
            if (bar.right > bar.left) {
                const auto p = image.pixel((bar.left + bar.right) / 2, (bar.top + bar.bottom) / 2);
                coloured += (p[0] == (colour >> 16 & 0xff) && p[1] == (colour >> 8 & 0xff) &&
                             p[2] == (colour & 0xff))
                                ? 1
                                : 0;
            }
        CHECK(coloured > 0);
    }

    // The printable HTML has the charts as memory: images the HTML printer can open.
    const wxString printable = dialog->printableHtml();
    CHECK(printable.Contains("memory:c175-figures-"));
    wxFileSystem fs;
    const wxString src = printable.Mid(printable.Find("memory:")).BeforeFirst('"');
    std::unique_ptr<wxFSFile> image(fs.OpenFile(src));
    CHECK(image != nullptr);

    // The HTML printer's engine lays the report out with its charts: a look at the first page.
    {
        auto* preview = new wxFrame(nullptr, wxID_ANY, "report", wxPoint(0, 0), wxSize(900, 1000));
        auto* html = new wxHtmlWindow(preview);
        html->SetPage(printable);
        preview->Show();
        test::pump(400);
        const wxImage page = app::captureWindow(preview);
        const std::string pagePath =
            std::string(C175_BIN_DIR) + "/../test_gui_tipoff_report_page.png";
        CHECK(page.SaveFile(wxString::FromUTF8(pagePath), wxBITMAP_TYPE_PNG));
        MESSAGE("report page: " << std::filesystem::weakly_canonical(pagePath).string());
        // The chart loads from memory: alone on a page it is as tall as the chart (a missing
        // image would be a small "broken" icon).
        html->SetPage("<img src=\"" + src + "\">");
        CHECK(html->GetInternalRepresentation()->GetHeight() >= 200);
        preview->Destroy();
        test::pump(100);
    }

    test::TempDir dir;
    const std::string reportPath = dir.file("report.html");
    REQUIRE(dialog->saveReport(wxString::FromUTF8(reportPath)));
    std::ifstream in(reportPath);
    std::stringstream html;
    html << in.rdbuf();
    CHECK(html.str().find("data:image/png;base64,") != std::string::npos);
    CHECK(html.str().find("<b>" + browse::formatThousands(stats.total) + "</b>") !=
          std::string::npos);

    dialog->Raise();
    test::pump(300);
    const wxImage shot = app::captureWindow(dialog);
    REQUIRE(shot.IsOk());
    const std::string shotPath = std::string(C175_BIN_DIR) + "/../test_gui_tipoff_figures.png";
    CHECK(shot.SaveFile(wxString::FromUTF8(shotPath), wxBITMAP_TYPE_PNG));
    MESSAGE("screenshot: " << std::filesystem::weakly_canonical(shotPath).string());

    // A second click brings the same dialog forward; Close ends it.
    test::clickOn(sim, figures);
    CHECK(findTopLevel<panels::FiguresDialog>() == dialog);
    test::clickOn(sim, dialog->FindWindow(wxID_CLOSE));
    CHECK(test::waitFor([] { return findTopLevel<panels::FiguresDialog>() == nullptr; }, 3000));
}

TEST_CASE("dates in the Vietnamese console are written day first") {
    // The GUI tests run in Vietnamese (main.cpp); date pickers format with the UI locale.
    locale_t vi = newlocale(LC_TIME_MASK, "vi_VN.UTF-8", static_cast<locale_t>(nullptr));
    const char* chosen = std::getenv("LC_TIME"); // ours, or the person's own choice
    if (!vi || std::getenv("LC_ALL") || (chosen && std::string(chosen) != "vi_VN.UTF-8")) {
        MESSAGE("vi_VN.UTF-8 missing, or LC_ALL/LC_TIME set: the person's date order is kept");
        if (vi)
            freelocale(vi);
        return;
    }
    freelocale(vi);
    CHECK(wxDateTime(3, wxDateTime::Dec, 2026).Format(wxGetUIDateFormat()) == "03/12/2026");
    // Numbers are untouched: a typed coordinate still reads with its '.'.
    double lat = 0;
    CHECK(wxString("21.005483").ToCDouble(&lat));
    CHECK(lat == doctest::Approx(21.005483));
    CHECK(std::string(nl_langinfo(RADIXCHAR)) == ".");
}
