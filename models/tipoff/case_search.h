// Finding tip-offs: accent-insensitive full text (FTS5 over folded description and address),
// filters and sorting. Results never carry the reporter's identity.
#pragma once
#include "tipoff/tipoff_types.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace c175::db {
class Database;
}

namespace c175::tipoff {

enum class SortKey { ReceivedAt, DueAt, Code, Status, CrimeType };

struct CaseQuery {
    std::string text; // words, all must appear; the last may be a prefix ("dong xu" finds Xuân)
    std::optional<CrimeType> crimeType;
    std::optional<Status> status;
    std::string assignee;     // "" = anyone
    std::string areaCode;     // province or commune code; "" = everywhere
    std::string receivedFrom; // UTC ISO or day, inclusive; "" = no bound
    std::string receivedTo;   // exclusive
    bool overdueOnly = false;
    std::string nowUtc; // for overdue; "" = now
    SortKey sort = SortKey::ReceivedAt;
    bool descending = true;
    int limit = 200;
    int offset = 0;
};

struct CaseSummary {
    std::string id, code, crimeType, subtype, status, outcome, assignee;
    std::string receivedAt, dueAt, address, provinceCode, communeCode, channel;
    std::string descriptionStart; // the first 120 characters
    bool anonymous = true;
    bool overdue = false;
};

// The FTS5 MATCH expression for typed words: folded, each word quoted, the last a prefix.
// Empty when the text has no word.
std::string ftsExpression(const std::string& text);

std::vector<CaseSummary> searchCases(db::Database& db, const CaseQuery& query);
// Matching cases; with cap > 0, counting stops at cap (a list shows "10,000+" rather than
// reading every match of a common word).
std::int64_t countCases(db::Database& db, const CaseQuery& query, std::int64_t cap = 0);

} // namespace c175::tipoff
