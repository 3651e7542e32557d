#include "hub/hub_simulator.h"

#include "core/ids.h"

#include <chrono>
#include <iostream>
#include <random>

namespace c175::hub {

using sync::JsonValue;

Simulator::Simulator(HubStore& store, int periodMs, std::uint64_t seed)
    : m_store(store), m_periodMs(periodMs), m_seed(seed) {}

Simulator::~Simulator() {
    stop();
}

void Simulator::start() {
    m_thread = std::thread([this] { run(); });
}

void Simulator::stop() {
    m_stop = true;
    if (m_thread.joinable())
        m_thread.join();
}

void Simulator::run() {
    std::mt19937_64 rng(m_seed);
    struct Camera {
        std::string id, siteType;
    };
    std::vector<Camera> cameras;
    std::vector<std::string> kiosks;
    m_store.withDb([&](db::Database& db) {
        db::Statement c(db, "SELECT id, site_type FROM cameras WHERE deleted = 0 LIMIT 500");
        while (c.step())
            cameras.push_back({c.getText(0), c.getText(1)});
        db::Statement k(db, "SELECT id FROM kiosks WHERE deleted = 0 LIMIT 500");
        while (k.step())
            kiosks.push_back(k.getText(0));
    });
    if (cameras.empty() && kiosks.empty()) {
        std::cerr << "c175-hub: --simulate needs cameras or kiosks; seed the hub first.\n";
        return;
    }
    static const char* kinds[] = {"restricted_zone", "intrusion", "abnormal_behaviour",
                                  "crowd_overload", "vehicle_violation"};
    static const char* plates[] = {"29A-123.45", "51F-678.90", "30E-246.80", "43A-135.79"};
    std::uniform_real_distribution<double> unit(0, 1);
    while (!m_stop) {
        const int pause = static_cast<int>(m_periodMs * (0.5 + unit(rng)));
        for (int slept = 0; slept < pause && !m_stop; slept += 50)
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        if (m_stop)
            break;
        try {
            const double roll = unit(rng);
            const std::string now = core::nowUtc();
            if (!cameras.empty() && roll < 0.45) {
                const auto& cam = cameras[rng() % cameras.size()];
                // Industrial sites see intrusions, tourist sites crowds, stations vehicles.
                std::string kind = cam.siteType == "tourist"      ? "crowd_overload"
                                   : cam.siteType == "industrial" ? "intrusion"
                                                                  : "vehicle_violation";
                if (unit(rng) < 0.35)
                    kind = kinds[rng() % 5];
                std::vector<std::pair<std::string, JsonValue>> f = {
                    {"camera_id", cam.id},
                    {"at", now},
                    {"kind", kind},
                    {"severity", static_cast<std::int64_t>(1 + rng() % 3)},
                    {"confidence", 0.55 + 0.44 * unit(rng)},
                    {"triage", "new"}};
                if (kind == "vehicle_violation")
                    f.emplace_back("plate", plates[rng() % 4]);
                if (kind == "crowd_overload")
                    f.emplace_back("people", static_cast<std::int64_t>(300 + rng() % 2000));
                m_store.hubUpsert("camera_alerts", core::newUuidV7(), f, "simulator");
            } else if (!cameras.empty() && roll < 0.6) {
                const auto& cam = cameras[rng() % cameras.size()];
                const std::string hour = now.substr(0, 13) + ":00:00Z";
                std::string id;
                std::int64_t entries = 0, exits = 0;
                m_store.withDb([&](db::Database& db) {
                    db::Statement q(db, "SELECT id, entries, exits FROM gate_counts WHERE "
                                        "camera_id = ? AND hour = ?");
                    q.bindAll(cam.id, hour);
                    if (q.step()) {
                        id = q.getText(0);
                        entries = q.getInt64(1);
                        exits = q.getInt64(2);
                    }
                });
                if (id.empty())
                    id = core::newUuidV7();
                entries += static_cast<std::int64_t>(rng() % 60);
                exits += static_cast<std::int64_t>(rng() % 50);
                m_store.hubUpsert(
                    "gate_counts", id,
                    {{"camera_id", cam.id}, {"hour", hour}, {"entries", entries}, {"exits", exits}},
                    "simulator");
            } else if (!kiosks.empty()) {
                const auto& kiosk = kiosks[rng() % kiosks.size()];
                m_store.hubUpsert("kiosk_heartbeats", core::newUuidV7(),
                                  {{"kiosk_id", kiosk},
                                   {"at", now},
                                   {"cpu_pct", 5 + 80 * unit(rng)},
                                   {"disk_free_pct", 20 + 70 * unit(rng)},
                                   {"paper_pct", 100 * unit(rng)},
                                   {"network_ok", static_cast<std::int64_t>(unit(rng) < 0.97)}},
                                  "simulator");
                m_store.hubUpsert("kiosks", kiosk, {{"last_heartbeat_at", now}}, "simulator");
            }
            ++m_written;
        } catch (const std::exception& e) {
            std::cerr << "c175-hub: simulator: " << e.what() << '\n';
        }
    }
}

} // namespace c175::hub
