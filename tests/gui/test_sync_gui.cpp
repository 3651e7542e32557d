// GUI test of sync in the console (issue 3, items 4, 5 and 7): a real c175-hub child, the frame
// syncing an empty cache from it, the status field, the Sync dialog, a real conflict settled in
// the Conflicts view, then the hub stopped while the console keeps working, and back again.
#include "../sync/sync_helpers.h"
#include "gui_support.h"

#include "conflicts_dialog.h"
#include "main_frame.h"
#include "settings.h"
#include "sync_controller.h"
#include "sync_dialog.h"

#include "auth/accounts.h"
#include "changes/change_capture.h"
#include "db/migrations.h"

#include <cstdlib>
#include <doctest/doctest.h>

#include <wx/button.h>
#include <wx/gauge.h>
#include <wx/listctrl.h>

#include <map>

using namespace c175;
using c175::panels::PaneId;

namespace {

// The rows each pane lists, counted in the hub's own store with the panes' "not deleted" rule.
std::int64_t hubRows(db::Database& hub, PaneId id) {
    switch (id) {
    case PaneId::Kiosks:
        return hub.scalarInt("SELECT COUNT(*) FROM kiosks WHERE deleted = 0");
    case PaneId::CameraAlerts:
        return hub.scalarInt("SELECT COUNT(*) FROM camera_alerts WHERE deleted = 0");
    case PaneId::Tipoffs:
        return hub.scalarInt("SELECT COUNT(*) FROM tipoffs WHERE deleted = 0");
    case PaneId::Welfare:
        return hub.scalarInt("SELECT COUNT(*) FROM applications WHERE deleted = 0");
    case PaneId::Tourism:
        return hub.scalarInt("SELECT COUNT(*) FROM lodgings WHERE deleted = 0");
    case PaneId::Map:
        return hub.scalarInt("SELECT COUNT(*) FROM admin_units WHERE deleted = 0 AND "
                             "layer = '2025' AND level = 'province'");
    }
    return -1;
}

// The fixed start of a translated status text with a placeholder ("Synced at %s ..." -> "...").
wxString prefixOf(const wxString& format) {
    return format.BeforeFirst('%').Trim();
}

// A local edit of a tip-off's address, recorded for sync as the panes' edits are.
void editAddress(db::Database& db, const std::string& id, const std::string& address,
                 const std::string& actor) {
    db::Transaction tx(db);
    db::Statement u(db, "UPDATE tipoffs SET address = ? WHERE id = ?");
    u.bindAll(address, id);
    u.run();
    changes::recordUpsert(db, "tipoffs", id, "{\"address\":\"" + address + "\"}", actor);
    tx.commit();
}

bool allPanesMatch(app::MainFrame* frame, db::Database& hub, std::string& report) {
    bool ok = true;
    report.clear();
    for (auto* pane : frame->panes()) {
        if (!pane)
            return false;
        const auto want = hubRows(hub, pane->id());
        const auto have = pane->shownRowCount();
        report += std::string(panels::paneKey(pane->id())) + " " + std::to_string(have) + "/" +
                  std::to_string(want) + "; ";
        ok = ok && want == have && want > 0;
    }
    return ok;
}

} // namespace

