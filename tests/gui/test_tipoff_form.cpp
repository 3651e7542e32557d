// GUI test of issue 5 (item 10): the demo case officer files a tip-off through the "New tip-off"
// form with typed input, a 1,001-character description is refused with nothing stored, and the
// new case is moved to "assigned" through the "Change status…" dialog.
#include "gui_support.h"

#include "screenshots.h"
#include "tipoff/intake_dialog.h"
#include "tipoff/transition_dialog.h"

#include "auth/accounts.h"
#include "db/migrations.h"
#include "tipoff/tipoff_types.h"

#include <doctest/doctest.h>

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/frame.h>
#include <wx/textctrl.h>
#include <wx/uiaction.h>

#include <filesystem>

using namespace c175;

namespace {

// Chooses an item of a wxChoice and tells its handlers, as a pick with the mouse would.
// (GTK's choice pop-up cannot be driven reliably by simulated input.)
void choose(wxChoice* choice, int index) {
    choice->SetSelection(index);
    wxCommandEvent event(wxEVT_CHOICE, choice->GetId());
    event.SetEventObject(choice);
    event.SetInt(index);
    choice->GetEventHandler()->ProcessEvent(event);
}

// Clicks a control and types into it with real key events.
void typeInto(wxUIActionSimulator& sim, wxWindow* ctrl, const char* text) {
    test::clickOn(sim, ctrl);
    test::waitFor([&] { return wxWindow::FindFocus() == ctrl; }, 2000);
    sim.Text(text);
    test::pump(150);
}

std::int64_t countRows(db::Database& db, const std::string& sql) {
    return db.scalarInt(sql);
}

} // namespace

