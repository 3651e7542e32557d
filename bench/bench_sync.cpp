// Sync figures against a real c175-hub child process on 127.0.0.1 (issue 3, point 9): initial pull
// of 1,000,000 rows, wire bytes per row, 1,000 incremental changes, push rate, event to cache.
// Usage: bench_sync [ROWS]   (default 1000000; the hub store is filled with direct inserts).
#include "changes/change_capture.h"
#include "core/ids.h"
#include "core/progress.h"
#include "db/database.h"
#include "db/migrations.h"
#include "engine/sync_engine.h"
#include "hub_fixture.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace c175;
using Clock = std::chrono::steady_clock;

namespace {

const char* kPassword = "Bench@175-admin";

double msSince(Clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

// Cameras, kiosks, camera alerts and kiosk heartbeats: `rows` synced rows in all.
void fillHub(const std::string& path, std::int64_t rows) {
    auto db = db::openCache(path);
    db::Transaction tx(db);
    const std::int64_t cameras = 500, kiosks = 500;
    const std::int64_t rest = std::max<std::int64_t>(rows - cameras - kiosks, 0);
    const std::int64_t alerts = rest * 6 / 10, beats = rest - alerts;
    auto run = [&](const std::string& sql, std::int64_t n) {
        db::Statement q(db, sql);
        q.bind(1, n);
        q.run();
    };
    const std::string ids = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                            "WHERE i < ?) ";
    run(ids + "INSERT INTO cameras(id, code, name, site_type, site_name, province_code, lat, lon, "
              "status) SELECT printf('0190c175-0000-7000-8000-%012d', i), printf('CAM-79-%04d', "
              "i), printf('Camera %d', i), 'tourist', 'Bến Thành', '79', 10.77 + i / 1e4, 106.69 "
              "+ i / 1e4, 'online' FROM n",
        cameras);
    run(ids + "INSERT INTO kiosks(id, code, name, province_code, lat, lon, installed_on, status) "
              "SELECT printf('0190c175-0001-7000-8000-%012d', i), printf('KIOSK-01-%04d', i), "
              "printf('Ki-ốt %d', i), '01', 21.02 + i / 1e4, 105.85, '2025-01-01', 'online' FROM n",
        kiosks);
    run(ids + "INSERT INTO camera_alerts(id, camera_id, at, kind, severity, confidence, plate, "
              "people, note) SELECT printf('0190c175-0002-7000-8000-%012d', i), "
              "printf('0190c175-0000-7000-8000-%012d', 1 + i % 500), "
              "strftime('%Y-%m-%dT%H:%M:%SZ', 1764720000 + i * 7, 'unixepoch'), CASE i % 5 WHEN 0 "
              "THEN 'restricted_zone' WHEN 1 THEN 'intrusion' WHEN 2 THEN 'abnormal_behaviour' "
              "WHEN 3 THEN 'crowd_overload' ELSE 'vehicle_violation' END, 1 + i % 3, "
              "0.5 + (i % 50) / 100.0, CASE WHEN i % 5 = 4 THEN printf('51F-%03d.%02d', i % 1000, "
              "i % 100) END, CASE WHEN i % 5 = 3 THEN 100 + i % 400 END, '' FROM n",
        alerts);
    run(ids + "INSERT INTO kiosk_heartbeats(id, kiosk_id, at, cpu_pct, disk_free_pct, paper_pct, "
              "network_ok) SELECT printf('0190c175-0003-7000-8000-%012d', i), "
              "printf('0190c175-0001-7000-8000-%012d', 1 + i % 500), "
              "strftime('%Y-%m-%dT%H:%M:%SZ', 1764720000 + i * 11, 'unixepoch'), (i % 97) * 1.0, "
              "40.5 + i % 50, 100 - i % 100, 1 FROM n",
        beats);
    tx.commit();
    db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
}

std::int64_t tableRows(db::Database& db) {
    return db.scalarInt("SELECT (SELECT count(*) FROM cameras) + (SELECT count(*) FROM kiosks) + "
                        "(SELECT count(*) FROM camera_alerts) + (SELECT count(*) FROM "
                        "kiosk_heartbeats)");
}

// CPU seconds (user + system) of this process and of the hub: the machine may be shared, so the
// CPU each side spent tells what the wall clock alone cannot.
double selfCpu() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

double processCpu(pid_t pid) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::istringstream rest(text.substr(text.rfind(')') + 2));
    std::string field;
    double ticks = 0;
    for (int i = 3; i <= 15 && rest >> field; ++i)
        if (i == 14 || i == 15)
            ticks += std::stod(field);
    return ticks / static_cast<double>(sysconf(_SC_CLK_TCK));
}

double percentile(std::vector<double> v, double p) {
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    const auto i = static_cast<size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
    return v[std::min(i, v.size() - 1)];
}

// Edits `n` camera alerts locally (one transaction), as the console's models do.
void editAlerts(db::Database& db, int n, int round) {
    db::Transaction tx(db);
    db::Statement pick(db, "SELECT id FROM camera_alerts ORDER BY id LIMIT ? OFFSET ?");
    pick.bindAll(n, round * n);
    std::vector<std::string> ids;
    while (pick.step())
        ids.push_back(pick.getText(0));
    db::Statement upd(db, "UPDATE camera_alerts SET note = ? WHERE id = ?");
    for (const auto& id : ids) {
        const std::string note = "kiểm tra " + std::to_string(round);
        upd.bindAll(note, id);
        upd.run();
        changes::recordUpsert(db, "camera_alerts", id, "{\"note\":\"" + note + "\"}", "os:bench");
    }
    tx.commit();
}

} // namespace

