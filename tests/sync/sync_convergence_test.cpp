// Randomized convergence: three clients edit the same rows offline (same-field conflicts
// included) under random partitions; once all synced and every conflict is decided, every
// replica equals the hub, and no accepted edit was lost: each field's history at the hub, in
// revision order, has every edit overwrite exactly the value its author saw, unless a person
// decided a conflict; every edit the hub did not accept became a conflict a person decided.
// The seed is printed on failure; C175_SYNC_SEED replays one.
#include "changes/change_capture.h"
#include "core/ids.h"
#include "sync_helpers.h"

#include <algorithm>
#include <map>
#include <random>
#include <set>

using namespace c175;

namespace {

const char* kFields[] = {"subtype", "address", "assignee"};

// One operation a client queued for the tracked fields: an edit (with the value its author saw
// before editing) or the op a decision folded the row's pending edits into.
struct TrackedOp {
    int client = 0;
    std::string row;
    std::map<std::string, std::string> fields; // tracked field -> value written
    std::string prev;                          // edits: the value seen before (one field)
    bool decision = false;
};

// The tracked fields an outbox op writes (string values), from its payload.
std::map<std::string, std::string> trackedFields(const std::string& payload) {
    std::map<std::string, std::string> out;
    const auto json = sync::parseJson(payload);
    for (const char* f : kFields)
        if (const auto* v = json.find(f))
            out[f] = v->isString() ? v->asString() : sync::toJson(*v);
    return out;
}

unsigned chosenSeed() {
    if (const char* env = std::getenv("C175_SYNC_SEED"))
        return static_cast<unsigned>(std::strtoul(env, nullptr, 10));
    return static_cast<unsigned>(std::random_device{}());
}

} // namespace

