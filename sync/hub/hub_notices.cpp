#include "hub/hub_notices.h"

#include "core/i18n.h"
#include "core/ids.h"
#include "db/database.h"
#include "protocol/json_text.h"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <stdexcept>
#include <vector>

namespace c175::hub {
namespace {

struct Queued {
    std::string id, channel, message, caseCode, sealedHex, followupHash;
};

} // namespace

NoticeDispatcher::NoticeDispatcher(HubStore& store, std::string spoolDir, int periodMs)
    : m_store(store), m_spoolDir(std::move(spoolDir)), m_periodMs(periodMs) {}

NoticeDispatcher::~NoticeDispatcher() {
    stop();
}

void NoticeDispatcher::start() {
    std::filesystem::create_directories(m_spoolDir);
    m_stop = false;
    m_thread = std::thread([this] { run(); });
}

void NoticeDispatcher::stop() {
    m_stop = true;
    if (m_thread.joinable())
        m_thread.join();
}

int NoticeDispatcher::dispatchOnce() {
    const auto queued = m_store.withDb([](db::Database& db) {
        std::vector<Queued> out;
        db::Statement q(db, "SELECT n.id, n.channel, n.message, t.code, "
                            "coalesce(hex(t.reporter_sealed), ''), coalesce(t.followup_code, '') "
                            "FROM tipoff_notices n JOIN tipoffs t ON t.id = n.tipoff_id "
                            "WHERE n.state = 'queued' AND n.deleted = 0 "
                            "ORDER BY n.queued_at, n.id LIMIT 500");
        while (q.step())
            out.push_back({q.getText(0), q.getText(1), q.getText(2), q.getText(3), q.getText(4),
                           q.getText(5)});
        return out;
    });
    if (queued.empty())
        return 0;
    // Every line of the pass first (one write and flush per channel), then the states.
    std::map<std::string, std::string> lines; // channel -> JSON lines
    for (const auto& n : queued) {
        std::string& out = lines[n.channel];
        out += "{\"notice_id\":";
        sync::writeJsonString(out, n.id);
        out += ",\"case_code\":";
        sync::writeJsonString(out, n.caseCode);
        out += ",\"message\":";
        sync::writeJsonString(out, n.message);
        if (n.channel == "followup") {
            out += ",\"followup_code_sha256\":";
            sync::writeJsonString(out, n.followupHash);
        } else {
            out += ",\"recipient_sealed_hex\":";
            sync::writeJsonString(out, n.sealedHex);
        }
        out += "}\n";
    }
    for (const auto& [channel, text] : lines) {
        const auto path = std::filesystem::path(m_spoolDir) / (channel + ".jsonl");
        std::ofstream spool(path, std::ios::app | std::ios::binary);
        spool << text;
        spool.flush();
        if (!spool)
            throw std::runtime_error(
                core::fmt(core::tr("The notice spool {} cannot be written."), path.string()));
    }
    const std::string now = core::nowUtc();
    for (const auto& n : queued)
        m_store.hubUpsert(
            "tipoff_notices", n.id,
            {{"state", sync::JsonValue(std::string("sent"))}, {"sent_at", sync::JsonValue(now)}},
            "hub:notices");
    return static_cast<int>(queued.size());
}

void NoticeDispatcher::run() {
    bool reported = false; // one log line per failure streak, not one a second
    while (!m_stop) {
        try {
            dispatchOnce();
            reported = false;
        } catch (const std::exception& e) {
            if (!reported)
                std::cerr << "c175-hub: notices: " << e.what() << std::endl;
            reported = true;
        }
        for (int slept = 0; slept < m_periodMs && !m_stop; slept += 50)
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
}

} // namespace c175::hub
