// Randomized convergence: three clients edit the same rows offline (same-field conflicts
// included) under random partitions; once all synced and every conflict is decided, every
// replica equals the hub. The seed is printed on failure; C175_SYNC_SEED replays one.
#include "changes/change_capture.h"
#include "core/ids.h"
#include "sync_helpers.h"

#include <map>
#include <random>
#include <set>

using namespace c175;

namespace {

const char* kFields[] = {"subtype", "address", "assignee"};

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

    auto edit = [&](int c, int round) {
        auto& db = clients[static_cast<size_t>(c)]->db;
        const std::string& id = rows[pick(rows.size())];
        const std::string field = kFields[pick(3)];
        const std::string value =
            "c" + std::to_string(c) + "r" + std::to_string(round) + "e" + std::to_string(edits++);
        db::Transaction tx(db);
        db::Statement u(db, "UPDATE tipoffs SET " + field + " = ? WHERE id = ?");
        u.bindAll(value, id);
        u.run();
        changes::recordUpsert(db, "tipoffs", id, "{\"" + field + "\":\"" + value + "\"}", "admin");
        tx.commit();
        written[{id, field}].insert(value);
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
        for (const auto& conflict : sync::listConflicts(db)) {
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
