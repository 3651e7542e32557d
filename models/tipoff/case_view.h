// One tip-off as the case view shows it: its fields, history (with the histories of cases merged
// into it), evidence and notices. Never the reporter's identity: see reveal.h.
#pragma once
#include "tipoff/notices.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace c175::db {
class Database;
}

namespace c175::tipoff {

struct HistoryEntry {
    std::string caseCode; // the case the entry belongs to (differs for merged-in cases)
    std::string at, actor, fromStatus, toStatus, note;
};

struct EvidenceItem {
    std::string sha256, mediaType, fileName, description;
    std::int64_t sizeBytes = 0;
};

struct CaseDetail {
    std::string id, code, crimeType, subtype, description, address, channel, status, outcome;
    std::string provinceCode, communeCode, occurredAt, discoveredAt, receivedAt, dueAt;
    std::string concludedAt, closedAt, assignee, noticeChannel;
    std::optional<double> lat, lon;
    std::vector<std::string> behaviours;
    std::int64_t peopleInvolved = 0, objectsInvolved = 0;
    bool anonymous = true;
    bool identitySealed = false; // a sealed identity exists (it can be revealed)
    bool shareWithAgencies = false;
    std::optional<int> satisfaction;
    std::string mergedIntoCode;
    std::vector<std::string> mergedFromCodes;
    std::vector<HistoryEntry> history; // oldest first
    std::vector<EvidenceItem> evidence;
    std::vector<Notice> notices;
};

// By id or by case code; nullopt when there is no such case.
std::optional<CaseDetail> loadCase(db::Database& db, const std::string& idOrCode);

} // namespace c175::tipoff