TEST_CASE("the console syncs an empty cache from a real hub, then keeps working offline") {
    test::TempDir dir;
    const std::string hubDb = dir.file("hub.db");
    const std::string cache = dir.file("cache.db");
    const std::string password = test::demoPassword("admin");
    const std::string bin = test::binDir();
    auto seeded = test::runCommand(bin + "/c175-hub --db '" + hubDb + "' seed --scale small");
    REQUIRE_MESSAGE(seeded.status == 0, seeded.output);
    // The console's cache has its schema and the person's account, and no pilot rows.
    auto made =
        test::runCommand(bin + "/c175ctl --db '" + cache + "' init && C175_PASSWORD='" + password +
                         "' " + bin + "/c175ctl --db '" + cache + "' user add admin --role admin");
    REQUIRE_MESSAGE(made.status == 0, made.output);

    test::HubProcess hub(hubDb);
    hub.start();
    REQUIRE(hub.port() > 0);

    app::Settings settings(dir.file("console.ini"));
    auto db = std::make_unique<db::Database>(db::openCache(cache));
    REQUIRE(db->scalarInt("SELECT COUNT(*) FROM tipoffs") == 0);
    const auth::Session session = auth::AccountService(*db).login("admin", password);
    auto* frame = new app::MainFrame(settings, std::move(db), session);
    frame->setSaveLayoutOnClose(false);
    frame->setHubForThisRun(wxString::FromUTF8(hub.url()));
    frame->startSync(wxString::FromUTF8(password));
    frame->Show();
    REQUIRE(frame->syncController());
    auto* sync = frame->syncController();
    CHECK(sync->running());
    CHECK(frame->statusField(app::MainFrame::FieldSync) != _("Sync not configured"));

    // The Sync dialog follows the running sync: progress bar, numbers, Cancel.
    sync->showSyncDialog();
    auto* dialog = dynamic_cast<app::SyncDialog*>(wxWindow::FindWindowByName("c175-sync-dialog"));
    REQUIRE(dialog);
    CHECK(dialog->IsShown());
    CHECK(dialog->gauge()->GetRange() == 100);

    const wxString syncedPrefix = prefixOf(_("Synced at %s (%lld pending)"));
    bool sawSyncing = false;
    const bool synced = test::waitFor(
        [&] {
            sawSyncing = sawSyncing || sync->status().state == sync::SyncState::Syncing;
            return frame->statusField(app::MainFrame::FieldSync).StartsWith(syncedPrefix);
        },
        120000);
    INFO("sync field: " << frame->statusField(app::MainFrame::FieldSync).utf8_string());
    INFO("service message: " << sync->status().message);
    REQUIRE(synced);
    CHECK(sawSyncing);
    CHECK(sync->status().lastSyncAt != "");
    CHECK(sync->status().pending == 0);
    CHECK(dialog->gauge()->GetValue() == 100);
    CHECK_FALSE(dialog->cancelButton()->IsEnabled()); // nothing running to cancel
    CHECK(dialog->syncNowButton()->IsEnabled());
    CHECK(dialog->progressText().Contains(wxString::Format("%lld", sync->status().done)));
    dialog->Hide();

    // Every pane reloaded after the sync and shows what the hub holds.
    {
        db::Database hubStore(hubDb);
        std::string report;
        const bool match =
            test::waitFor([&] { return allPanesMatch(frame, hubStore, report); }, 30000);
        INFO("panes (shown/hub): " << report);
        CHECK(match);
        CHECK(frame->database().scalarInt("SELECT COUNT(*) FROM tipoffs") ==
              hubStore.scalarInt("SELECT COUNT(*) FROM tipoffs"));
    }

    // No edit was made on both sides: the Conflicts view is empty and says so.
    {
        app::ConflictsDialog conflicts(frame, frame->database(),
                                       [](const std::string&, sync::Decision, const std::string&) {
                                           FAIL("nothing to resolve");
                                       });
        CHECK(conflicts.conflicts().empty());
        CHECK(conflicts.list()->GetItemCount() == 0);
        CHECK_FALSE(conflicts.resolveSelected(sync::Decision::Mine));
    }

    // The same field edited at the hub (by another console) and here: a conflict the person
    // settles in the Conflicts view; the decision is audited and goes up.
    const std::string tipId =
        frame->database().scalarText("SELECT id FROM tipoffs ORDER BY id LIMIT 1").value_or("");
    REQUIRE_FALSE(tipId.empty());
    const std::string theirs = "Số 1 Lý Thái Tổ";
    const std::string mine = "Số 2 Hàng Bài";
    {
        test::SyncClient other(dir.file("other.db"));
        other.syncOnce(hub.url());
        editAddress(other.db, tipId, theirs, "admin");
        CHECK(other.syncOnce(hub.url()).accepted == 1);
    }
    editAddress(frame->database(), tipId, mine, session.actor());
    sync->syncNow();
    const bool conflicted = test::waitFor(
        [&] {
            return sync->status().state == sync::SyncState::Idle && sync->status().conflicts > 0;
        },
        60000);
    INFO("sync field: " << frame->statusField(app::MainFrame::FieldSync).utf8_string());
    {
        const auto w = sync->workerStatus();
        INFO("worker: state " << static_cast<int>(w.state) << " stage '" << w.stage << "' done "
                              << w.done << " conflicts " << w.conflicts << " message '" << w.message
                              << "' post pending " << sync->statusPostPending());
        REQUIRE(conflicted);
    }
    CHECK(frame->statusField(app::MainFrame::FieldSync) ==
          wxString::Format(wxPLURAL("%lld conflict", "%lld conflicts", 1), 1LL));
    {
        app::ConflictsDialog conflicts(
            frame, frame->database(),
            [&](const std::string& id, sync::Decision decision, const std::string& json) {
                sync->resolve(id, decision, json);
            });
        REQUIRE(conflicts.conflicts().size() == 1);
        REQUIRE(conflicts.list()->GetItemCount() == 1);
        const auto& c = conflicts.conflicts().front();
        CHECK(c.field == "address");
        CHECK(app::ConflictsDialog::displayValue(c.mine) == wxString::FromUTF8(mine));
        CHECK(app::ConflictsDialog::displayValue(c.theirs) == wxString::FromUTF8(theirs));
        conflicts.list()->Select(0);
        CHECK(conflicts.resolveSelected(sync::Decision::Mine));
        CHECK(conflicts.conflicts().empty());
    }
    const bool settled = test::waitFor(
        [&] {
            const auto& s = sync->status();
            return s.state == sync::SyncState::Idle && s.conflicts == 0 && s.pending == 0 &&
                   changes::pendingCount(frame->database()) == 0;
        },
        60000);
    INFO("sync field: " << frame->statusField(app::MainFrame::FieldSync).utf8_string());
    CHECK(settled);
    {
        db::Database hubStore(hubDb);
        CHECK(hubStore.scalarText("SELECT address FROM tipoffs WHERE id = '" + tipId + "'")
                  .value_or("") == mine);
    }
    CHECK(frame->database().scalarInt("SELECT COUNT(*) FROM audit_log WHERE action = "
                                      "'sync_conflict_resolved' AND entity_id = '" +
                                      tipId + "'") == 1);

    // The hub goes away: the field says offline with a retry countdown; the console still
    // works and keeps its edits.
    const auto tipoffsBefore = frame->pane(PaneId::Tipoffs)->shownRowCount();
    const int port = hub.port();
    hub.stop();
    sync->syncNow();
    const wxString offlinePrefix = prefixOf(_("Offline — retrying in %lld s"));
    const bool offline = test::waitFor(
        [&] { return frame->statusField(app::MainFrame::FieldSync).StartsWith(offlinePrefix); },
        30000);
    INFO("sync field: " << frame->statusField(app::MainFrame::FieldSync).utf8_string());
    REQUIRE(offline);
    CHECK(sync->status().state == sync::SyncState::Offline);
    frame->pane(PaneId::Tipoffs)->reload();
    test::pump(500);
    CHECK(frame->pane(PaneId::Tipoffs)->shownRowCount() == tipoffsBefore);
    CHECK(frame->showPane(PaneId::Kiosks));
    CHECK(frame->database().scalarInt("SELECT COUNT(*) FROM kiosks") > 0);
    const std::string offlineEdit = "Số 3 Tràng Tiền";
    editAddress(frame->database(), tipId, offlineEdit, session.actor());
    sync->syncNow();
    CHECK(changes::pendingCount(frame->database()) == 1);

    // The hub comes back on its address: the console catches up by itself (its backoff is at
    // most 30 s) and the edit made offline reaches the hub.
    hub.start(port);
    const bool caughtUp = test::waitFor(
        [&] {
            return frame->statusField(app::MainFrame::FieldSync).StartsWith(syncedPrefix) &&
                   sync->status().pending == 0;
        },
        90000);
    INFO("sync field: " << frame->statusField(app::MainFrame::FieldSync).utf8_string());
    CHECK(caughtUp);
    {
        db::Database hubStore(hubDb);
        CHECK(hubStore.scalarText("SELECT address FROM tipoffs WHERE id = '" + tipId + "'")
                  .value_or("") == offlineEdit);
    }
    frame->Close(true);
    test::pump(300);
}

TEST_CASE("conflict values read as text and typed values keep their JSON kind") {
    CHECK(app::ConflictsDialog::displayValue(std::string("\"Đã đóng\"")) ==
          wxString::FromUTF8("Đã đóng"));
    CHECK(app::ConflictsDialog::displayValue(std::string("42")) == "42");
    CHECK(app::ConflictsDialog::displayValue(std::string("null")).empty());
    CHECK(app::ConflictsDialog::displayValue(std::nullopt) == _("(unknown)"));
    CHECK(app::ConflictsDialog::typedToJson(wxString::FromUTF8("Nhà \"A\""), "\"x\"") ==
          "\"Nhà \\\"A\\\"\"");
    CHECK(app::ConflictsDialog::typedToJson("17", "3") == "17");
}
