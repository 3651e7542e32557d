// c175ctl tipoff: intake from other channels (JSON), search, figures, a case's view, workflow
// transitions, reveal, related cases, export and the centre key.
#include "command.h"

#include "auth/accounts.h"
#include "core/errors.h"
#include "core/i18n.h"
#include "db/migrations.h"
#include "second_password.h"
#include "tipoff/case_search.h"
#include "tipoff/case_stats.h"
#include "tipoff/case_view.h"
#include "tipoff/case_workflow.h"
#include "tipoff/centre_keys.h"
#include "tipoff/export.h"
#include "tipoff/intake.h"
#include "tipoff/related_cases.h"
#include "tipoff/reveal.h"

#include <fstream>
#include <iostream>
#include <sstream>

namespace c175::cli {
namespace {

using namespace c175::tipoff;

const char* kUsage =
    "c175ctl --db FILE tipoff add --json FILE [--max-evidence-mb N]\n"
    "c175ctl --db FILE tipoff search [TEXT] [--type T] [--status S] [--assignee U] [--area CODE]\n"
    "        [--from DAY] [--to DAY] [--overdue] [--sort received|due|code|status|type] [--asc]\n"
    "        [--limit N]\n"
    "c175ctl --db FILE tipoff stats [--json] [--from DAY] [--to DAY] [--area CODE]\n"
    "c175ctl --db FILE tipoff report --out FILE.html [--from DAY] [--to DAY] [--area CODE]\n"
    "        [--no-charts]\n"
    "c175ctl --db FILE tipoff show CODE\n"
    "c175ctl --db FILE tipoff transition CODE STATUS --note TEXT --user NAME [--assignee NAME]\n"
    "        [--outcome substantiated|unsubstantiated] [--into CODE]\n"
    "c175ctl --db FILE tipoff reveal CODE --user NAME --reason TEXT\n"
    "c175ctl --db FILE tipoff related CODE | tipoff groups\n"
    "c175ctl --db FILE tipoff export (--csv FILE | --xlsx FILE | --stats-csv FILE) [filters]\n"
    "c175ctl --db FILE tipoff keys create --user NAME\n"
    "c175ctl --db FILE tipoff grant-key USER --by HOLDER\n"
    "    HOLDER (who holds a copy of the centre key) signs in; USER types their own password\n"
    "    (C175_GRANTEE_PASSWORD or asked for): their copy is locked with it.\n"
    "The user's password comes from C175_PASSWORD or is asked for.";

std::string takeWord(std::vector<std::string>& args, const char* what) {
    if (args.empty() || args.front().rfind("--", 0) == 0)
        throw UsageError(std::string(what) + " is needed");
    std::string w = args.front();
    args.erase(args.begin());
    return w;
}

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw core::ValidationError("--json",
                                    core::fmt(core::tr("cannot read the file \"{}\""), path));
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

auth::Session signIn(db::Database& db, const std::string& user) {
    if (user.empty())
        throw UsageError("--user NAME is needed");
    const std::string password =
        readPassword(core::fmt(core::tr("Password for {}: "), user), false);
    return auth::AccountService(db).login(user, password);
}

int runAdd(Context& ctx, std::vector<std::string>& args) {
    const std::string file = takeOption(args, "--json");
    const std::string maxMb = takeOption(args, "--max-evidence-mb");
    expectNoMore(args);
    if (file.empty())
        throw UsageError("--json FILE is needed");
    auto db = db::openCache(requireDb(ctx));
    IntakeOptions options;
    options.baseDir = std::filesystem::absolute(file).parent_path();
    if (!maxMb.empty())
        options.maxEvidenceBytes = std::stoll(maxMb) * 1024 * 1024;
    IntakeService intake(db, options);
    const auto items = intakeArrayFromJson(readFile(file));
    int stored = 0, refused = 0;
    for (std::size_t i = 0; i < items.size(); ++i) {
        std::string field = items[i].field, rule = items[i].rule;
        if (items[i].input) {
            try {
                const auto r = intake.fileAs(ctx.osUser, *items[i].input);
                ++stored;
                std::cout << core::fmt(core::tr("[{}] stored as {} (follow-up code {})"), i, r.code,
                                       r.followupCode)
                          << "\n";
                continue;
            } catch (const core::ValidationError& e) {
                field = e.field();
                rule = e.rule();
            } catch (const TipoffError& e) {
                field = "record";
                rule = e.what();
            }
        }
        ++refused;
        std::cerr << core::fmt(core::tr("[{}] refused: {}: {}"), i, field, rule) << "\n";
    }
    std::cout << core::fmt(core::tr("{} stored, {} refused."), stored, refused) << "\n";
    return refused > 0 ? 1 : 0;
}

CaseQuery takeQuery(std::vector<std::string>& args) {
    CaseQuery q;
    if (auto t = takeOption(args, "--type"); !t.empty()) {
        q.crimeType = parseCrimeType(t);
        if (!q.crimeType)
            throw core::ValidationError("--type", core::tr("is not a crime type"));
    }
    if (auto s = takeOption(args, "--status"); !s.empty()) {
        q.status = parseStatus(s);
        if (!q.status)
            throw core::ValidationError("--status", core::tr("is not a status"));
    }
    q.assignee = takeOption(args, "--assignee");
    q.areaCode = takeOption(args, "--area");
    q.receivedFrom = takeOption(args, "--from");
    q.receivedTo = takeOption(args, "--to");
    q.overdueOnly = takeFlag(args, "--overdue");
    const std::string sort = takeOption(args, "--sort", "received");
    if (sort == "due")
        q.sort = SortKey::DueAt;
    else if (sort == "code")
        q.sort = SortKey::Code;
    else if (sort == "status")
        q.sort = SortKey::Status;
    else if (sort == "type")
        q.sort = SortKey::CrimeType;
    else if (sort != "received")
        throw UsageError("--sort is one of received, due, code, status, type");
    q.descending = !takeFlag(args, "--asc");
    q.limit = std::stoi(takeOption(args, "--limit", "50"));
    return q;
}

int runSearch(Context& ctx, std::vector<std::string>& args) {
    CaseQuery q = takeQuery(args);
    std::string text;
    for (const auto& w : args) {
        if (w.rfind("--", 0) == 0)
            throw UsageError("unknown option " + w);
        text += (text.empty() ? "" : " ") + w;
    }
    q.text = text;
    auto db = db::openCache(requireDb(ctx), db::OpenMode::ReadWriteExisting);
    const auto total = countCases(db, q);
    for (const auto& c : searchCases(db, q))
        std::cout << c.code << "  " << c.status << (c.overdue ? "!" : "") << "  " << c.crimeType
                  << "  " << c.receivedAt << "  " << c.address << "  " << c.descriptionStart
                  << "\n";
    std::cout << core::fmt(core::tr("{} matching tip-offs."), total) << "\n";
    return 0;
}

int runStats(Context& ctx, std::vector<std::string>& args) {
    const bool json = takeFlag(args, "--json");
    StatsFilter f;
    f.receivedFrom = takeOption(args, "--from");
    f.receivedTo = takeOption(args, "--to");
    f.areaCode = takeOption(args, "--area");
    expectNoMore(args);
    auto db = db::openCache(requireDb(ctx), db::OpenMode::ReadWriteExisting);
    const auto s = computeStats(db, f);
    if (json) {
        std::cout << statsToJson(s) << "\n";
        return 0;
    }
    std::cout << core::fmt(core::tr("Tip-offs: {}"), s.total) << "\n";
    for (const auto& [k, v] : s.byCrimeType)
        std::cout << "  " << crimeTypeLabel(*parseCrimeType(k)) << ": " << v << "\n";
    if (s.successRate)
        std::cout << core::fmt(core::tr("Success rate: {}%"), *s.successRate * 100) << "\n";
    if (s.medianProcessingHours)
        std::cout << core::fmt(core::tr("Median processing time: {} hours"),
                               *s.medianProcessingHours)
                  << "\n";
    std::cout << core::fmt(core::tr("Overdue: {}"), s.overdue) << "\n";
    return 0;
}

int runShow(Context& ctx, std::vector<std::string>& args) {
    const std::string code = takeWord(args, "CODE");
    expectNoMore(args);
    auto db = db::openCache(requireDb(ctx), db::OpenMode::ReadWriteExisting);
    const auto c = loadCase(db, code);
    if (!c)
        throw core::ValidationError("CODE", core::fmt(core::tr("there is no case \"{}\""), code));
    std::cout << c->code << "  " << statusLabel(*parseStatus(c->status));
    if (!c->outcome.empty())
        std::cout << " (" << outcomeLabel(*parseOutcome(c->outcome)) << ")";
    std::cout << "\n"
              << core::tr("Crime type") << ": " << crimeTypeLabel(*parseCrimeType(c->crimeType))
              << (c->subtype.empty() ? "" : " / " + subtypeLabel(c->subtype)) << "\n"
              << core::tr("Received at") << ": " << c->receivedAt << "  " << core::tr("Due at")
              << ": " << c->dueAt << "\n"
              << core::tr("Address") << ": " << c->address << " [" << c->provinceCode << " "
              << c->communeCode << "]\n"
              << core::tr("Assignee") << ": " << c->assignee << "\n"
              << core::tr("Reporter") << ": "
              << (c->anonymous ? core::tr("anonymous") : core::tr("identified (sealed)")) << "\n"
              << core::tr("Description") << ": " << c->description << "\n";
    if (!c->mergedIntoCode.empty())
        std::cout << core::fmt(core::tr("Merged into {}"), c->mergedIntoCode) << "\n";
    std::cout << core::tr("History") << ":\n";
    for (const auto& h : c->history)
        std::cout << "  " << h.at << "  " << h.caseCode << "  " << h.fromStatus << " -> "
                  << h.toStatus << "  " << h.actor << "  " << h.note << "\n";
    for (const auto& e : c->evidence)
        std::cout << core::tr("Evidence") << ": " << e.fileName << " " << e.mediaType << " "
                  << e.sizeBytes << " sha256=" << e.sha256 << "\n";
    for (const auto& n : c->notices)
        std::cout << core::tr("Notice") << ": " << n.channel << " " << n.state << " " << n.message
                  << "\n";
    for (const auto& r : relatedTo(db, c->id)) {
        std::string why;
        for (const auto& reason : r.reasons)
            why += (why.empty() ? "" : ",") + reason;
        std::cout << core::tr("Related") << ": " << r.code << " (" << why << ")\n";
    }
    return 0;
}

int runTransition(Context& ctx, std::vector<std::string>& args) {
    const std::string note = takeOption(args, "--note");
    const std::string user = takeOption(args, "--user");
    TransitionRequest req;
    req.assignee = takeOption(args, "--assignee");
    req.mergeIntoCode = takeOption(args, "--into");
    if (auto o = takeOption(args, "--outcome"); !o.empty()) {
        req.outcome = parseOutcome(o);
        if (!req.outcome)
            throw core::ValidationError("--outcome",
                                        core::tr("is one of substantiated, unsubstantiated"));
    }
    const std::string code = takeWord(args, "CODE");
    const std::string statusText = takeWord(args, "STATUS");
    expectNoMore(args);
    const auto status = parseStatus(statusText);
    if (!status)
        throw core::ValidationError("STATUS", core::tr("is not a status"));
    req.to = *status;
    req.note = note;
    auto db = db::openCache(requireDb(ctx), db::OpenMode::ReadWriteExisting);
    const auth::Session session = signIn(db, user);
    CaseWorkflow wf(db);
    const auto id = wf.idOfCode(code);
    if (!id)
        throw core::ValidationError("CODE", core::fmt(core::tr("there is no case \"{}\""), code));
    req.tipoffId = *id;
    wf.transition(session, req);
    std::cout << core::fmt(core::tr("{} is now {}."), code, statusLabel(req.to)) << "\n";
    return 0;
}

int runReveal(Context& ctx, std::vector<std::string>& args) {
    const std::string user = takeOption(args, "--user");
    const std::string reason = takeOption(args, "--reason");
    const std::string code = takeWord(args, "CODE");
    expectNoMore(args);
    auto db = db::openCache(requireDb(ctx), db::OpenMode::ReadWriteExisting);
    if (user.empty())
        throw UsageError("--user NAME is needed");
    const std::string password =
        readPassword(core::fmt(core::tr("Password for {}: "), user), false);
    const auth::Session session = auth::AccountService(db).login(user, password);
    const auto id = CaseWorkflow(db).idOfCode(code);
    if (!id)
        throw core::ValidationError("CODE", core::fmt(core::tr("there is no case \"{}\""), code));
    const auto r = revealReporter(db, session, password, *id, reason);
    std::cout << core::tr("Name") << ": " << r.name << "\n"
              << "CCCD: " << r.cccd << "\n"
              << core::tr("Phone") << ": " << r.phone << "\n"
              << "Email: " << r.email << "\n"
              << core::tr("Address") << ": " << r.address << "\n";
    return 0;
}

int runRelated(Context& ctx, std::vector<std::string>& args, bool groups) {
    std::string code;
    if (!groups)
        code = takeWord(args, "CODE");
    expectNoMore(args);
    auto db = db::openCache(requireDb(ctx), db::OpenMode::ReadWriteExisting);
    if (groups) {
        const auto list = relatedGroups(db);
        for (const auto& g : list) {
            for (std::size_t i = 0; i < g.codes.size(); ++i)
                std::cout << (i ? " " : "") << g.codes[i];
            std::cout << "\n";
        }
        std::cout << core::fmt(core::tr("{} groups of related tip-offs."), list.size()) << "\n";
        return 0;
    }
    const auto id = CaseWorkflow(db).idOfCode(code);
    if (!id)
        throw core::ValidationError("CODE", core::fmt(core::tr("there is no case \"{}\""), code));
    for (const auto& r : relatedTo(db, *id)) {
        std::string why;
        for (const auto& reason : r.reasons)
            why += (why.empty() ? "" : ",") + reason;
        std::cout << r.code << "  " << r.status << "  " << why;
        if (r.metres >= 0)
            std::cout << "  " << static_cast<long>(r.metres) << " m, " << r.hours << " h";
        std::cout << "\n";
    }
    return 0;
}

int runExport(Context& ctx, std::vector<std::string>& args) {
    const std::string csv = takeOption(args, "--csv");
    const std::string xlsx = takeOption(args, "--xlsx");
    const std::string statsCsv = takeOption(args, "--stats-csv");
    CaseQuery q = takeQuery(args);
    expectNoMore(args);
    if (csv.empty() && xlsx.empty() && statsCsv.empty())
        throw UsageError("--csv FILE, --xlsx FILE or --stats-csv FILE is needed");
    auto db = db::openCache(requireDb(ctx), db::OpenMode::ReadWriteExisting);
    StatsFilter f;
    f.receivedFrom = q.receivedFrom;
    f.receivedTo = q.receivedTo;
    f.areaCode = q.areaCode;
    f.crimeType = q.crimeType;
    if (!csv.empty())
        std::cout << core::fmt(core::tr("{} tip-offs written to {}."), exportCasesCsv(db, q, csv),
                               csv)
                  << "\n";
    if (!xlsx.empty())
        std::cout << core::fmt(core::tr("{} tip-offs written to {}."),
                               exportXlsx(db, q, computeStats(db, f), xlsx), xlsx)
                  << "\n";
    if (!statsCsv.empty()) {
        exportStatsCsv(computeStats(db, f), statsCsv);
        std::cout << core::fmt(core::tr("Figures written to {}."), statsCsv) << "\n";
    }
    return 0;
}

int runKeys(Context& ctx, std::vector<std::string>& args) {
    const std::string what = takeWord(args, "create");
    const std::string user = takeOption(args, "--user");
    expectNoMore(args);
    if (what != "create")
        throw UsageError("only 'keys create' exists");
    auto db = db::openCache(requireDb(ctx), db::OpenMode::ReadWriteExisting);
    if (user.empty())
        throw UsageError("--user NAME is needed");
    const std::string password =
        readPassword(core::fmt(core::tr("Password for {}: "), user), false);
    // Signing in proves the password is the account's, so the wrap opens with it later.
    const auth::Session session = auth::AccountService(db).login(user, password);
    auth::require(session, auth::Permission::RevealReporter);
    const auto keyId = createCentreKeys(db, ctx.osUser, {{session.username, password}});
    std::cout << core::fmt(core::tr("Centre key {} created; {} holds a copy."), keyId,
                           session.username)
              << "\n";
    return 0;
}

// A key holder wraps the centre key for another person allowed to reveal (after a password reset
// removed their copy, or for a new case officer). Both sign in: the holder's password opens the
// key, the grantee's locks their copy.
int runGrantKey(Context& ctx, std::vector<std::string>& args) {
    const std::string holder = takeOption(args, "--by");
    const std::string grantee = takeWord(args, "USER");
    expectNoMore(args);
    if (holder.empty())
        throw UsageError("--by HOLDER is needed");
    auto db = db::openCache(requireDb(ctx), db::OpenMode::ReadWriteExisting);
    auth::AccountService accounts(db);
    const auto target = accounts.find(grantee);
    if (!target)
        throw core::ValidationError(
            "USER", core::fmt(core::tr("there is no account named \"{}\""), grantee));
    if (!auth::roleHas(target->role, auth::Permission::RevealReporter))
        throw core::ValidationError(
            "USER", core::fmt(core::tr("{} may not reveal reporter identities (role {}), so "
                                       "cannot hold the centre key"),
                              target->username, auth::roleLabel(target->role)));
    const std::string holderPassword =
        readPassword(core::fmt(core::tr("Password for {}: "), holder), false);
    const auth::Session by = accounts.login(holder, holderPassword);
    auth::require(by, auth::Permission::RevealReporter);
    const std::string granteePassword = readSecondPassword(
        "C175_GRANTEE_PASSWORD", core::fmt(core::tr("{}, type your own password: "), grantee));
    // Signing in proves the password is the grantee's, so their copy opens with it later.
    const auth::Session to = accounts.login(grantee, granteePassword);
    grantCentreKey(db, by.actor(), {by.username, holderPassword}, {to.username, granteePassword});
    std::cout << core::fmt(core::tr("{} now holds a copy of the centre key, granted by {}."),
                           to.username, by.username)
              << "\n";
    return 0;
}

} // namespace
// cmd_tipoff_report.cpp
int runTipoffReport(Context& ctx, std::vector<std::string>& args);
namespace {

int runTipoff(Context& ctx) {
    auto args = ctx.args;
    const std::string sub = takeWord(args, "a sub-command");
    if (sub == "add")
        return runAdd(ctx, args);
    if (sub == "search")
        return runSearch(ctx, args);
    if (sub == "stats")
        return runStats(ctx, args);
    if (sub == "report")
        return runTipoffReport(ctx, args);
    if (sub == "show")
        return runShow(ctx, args);
    if (sub == "transition")
        return runTransition(ctx, args);
    if (sub == "reveal")
        return runReveal(ctx, args);
    if (sub == "related")
        return runRelated(ctx, args, false);
    if (sub == "groups")
        return runRelated(ctx, args, true);
    if (sub == "export")
        return runExport(ctx, args);
    if (sub == "keys")
        return runKeys(ctx, args);
    if (sub == "grant-key")
        return runGrantKey(ctx, args);
    throw UsageError("no sub-command \"" + sub + "\"");
}

const bool registered = registerCommand(
    {"tipoff", kUsage, "tip-off cases: intake, search, figures, workflow, reveal", runTipoff});

} // namespace
} // namespace c175::cli
