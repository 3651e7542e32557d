// The case workflow: transitions allowed and refused per role, notes, history, notices, audit,
// merge keeping both histories, overdue cases.
#include "tipoff_fixture.h"

#include "audit/audit_log.h"
#include "core/errors.h"
#include "tipoff/case_search.h"
#include "tipoff/case_view.h"
#include "tipoff/case_workflow.h"

#include <doctest/doctest.h>

using namespace c175;
using c175::test::TipoffWorld;
using tipoff::Status;

namespace {

tipoff::TransitionRequest to(const std::string& id, Status s, const std::string& note = "ghi chú") {
    tipoff::TransitionRequest r;
    r.tipoffId = id;
    r.to = s;
    r.note = note;
    return r;
}

std::string statusOf(db::Database& db, const std::string& id) {
    db::Statement q(db, "SELECT status FROM tipoffs WHERE id = ?");
    q.bind(1, id);
    q.step();
    return q.getText(0);
}

} // namespace

TEST_CASE("the full path: received -> verifying -> assigned -> investigating -> concluded -> "
          "closed") {
    TipoffWorld w;
    const auto tip = tipoff::IntakeService(w.db).fileAs("test", c175::test::sampleTip());
    tipoff::CaseWorkflow wf(w.db);
    wf.transition(w.officer, to(tip.id, Status::Verifying, "Bắt đầu xác minh"));
    auto assign = to(tip.id, Status::Assigned, "Giao cho cán bộ 2");
    assign.assignee = "officer2";
    wf.transition(w.officer, assign);
    wf.transition(w.officer2, to(tip.id, Status::Investigating));
    auto conclude = to(tip.id, Status::Concluded, "Đã bắt giữ");
    conclude.outcome = tipoff::Outcome::Substantiated;
    wf.transition(w.officer2, conclude);
    wf.transition(w.officer, to(tip.id, Status::Closed));
    CHECK(statusOf(w.db, tip.id) == "closed");
    CHECK(w.db.scalarText("SELECT outcome FROM tipoffs") == "substantiated");
    CHECK(w.db.scalarInt("SELECT concluded_at IS NOT NULL AND closed_at IS NOT NULL FROM "
                         "tipoffs") == 1);

    const auto c = tipoff::loadCase(w.db, tip.code);
    REQUIRE(c);
    REQUIRE(c->history.size() == 6);
    CHECK(c->history[1].fromStatus == "received");
    CHECK(c->history[1].toStatus == "verifying");
    CHECK(c->history[1].note == "Bắt đầu xác minh");
    CHECK(c->history[3].actor == "user:officer2");
    // One notice per status, received included, on the follow-up channel (anonymous).
    CHECK(c->notices.size() == 6);
    for (const auto& n : c->notices)
        CHECK(n.channel == "followup");
    CHECK(c->notices.back().message.find(tip.code) != std::string::npos);
    CHECK(w.db.scalarInt("SELECT count(*) FROM audit_log WHERE action = 'transition'") == 5);
    CHECK(w.db.scalarInt("SELECT count(*) FROM sync_outbox WHERE entity = 'tipoffs'") == 6);
    CHECK(audit::AuditLog(w.db).verify().ok);
}

TEST_CASE("transitions refused per role, and nothing written when refused") {
    TipoffWorld w;
    const auto tip = tipoff::IntakeService(w.db).fileAs("test", c175::test::sampleTip());
    tipoff::CaseWorkflow wf(w.db);
    const auto historyBefore = w.count("tipoff_history");
    const auto outboxBefore = w.count("sync_outbox");

    // Roles without tip-off work: operator and analyst (the analyst may only read).
    CHECK_THROWS_AS(wf.transition(w.operatorUser, to(tip.id, Status::Verifying)),
                    auth::AccessDenied);
    CHECK_THROWS_AS(wf.transition(w.analyst, to(tip.id, Status::Verifying)), auth::AccessDenied);
    auth::Session reviewer = w.analyst;
    reviewer.role = auth::Role::WelfareReviewer;
    CHECK_THROWS_AS(wf.transition(reviewer, to(tip.id, Status::Verifying)), auth::AccessDenied);
    CHECK(statusOf(w.db, tip.id) == "received");
    CHECK(w.count("tipoff_history") == historyBefore);
    CHECK(w.count("sync_outbox") == outboxBefore);

    // Transitions that do not exist.
    CHECK_THROWS_AS(wf.transition(w.officer, to(tip.id, Status::Closed)), tipoff::TipoffError);
    CHECK_THROWS_AS(wf.transition(w.officer, to(tip.id, Status::Investigating)),
                    tipoff::TipoffError);

    // A note is required.
    CHECK_THROWS_AS(wf.transition(w.officer, to(tip.id, Status::Verifying, "  ")),
                    core::ValidationError);
    wf.transition(w.officer, to(tip.id, Status::Verifying));

    // Assigning needs an assignee who may work on tip-offs.
    CHECK_THROWS_AS(wf.transition(w.officer, to(tip.id, Status::Assigned)), core::ValidationError);
    auto assign = to(tip.id, Status::Assigned);
    assign.assignee = "analyst";
    CHECK_THROWS_AS(wf.transition(w.officer, assign), core::ValidationError);
    assign.assignee = "nobody";
    CHECK_THROWS_AS(wf.transition(w.officer, assign), core::ValidationError);
    assign.assignee = "officer2";
    wf.transition(w.officer, assign);

    // Only the assignee (or an administrator) moves an assigned case on.
    CHECK_THROWS_AS(wf.transition(w.officer, to(tip.id, Status::Investigating)),
                    tipoff::TipoffError);
    CHECK_THROWS_AS(wf.transition(w.analyst, to(tip.id, Status::Investigating)),
                    auth::AccessDenied);
    wf.transition(w.admin, to(tip.id, Status::Investigating));

    // Concluding needs an outcome.
    CHECK_THROWS_AS(wf.transition(w.officer2, to(tip.id, Status::Concluded)),
                    core::ValidationError);
    CHECK(statusOf(w.db, tip.id) == "investigating");
}