int main(int argc, char** argv) {
    const std::int64_t rows = argc > 1 ? std::atoll(argv[1]) : 1000000;
    char tmpl[] = "/tmp/c175-bench-sync-XXXXXX";
    const std::filesystem::path dir = mkdtemp(tmpl);
    const std::string hubPath = (dir / "hub.c175").string();
    const std::string clientPath = (dir / "client.c175").string();
    fillHub(hubPath, rows);
    if (test::runHubCommand({"--db", hubPath, "user", "add", "bench", "--role", "admin"},
                            kPassword) != 0) {
        std::fprintf(stderr, "c175-hub user add failed\n");
        return 1;
    }
    {
        test::HubProcess hub(hubPath);
        hub.start();
        core::NoProgress none;
        auto db = db::openCache(clientPath);

        // Initial pull of everything.
        sync::HubClient client(hub.url());
        client.login("bench", kPassword);
        sync::SyncEngine engine(db, client);
        const double cpu0 = selfCpu(), hubCpu0 = processCpu(hub.pid());
        const auto t0 = Clock::now();
        const auto stats = engine.runOnce(none);
        const double pullS = msSince(t0) / 1000.0;
        const double clientCpu = selfCpu() - cpu0, hubCpu = processCpu(hub.pid()) - hubCpu0;
        const std::int64_t held = tableRows(db);
        std::printf("initial_pull_rows: %lld rows\n", static_cast<long long>(held));
        std::printf("initial_pull_rows_per_s: %.0f rows/s\n",
                    static_cast<double>(stats.pulled) / pullS);
        std::printf("wire_bytes_per_row: %.1f bytes\n",
                    static_cast<double>(stats.wireBytes) /
                        static_cast<double>(std::max<std::int64_t>(stats.pulled, 1)));
        std::printf("initial_pull_s: %.2f s\n", pullS);
        std::printf("initial_pull_client_cpu_s: %.2f s\n", clientCpu);
        std::printf("initial_pull_hub_cpu_s: %.2f s\n", hubCpu);
        std::fflush(stdout);

        // 1,000 local changes: push them and pull the hub's answer (one full sync).
        editAlerts(db, 1000, 1);
        const auto t1 = Clock::now();
        const auto inc = engine.runOnce(none);
        std::printf("incremental_1000_ms: %.0f ms\n", msSince(t1));
        if (inc.accepted != 1000)
            std::fprintf(stderr, "incremental: %lld of 1000 accepted\n",
                         static_cast<long long>(inc.accepted));

        // Push rate: 5,000 changes, push only.
        editAlerts(db, 5000, 2);
        sync::SyncStats pushStats;
        const auto t2 = Clock::now();
        engine.push(none, pushStats);
        std::printf("push_ops_per_s: %.0f ops/s\n",
                    static_cast<double>(pushStats.pushed) / (msSince(t2) / 1000.0));
        std::fflush(stdout);

        // Event to cache: another device pushes a new alert; the console's event long-poll
        // brings it into its cache.
        std::mutex mutex;
        std::map<std::string, Clock::time_point> sent;
        std::vector<double> latencies;
        std::atomic<bool> stop{false};
        std::thread listener([&] {
            auto ldb = db::openCache(clientPath);
            sync::HubClient lclient(hub.url());
            lclient.login("bench", kPassword);
            sync::SyncEngine levents(ldb, lclient);
            levents.pollEvents(0); // takes the current cursor
            while (!stop) {
                levents.pollEvents(2);
                const auto now = Clock::now();
                std::lock_guard lock(mutex);
                for (auto it = sent.begin(); it != sent.end();) {
                    db::Statement q(ldb, "SELECT 1 FROM camera_alerts WHERE id = ?");
                    q.bind(1, it->first);
                    if (q.step()) {
                        latencies.push_back(
                            std::chrono::duration<double, std::milli>(now - it->second).count());
                        it = sent.erase(it);
                    } else {
                        ++it;
                    }
                }
            }
        });
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        sync::HubClient device(hub.url());
        device.login("bench", kPassword);
        const int samples = 60;
        for (int i = 0; i < samples; ++i) {
            const std::string id = core::newUuidV7();
            const std::string body =
                "{\"device\":\"bench\",\"ops\":[{\"op_id\":\"" + core::newUuidV7() +
                "\",\"entity\":\"camera_alerts\",\"row_id\":\"" + id +
                "\",\"kind\":\"upsert\",\"base_rev\":0,\"fields\":{\"camera_id\":\"0190c175-0000-"
                "7000-8000-000000000001\",\"at\":\"2026-12-03T10:00:00Z\",\"kind\":\"intrusion\","
                "\"severity\":3,\"confidence\":0.9}}]}";
            {
                std::lock_guard lock(mutex);
                sent[id] = Clock::now();
            }
            device.push(body);
            std::this_thread::sleep_for(std::chrono::milliseconds(50 + (i * 37) % 100));
        }
        const auto deadline = Clock::now() + std::chrono::seconds(10);
        while (Clock::now() < deadline) {
            {
                std::lock_guard lock(mutex);
                if (sent.empty())
                    break;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        stop = true;
        listener.join();
        if (!sent.empty())
            std::fprintf(stderr, "%zu events never reached the cache\n", sent.size());
        std::printf("event_to_cache_ms_p50: %.1f ms\n", percentile(latencies, 0.5));
        std::printf("event_to_cache_ms_p95: %.1f ms\n", percentile(latencies, 0.95));
    }
    std::filesystem::remove_all(dir);
    return 0;
}
