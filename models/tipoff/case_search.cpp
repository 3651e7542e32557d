#include "tipoff/case_search.h"

#include "core/ids.h"
#include "core/text_fold.h"
#include "db/database.h"

namespace c175::tipoff {
namespace {

const char* sortColumn(SortKey k) {
    switch (k) {
    case SortKey::DueAt:
        return "t.due_at";
    case SortKey::Code:
        return "t.code";
    case SortKey::Status:
        return "t.status";
    case SortKey::CrimeType:
        return "t.crime_type";
    case SortKey::ReceivedAt:
        break;
    }
    return "t.received_at";
}

struct Built {
    std::string from, where;
    std::vector<std::string> params;
    bool fullText = false;
};

std::string orderBy(const CaseQuery& q, const Built& b) {
    const char* dir = q.descending ? " DESC" : " ASC";
    // With text, receipt order is the FTS rowid order (see migration 0004): FTS5 then yields
    // matches already sorted and the query stops after one page.
    if (b.fullText && q.sort == SortKey::ReceivedAt)
        return std::string("f.rowid") + dir;
    return std::string(sortColumn(q.sort)) + dir + ", t.id" + dir;
}

Built build(const CaseQuery& q) {
    Built b;
    b.from = "tipoffs t";
    b.where = "t.deleted = 0";
    const std::string fts = ftsExpression(q.text);
    if (!q.text.empty() && fts.empty()) {
        // Text without a single word (only punctuation) matches nothing rather than everything.
        b.where += " AND 0";
    } else if (!fts.empty()) {
        // CROSS JOIN fixes the loop order: the full-text match drives, never a scan of tipoffs
        // that runs the match once per row (seconds at 100,000 tips).
        b.from = "tipoff_fts f CROSS JOIN tipoff_search_keys k ON k.k = f.rowid "
                 "CROSS JOIN tipoffs t ON t.id = k.tipoff_id";
        b.where += " AND tipoff_fts MATCH ?";
        b.params.push_back(fts);
        b.fullText = true;
    }
    auto add = [&](const std::string& clause, const std::string& value) {
        b.where += " AND " + clause;
        b.params.push_back(value);
    };
    if (q.crimeType)
        add("t.crime_type = ?", std::string(crimeTypeName(*q.crimeType)));
    if (q.status)
        add("t.status = ?", std::string(statusName(*q.status)));
    if (!q.assignee.empty())
        add("t.assignee = ?", q.assignee);
    if (!q.areaCode.empty()) {
        b.where += " AND (t.province_code = ? OR t.commune_code = ?)";
        b.params.push_back(q.areaCode);
        b.params.push_back(q.areaCode);
    }
    if (!q.receivedFrom.empty())
        add("t.received_at >= ?", q.receivedFrom);
    if (!q.receivedTo.empty())
        add("t.received_at < ?", q.receivedTo);
    if (q.overdueOnly)
        add(overdueSql("t."), q.nowUtc.empty() ? core::nowUtc() : q.nowUtc);
    return b;
}

} // namespace

std::string ftsExpression(const std::string& text) {
    const std::string folded = core::foldForSearch(text);
    std::vector<std::string> words;
    std::string word;
    for (char c : folded) {
        const auto u = static_cast<unsigned char>(c);
        // Letters and digits (and any non-ASCII byte left after folding) make words.
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || u >= 0x80) {
            word += c;
        } else if (!word.empty()) {
            words.push_back(word);
            word.clear();
        }
    }
    if (!word.empty())
        words.push_back(word);
    // Whole words, except the last one, which may still be being typed: a prefix. (Every word a
    // prefix would make "cong an" expand "an" to every word starting with it.)
    std::string out;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (i)
            out += ' ';
        out += '"' + words[i] + '"';
        if (i + 1 == words.size())
            out += '*';
    }
    return out;
}

std::vector<CaseSummary> searchCases(db::Database& db, const CaseQuery& query) {
    const Built b = build(query);
    const std::string now = query.nowUtc.empty() ? core::nowUtc() : query.nowUtc;
    std::string sql =
        "SELECT t.id, t.code, t.crime_type, t.subtype, t.status, coalesce(t.outcome, ''), "
        "coalesce(t.assignee, ''), t.received_at, coalesce(t.due_at, ''), t.address, "
        "coalesce(t.province_code, ''), coalesce(t.commune_code, ''), t.channel, "
        "substr(t.description, 1, 120), t.anonymous, " +
        overdueSql("t.") + " FROM " + b.from + " WHERE " + b.where + " ORDER BY " +
        orderBy(query, b) + " LIMIT ? OFFSET ?";
    db::Statement s(db, sql);
    int i = 0;
    s.bind(++i, now);
    for (const auto& p : b.params)
        s.bind(++i, p);
    s.bind(++i, query.limit);
    s.bind(++i, query.offset);
    std::vector<CaseSummary> out;
    while (s.step()) {
        CaseSummary c;
        c.id = s.getText(0);
        c.code = s.getText(1);
        c.crimeType = s.getText(2);
        c.subtype = s.getText(3);
        c.status = s.getText(4);
        c.outcome = s.getText(5);
        c.assignee = s.getText(6);
        c.receivedAt = s.getText(7);
        c.dueAt = s.getText(8);
        c.address = s.getText(9);
        c.provinceCode = s.getText(10);
        c.communeCode = s.getText(11);
        c.channel = s.getText(12);
        c.descriptionStart = s.getText(13);
        c.anonymous = s.getInt(14) != 0;
        c.overdue = s.getInt(15) != 0;
        out.push_back(std::move(c));
    }
    return out;
}

std::int64_t countCases(db::Database& db, const CaseQuery& query, std::int64_t cap) {
    Built b = build(query);
    // Text alone: count in the full-text index, without visiting the rows (tombstones are not
    // in it, see migration 0004).
    if (b.fullText && b.params.size() == 1) {
        b.from = "tipoff_fts";
        b.where = "tipoff_fts MATCH ?";
    }
    const std::string inner = "SELECT 1 FROM " + b.from + " WHERE " + b.where;
    db::Statement s(db, cap > 0 ? "SELECT count(*) FROM (" + inner + " LIMIT ?)"
                                : "SELECT count(*) FROM (" + inner + ")");
    int i = 0;
    for (const auto& p : b.params)
        s.bind(++i, p);
    if (cap > 0)
        s.bind(++i, cap);
    s.step();
    return s.getInt64(0);
}

} // namespace c175::tipoff