TEST_CASE("rejecting needs a reason") {
    TipoffWorld w;
    const auto tip = tipoff::IntakeService(w.db).fileAs("test", c175::test::sampleTip());
    tipoff::CaseWorkflow wf(w.db);
    try {
        wf.transition(w.officer, to(tip.id, Status::Rejected, ""));
        FAIL("rejected without a reason");
    } catch (const core::ValidationError& e) {
        CHECK(e.field() == "note");
    }
    CHECK_THROWS_AS(wf.transition(w.analyst, to(tip.id, Status::Rejected, "Không có cơ sở")),
                    auth::AccessDenied);
    wf.transition(w.officer, to(tip.id, Status::Rejected, "Tin trùng lặp, không có cơ sở"));
    CHECK(statusOf(w.db, tip.id) == "rejected");
    // A rejected case is finished.
    CHECK_THROWS_AS(wf.transition(w.officer, to(tip.id, Status::Verifying)), tipoff::TipoffError);
}

TEST_CASE("merge into another case keeps both histories") {
    TipoffWorld w;
    tipoff::IntakeService intake(w.db);
    const auto a = intake.fileAs("test", c175::test::sampleTip());
    const auto b = intake.fileAs("test", c175::test::sampleTip());
    tipoff::CaseWorkflow wf(w.db);
    wf.transition(w.officer, to(b.id, Status::Verifying, "Xác minh tin B"));
    auto self = to(a.id, Status::Merged, "gộp");
    self.mergeIntoCode = a.code;
    CHECK_THROWS_AS(wf.transition(w.officer, self), core::ValidationError);
    auto merge = to(b.id, Status::Merged, "Cùng một vụ việc");
    merge.mergeIntoCode = a.code;
    CHECK_THROWS_AS(wf.transition(w.analyst, merge), auth::AccessDenied);
    wf.transition(w.officer, merge);
    CHECK(statusOf(w.db, b.id) == "merged");
    const auto ca = tipoff::loadCase(w.db, a.code);
    REQUIRE(ca);
    REQUIRE(ca->mergedFromCodes.size() == 1);
    CHECK(ca->mergedFromCodes[0] == b.code);
    // A's history holds its own entries and all of B's (received, verifying, merged).
    int fromB = 0, fromA = 0;
    for (const auto& h : ca->history)
        (h.caseCode == b.code ? fromB : fromA)++;
    CHECK(fromB == 3);
    CHECK(fromA == 2); // received + "case B merged into this case"
    const auto cb = tipoff::loadCase(w.db, b.code);
    CHECK(cb->mergedIntoCode == a.code);
    CHECK(cb->history.size() == 3);
    // Cannot merge into a merged case.
    const auto c = intake.fileAs("test", c175::test::sampleTip());
    auto intoMerged = to(c.id, Status::Merged, "gộp");
    intoMerged.mergeIntoCode = b.code;
    CHECK_THROWS_AS(wf.transition(w.officer, intoMerged), core::ValidationError);
}

TEST_CASE("identified reporters are notified on their channel") {
    TipoffWorld w;
    auto in = c175::test::identifiedTip("Phạm D", "001199000123", "0912345678");
    const auto tip = tipoff::IntakeService(w.db).fileAs("test", in);
    tipoff::CaseWorkflow(w.db).transition(w.officer, to(tip.id, Status::Verifying));
    const auto c = tipoff::loadCase(w.db, tip.id);
    REQUIRE(c);
    CHECK(c->notices.size() == 2);
    for (const auto& n : c->notices) {
        CHECK(n.channel == "sms");
        CHECK(n.message.find("0912345678") == std::string::npos);
        CHECK(n.message.find("Phạm") == std::string::npos);
    }
}

TEST_CASE("overdue cases stand out") {
    TipoffWorld w;
    tipoff::IntakeOptions old;
    old.nowUnix = [] { return std::int64_t{1790000000}; }; // 2026-09-21
    const auto late = tipoff::IntakeService(w.db, old).fileAs("test", [] {
        auto in = c175::test::sampleTip();
        in.occurredAt = "2026-09-20T10:00:00+07:00";
        in.discoveredAt.clear();
        return in;
    }());
    const auto fresh = tipoff::IntakeService(w.db).fileAs("test", c175::test::sampleTip());
    tipoff::CaseQuery q;
    q.overdueOnly = true;
    auto list = tipoff::searchCases(w.db, q);
    REQUIRE(list.size() == 1);
    CHECK(list[0].code == late.code);
    CHECK(list[0].overdue);
    q.overdueOnly = false;
    for (const auto& c : tipoff::searchCases(w.db, q))
        CHECK(c.overdue == (c.code == late.code));
    // A case no longer open is not overdue.
    tipoff::CaseWorkflow(w.db).transition(w.officer,
                                          to(late.id, Status::Rejected, "Không thuộc thẩm quyền"));
    q.overdueOnly = true;
    CHECK(tipoff::searchCases(w.db, q).empty());
    (void)fresh;
}

TEST_CASE("the state machine lists the next statuses") {
    using V = std::vector<Status>;
    CHECK(tipoff::nextStatuses(Status::Received) ==
          V{Status::Verifying, Status::Rejected, Status::Merged});
    CHECK(tipoff::nextStatuses(Status::Concluded) == V{Status::Closed});
    CHECK(tipoff::nextStatuses(Status::Closed).empty());
    CHECK(tipoff::nextStatuses(Status::Merged).empty());
}