TEST_CASE("randomized convergence of three clients under partitions and conflicts") {
    const unsigned seed = chosenSeed();
    INFO("C175_SYNC_SEED=" << seed);
    std::mt19937 rng(seed);
    auto chance = [&](double p) { return std::uniform_real_distribution<double>(0, 1)(rng) < p; };
    auto pick = [&](size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(rng); };

    test::TempDir dir;
    const auto hubPath = dir.file("hub.db");
    test::seedSmallHub(hubPath);
    test::HubProcess hub(hubPath);
    hub.start();

    constexpr int kClients = 3;
    std::vector<std::unique_ptr<test::SyncClient>> clients;
    for (int i = 0; i < kClients; ++i) {
        clients.push_back(std::make_unique<test::SyncClient>(dir.file("c" + std::to_string(i))));
        clients.back()->syncOnce(hub.url());
    }
    std::vector<std::string> rows;
    {
        db::Statement q(clients[0]->db, "SELECT id FROM tipoffs ORDER BY id LIMIT 6");
        while (q.step())
            rows.push_back(q.getText(0));
    }
    REQUIRE(rows.size() == 6);
    std::map<std::pair<std::string, std::string>, std::string> original;
    for (const auto& id : rows)
        for (const char* f : kFields)
            original[{id, f}] = clients[0]
                                    ->db
                                    .scalarText(std::string("SELECT coalesce(") + f +
                                                ", '') FROM tipoffs WHERE id = '" + id + "'")
                                    .value();

    // Every value anyone wrote (edits and decisions), per row and field.
    std::map<std::pair<std::string, std::string>, std::set<std::string>> written;
    std::vector<std::string> created; // new rows, each made on one client
    int edits = 0, decided = 0;
    std::map<std::string, TrackedOp> ops;          // by op_id
    std::map<std::string, std::string> foldedInto; // op_id -> the decision op that carries it

    auto edit = [&](int c, int round) {
        auto& db = clients[static_cast<size_t>(c)]->db;
        const std::string& id = rows[pick(rows.size())];
        const std::string field = kFields[pick(3)];
        const std::string value =
            "c" + std::to_string(c) + "r" + std::to_string(round) + "e" + std::to_string(edits++);
        db::Transaction tx(db);
        TrackedOp op{c, id, {{field, value}}, "", false};
        op.prev =
            db.scalarText("SELECT coalesce(" + field + ", '') FROM tipoffs WHERE id = '" + id + "'")
                .value();
        db::Statement u(db, "UPDATE tipoffs SET " + field + " = ? WHERE id = ?");
        u.bindAll(value, id);
        u.run();
        const std::string opId = changes::recordUpsert(
            db, "tipoffs", id, "{\"" + field + "\":\"" + value + "\"}", "admin");
        tx.commit();
        written[{id, field}].insert(value);
        ops[opId] = std::move(op);
    };
    auto create = [&](int c) {
        auto& db = clients[static_cast<size_t>(c)]->db;
        const std::string id = core::newUuidV7();
        const std::string code =
            "TG-2099-" + std::to_string(100000 + created.size()) + std::to_string(c);
        db::Transaction tx(db);
        db::Statement ins(db, "INSERT INTO tipoffs(id, code, crime_type, description, "
                              "received_at, channel) VALUES (?, ?, 'other', 'Tin báo thử', "
                              "'2026-12-01T08:00:00Z', 'web')");
        ins.bindAll(id, code);
        ins.run();
        changes::recordUpsert(db, "tipoffs", id,
                              "{\"code\":\"" + code +
                                  "\",\"crime_type\":\"other\",\"description\":\"Tin báo "
                                  "thử\",\"received_at\":\"2026-12-01T08:00:00Z\",\"channel\":"
                                  "\"web\"}",
                              "admin");
        tx.commit();
        created.push_back(id);
    };
    auto decideAll = [&](int c) {
        auto& db = clients[static_cast<size_t>(c)]->db;
        auto rowOps = [&](const std::string& row) {
            std::map<std::string, std::string> out; // op_id -> payload
            db::Statement q(db, "SELECT op_id, payload FROM sync_outbox WHERE entity = 'tipoffs' "
                                "AND row_id = ?");
            q.bind(1, row);
            while (q.step())
                out[q.getText(0)] = q.getText(1);
            return out;
        };
        for (const auto& conflict : sync::listConflicts(db)) {
            const auto before = rowOps(conflict.rowId);
            const int choice = static_cast<int>(pick(3));
            std::string value;
            if (choice == 0) {
                sync::resolveConflict(db, conflict.id, sync::Decision::Mine, "", "admin");
                value = conflict.mine;
            } else if (choice == 1) {
                sync::resolveConflict(db, conflict.id, sync::Decision::Theirs, "", "admin");
                value = conflict.theirs;
            } else {
                value = "\"decided" + std::to_string(decided) + "\"";
                sync::resolveConflict(db, conflict.id, sync::Decision::Edited, value, "admin");
            }
            ++decided;
            // The op the decision folded the row's pending edits into goes up as a decision.
            const auto after = rowOps(conflict.rowId);
            for (const auto& [opId, payload] : after)
                if (!before.count(opId))
                    ops[opId] = TrackedOp{c, conflict.rowId, trackedFields(payload), "", true};
            for (const auto& [opId, payload] : before)
                if (!after.count(opId) && !after.empty())
                    foldedInto[opId] = after.rbegin()->first;
            // The decided value, as text (JSON string without quotes).
            const auto parsed = sync::parseJson(value);
            written[{conflict.rowId, conflict.field}].insert(
                parsed.isString() ? parsed.asString() : sync::toJson(parsed));
        }
    };

    // Random offline edits; a random partition decides who reaches the hub each round.
    for (int round = 0; round < 14; ++round) {
        for (int c = 0; c < kClients; ++c) {
            const int n = static_cast<int>(pick(4));
            for (int k = 0; k < n; ++k)
                edit(c, round);
            if (chance(0.15))
                create(c);
            if (chance(0.3))
                decideAll(c);
        }
        for (int c = 0; c < kClients; ++c)
            if (chance(0.5))
                clients[static_cast<size_t>(c)]->syncOnce(hub.url());
    }

    // The partition heals: everyone syncs and people decide every conflict, until quiet.
    bool quiet = false;
    for (int pass = 0; pass < 12 && !quiet; ++pass) {
        quiet = true;
        for (int c = 0; c < kClients; ++c) {
            auto& client = *clients[static_cast<size_t>(c)];
            decideAll(c);
            const auto stats = client.syncOnce(hub.url());
            if (stats.pushed > 0 || stats.conflicts > 0 || sync::openConflictCount(client.db) > 0)
                quiet = false;
        }
    }
    for (auto& client : clients) // one more round: everyone sees the last pushes
        client->syncOnce(hub.url());
    REQUIRE(quiet);

    auto hubDb = db::openCache(hubPath);
    for (int c = 0; c < kClients; ++c) {
        INFO("client " << c);
        auto& db = clients[static_cast<size_t>(c)]->db;
        CHECK(changes::pendingCount(db) == 0);
        CHECK(sync::openConflictCount(db) == 0);
        CHECK(db.scalarInt("SELECT count(*) FROM sync_rejected") == 0);
        test::requireSameRows(hubDb, db);
    }
    for (const auto& id : created)
        CHECK(hubDb.scalarInt("SELECT count(*) FROM tipoffs WHERE id = '" + id + "'") == 1);
    // No accepted edit was lost. The hub's answer to every op: accepted ops, in revision
    // order per field, overwrite exactly the value their author saw (decisions excepted).
    std::map<std::pair<std::string, std::string>, std::vector<std::pair<std::int64_t, std::string>>>
        history; // (row, field) -> (rev, op_id)
    int accepted = 0, notAccepted = 0;
    for (const auto& [opId, op] : ops) {
        db::Statement q(hubDb, "SELECT status, rev FROM hub_ops WHERE op_id = ?");
        q.bind(1, opId);
        const bool answered = q.step();
        if (answered && q.getText(0) == "accepted") {
            ++accepted;
            for (const auto& [field, value] : op.fields)
                history[{op.row, field}].emplace_back(q.getInt64(1), opId);
            continue;
        }
        const std::string status = answered ? q.getText(0) : "";
        CHECK(status != "rejected");
        if (op.decision)
            continue; // folded again into a later decision before it went up
        // Not accepted: the edit went up inside a decision's op (the decision folds the row's
        // pending edits), or met a change at the hub and a person decided the conflict.
        ++notAccepted;
        const std::string field = op.fields.begin()->first;
        INFO("edit " << opId << " of " << op.row << "." << field << " on client " << op.client
                     << ", hub status '" << status << "'");
        const bool decidedHere =
            clients[static_cast<size_t>(op.client)]->db.scalarInt(
                "SELECT count(*) FROM sync_conflicts WHERE entity = 'tipoffs' AND row_id = '" +
                op.row + "' AND field = '" + field + "' AND state = 'resolved'") > 0;
        std::string carrier = opId;
        while (foldedInto.count(carrier))
            carrier = foldedInto[carrier];
        if (carrier == opId) {
            CHECK(status == "conflict");
            CHECK(decidedHere);
            continue;
        }
        db::Statement carried(hubDb, "SELECT status FROM hub_ops WHERE op_id = ?");
        carried.bind(1, carrier);
        CHECK((carried.step() && carried.getText(0) == "accepted"));
        const auto& fields = ops.at(carrier).fields;
        const auto it = fields.find(field);
        // Its value went up, or the author's own later edit of the field replaced it first.
        const bool replacedLocally = std::any_of(ops.begin(), ops.end(), [&](const auto& other) {
            return !other.second.decision && other.second.client == op.client &&
                   other.second.row == op.row && other.second.fields.count(field) &&
                   other.first > opId; // op ids (UUIDv7) sort in creation order
        });
        CHECK(((it != fields.end() && it->second == op.fields.begin()->second) || decidedHere ||
               replacedLocally));
    }
    for (const auto& [key, original_value] : original) {
        INFO("tipoff " << key.first << " field " << key.second);
        auto& steps = history[key];
        std::sort(steps.begin(), steps.end());
        std::string value = original_value;
        for (const auto& [rev, opId] : steps) {
            const auto& op = ops.at(opId);
            INFO("op " << opId << " rev " << rev << " client " << op.client);
            if (!op.decision)
                CHECK(op.prev == value); // its author saw what it replaced
            value = op.fields.at(key.second);
        }
        CHECK(hubDb
                  .scalarText("SELECT coalesce(" + key.second + ", '') FROM tipoffs WHERE id = '" +
                              key.first + "'")
                  .value() == value);
    }
    MESSAGE("history: " << accepted << " ops accepted, " << notAccepted
                        << " edits became conflicts people decided");
    for (const auto& [key, original_value] : original) {
        INFO("tipoff " << key.first << " field " << key.second);
        const std::string now = hubDb
                                    .scalarText("SELECT coalesce(" + key.second +
                                                ", '') FROM tipoffs WHERE id = '" + key.first + "'")
                                    .value();
        auto it = written.find(key);
        if (it == written.end())
            CHECK(now == original_value);
        else
            CHECK(it->second.count(now) == 1); // an edit someone made, or a decision
    }
    MESSAGE("convergence: " << edits << " edits, " << created.size() << " new rows, " << decided
                            << " conflicts decided (seed " << seed << ")");
}