TEST_CASE("issue 5: an officer files a tip-off through the form and moves it to assigned") {
    test::TempDir dir;
    const auto cache = dir.file("tipoff.db");
    std::filesystem::copy_file(test::seededCache(), cache);
    auto db = db::openCache(cache);
    const auto session = auth::AccountService(db).login("officer", test::demoPassword("officer"));
    REQUIRE(session.role == auth::Role::CaseOfficer);
    wxUIActionSimulator sim;

    auto* frame = new wxFrame(nullptr, wxID_ANY, "host", wxPoint(0, 0), wxSize(400, 300));
    frame->Show();
    test::pump(200);

    const std::int64_t tipsBefore = countRows(db, "SELECT COUNT(*) FROM tipoffs");
    const std::int64_t historyBefore = countRows(db, "SELECT COUNT(*) FROM tipoff_history");

    // --- 1. File a tip-off, typing the text fields with real key events.
    auto* form = new panels::IntakeDialog(frame, db, session);
    form->Show();
    REQUIRE(test::waitFor([&] { return form->IsShownOnScreen(); }, 5000));
    form->Raise();
    test::pump(300);

    CHECK(form->counterText() == "0/1000");
    const auto drugs =
        std::size_t(std::find(tipoff::allCrimeTypes().begin(), tipoff::allCrimeTypes().end(),
                              tipoff::CrimeType::Drugs) -
                    tipoff::allCrimeTypes().begin());
    choose(form->crimeTypeCtrl(), int(drugs));
    CHECK(form->subtypeCtrl()->GetCount() > 1); // drugs has subtypes besides "unspecified"
    choose(form->subtypeCtrl(), 1);

    const char* description = "Nghi van mua ban ma tuy tai cho Dong Xuan, nhieu nguoi la mat.";
    typeInto(sim, form->descriptionCtrl(), description);
    CHECK(form->descriptionCtrl()->GetValue() == description);
    CHECK(form->counterText() == wxString::Format("%d/1000", int(std::string(description).size())));
    CHECK_FALSE(form->counterIsRed());

    typeInto(sim, form->latitudeCtrl(), "21.0385");
    typeInto(sim, form->longitudeCtrl(), "105.8497");
    CHECK(form->latitudeCtrl()->GetValue() == "21.0385");
    // The unit the point resolves to is said in the form before filing.
    CHECK(form->unitText().StartsWith(wxString::Format(_("Resolves to: %s"), "").BeforeLast(' ')));
    MESSAGE("unit shown: " << form->unitText().utf8_string());
    typeInto(sim, form->addressCtrl(), "Pho Hang Chieu, Hoan Kiem");
    CHECK(form->anonymousCtrl()->GetValue()); // anonymous by default

    const wxImage shot = app::captureWindow(form);
    REQUIRE(shot.IsOk());
    const std::string shotPath = std::string(C175_BIN_DIR) + "/../test_gui_tipoff_form.png";
    REQUIRE(shot.SaveFile(wxString::FromUTF8(shotPath), wxBITMAP_TYPE_PNG));
    MESSAGE("screenshot: " << std::filesystem::weakly_canonical(shotPath).string());

    test::clickOn(sim, form->FindWindow(wxID_OK));
    REQUIRE(test::waitFor([&] { return form->result().has_value(); }, 10000));
    CHECK(form->errorText().empty());
    const tipoff::IntakeResult filed = *form->result();
    CHECK_FALSE(filed.code.empty());
    CHECK_FALSE(filed.followupCode.empty()); // anonymous: the follow-up code is shown once
    CHECK(test::waitFor([&] { return !form->IsShown(); }, 3000));
    form->Destroy();

    CHECK(countRows(db, "SELECT COUNT(*) FROM tipoffs") == tipsBefore + 1);
    {
        db::Statement q(db, "SELECT description, crime_type, status, address, channel, "
                            "coalesce(commune_code, '') FROM tipoffs WHERE code = ?");
        q.bind(1, filed.code);
        REQUIRE(q.step());
        CHECK(q.getText(0) == description);
        CHECK(q.getText(1) == "drugs");
        CHECK(q.getText(2) == "received");
        CHECK(q.getText(3) == "Pho Hang Chieu, Hoan Kiem");
        CHECK_FALSE(q.getText(5).empty()); // the admin unit was resolved from the point
    }

    // --- 2. 1,001 characters: the counter turns red, the service refuses, nothing is stored.
    // Set through the control (typing 1,001 keys one by one takes minutes under Xvfb); SetValue
    // sends the same text event as typing, so the live counter is exercised.
    const std::int64_t tipsAfterFirst = countRows(db, "SELECT COUNT(*) FROM tipoffs");
    const std::int64_t auditBefore = countRows(db, "SELECT COUNT(*) FROM audit_log");
    auto* tooLong = new panels::IntakeDialog(frame, db, session);
    tooLong->Show();
    REQUIRE(test::waitFor([&] { return tooLong->IsShownOnScreen(); }, 5000));
    tooLong->descriptionCtrl()->SetValue(wxString(1001, 'a'));
    CHECK(tooLong->counterText() == "1001/1000");
    CHECK(tooLong->counterIsRed());
    tooLong->addressCtrl()->SetValue("Hoan Kiem");
    tooLong->SetFocus();
    CHECK_FALSE(tooLong->TransferDataFromWindow());
    CHECK_FALSE(tooLong->result().has_value());
    CHECK(tooLong->errorText().StartsWith(_("Description") + ":"));
    MESSAGE("refusal shown: " << tooLong->errorText().utf8_string());
    CHECK(test::waitFor([&] { return wxWindow::FindFocus() == tooLong->descriptionCtrl(); }, 2000));
    CHECK(countRows(db, "SELECT COUNT(*) FROM tipoffs") == tipsAfterFirst);
    CHECK(countRows(db, "SELECT COUNT(*) FROM audit_log") == auditBefore);
    // An identified reporter without a name is refused the same way, naming the field.
    tooLong->descriptionCtrl()->SetValue("ok");
    tooLong->anonymousCtrl()->SetValue(false);
    CHECK_FALSE(tooLong->TransferDataFromWindow());
    CHECK(tooLong->errorText().StartsWith(_("Reporter's name") + ":"));
    CHECK(countRows(db, "SELECT COUNT(*) FROM tipoffs") == tipsAfterFirst);
    tooLong->Destroy();

    // --- 3. Received -> verifying -> assigned through the transition dialog.
    // Analysts may not move a case at all; the officer may verify, reject or merge a new one.
    auth::Session analyst = session;
    analyst.role = auth::Role::Analyst;
    CHECK(panels::allowedTargets(analyst, tipoff::Status::Received, "").empty());
    const auto officerTargets = panels::allowedTargets(session, tipoff::Status::Received, "");
    CHECK(officerTargets == std::vector<tipoff::Status>{tipoff::Status::Verifying,
                                                        tipoff::Status::Rejected,
                                                        tipoff::Status::Merged});
    // An assigned case is moved on only by its assignee.
    const auto others = panels::allowedTargets(session, tipoff::Status::Assigned, "someone");
    CHECK(std::find(others.begin(), others.end(), tipoff::Status::Investigating) == others.end());

    panels::CaseRef ref{filed.id, filed.code, "", tipoff::Status::Received};
    auto* verify = new panels::TransitionDialog(frame, db, session, ref);
    verify->Show();
    REQUIRE(test::waitFor([&] { return verify->IsShownOnScreen(); }, 5000));
    test::pump(200);
    REQUIRE(verify->selectTarget(tipoff::Status::Verifying));
    CHECK_FALSE(verify->assigneeCtrl()->IsShown());
    // No note: refused, nothing changes.
    CHECK_FALSE(verify->TransferDataFromWindow());
    CHECK(verify->errorText().StartsWith(_("Note") + ":"));
    CHECK(countRows(db, "SELECT COUNT(*) FROM tipoff_history") == historyBefore + 1); // intake's
    typeInto(sim, verify->noteCtrl(), "Da goi lai so hotline, thong tin co co so");
    test::clickOn(sim, verify->FindWindow(wxID_OK));
    REQUIRE(test::waitFor([&] { return !verify->IsShown(); }, 10000));
    verify->Destroy();
    CHECK(db.scalarText("SELECT status FROM tipoffs WHERE id = '" + filed.id + "'") ==
          std::string("verifying"));

    ref.status = tipoff::Status::Verifying;
    auto* assign = new panels::TransitionDialog(frame, db, session, ref);
    assign->Show();
    REQUIRE(test::waitFor([&] { return assign->IsShownOnScreen(); }, 5000));
    test::pump(200);
    REQUIRE(assign->selectTarget(tipoff::Status::Assigned));
    CHECK(assign->assigneeCtrl()->IsShown());
    const auto& names = assign->assignees();
    const auto officer = std::find(names.begin(), names.end(), "officer");
    REQUIRE(officer != names.end());
    // Without an assignee the workflow refuses and says which field.
    typeInto(sim, assign->noteCtrl(), "Giao cho can bo truc");
    CHECK_FALSE(assign->TransferDataFromWindow());
    CHECK(assign->errorText().StartsWith(_("Assignee") + ":"));
    choose(assign->assigneeCtrl(), int(officer - names.begin()));
    test::clickOn(sim, assign->FindWindow(wxID_OK));
    REQUIRE(test::waitFor([&] { return !assign->IsShown(); }, 10000));
    assign->Destroy();

    db::Statement t(db, "SELECT status, assignee FROM tipoffs WHERE id = ?");
    t.bind(1, filed.id);
    REQUIRE(t.step());
    CHECK(t.getText(0) == "assigned");
    CHECK(t.getText(1) == "officer");
    db::Statement h(db, "SELECT from_status, actor, note FROM tipoff_history "
                        "WHERE tipoff_id = ? AND to_status = 'assigned'");
    h.bind(1, filed.id);
    REQUIRE(h.step());
    CHECK(h.getText(0) == "verifying");
    CHECK(h.getText(1) == "user:officer");
    CHECK(h.getText(2) == "Giao cho can bo truc");
    CHECK(countRows(db, "SELECT COUNT(*) FROM tipoff_history WHERE tipoff_id = '" + filed.id +
                            "'") == 3); // received, verifying, assigned

    frame->Destroy();
    test::pump(100);
}
