// The append-only, hash-chained audit log (tables audit_log and audit_head) and its verification.
#pragma once
#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace c175::db {
class Database;
}

namespace c175::audit {

struct Entry {
    std::int64_t seq = 0;
    std::string at, actor, action, entity, entityId, detail, prevHash, hash;
};

class AuditLog {
public:
    // `clock` {} = the system clock (entries are stamped with it).
    explicit AuditLog(db::Database& db,
                      std::function<std::chrono::system_clock::time_point()> clock = {});

    // Appends one entry and moves audit_head to it. Joins the caller's transaction when there is
    // one (so the change and its audit entry commit together), else runs in its own.
    // hash = hex SHA-256 over a length-prefixed encoding of
    // (seq, at, actor, action, entity, entity_id, detail, prev_hash). Returns the new seq.
    std::int64_t append(const std::string& actor, const std::string& action,
                        const std::string& entity = "", const std::string& entityId = "",
                        const std::string& detail = "");

    struct VerifyResult {
        bool ok = true;
        std::int64_t entries = 0;     // entries read
        std::int64_t firstBadSeq = 0; // 0 when ok
        std::string problem;          // translated sentence; empty when ok
    };
    // Detects a changed entry, a removed entry (a gap, or the tail cut off against audit_head)
    // and reordered entries.
    VerifyResult verify();

    // Newest first: at most `limit` entries with seq < beforeSeq (0 = from the newest).
    std::vector<Entry> recent(std::int64_t limit, std::int64_t beforeSeq = 0);
    std::int64_t count();

    // The hash an entry should carry (exposed for tests and the hub).
    static std::string computeHash(const Entry& entry);
    static const std::string& genesisHash(); // 64 '0'

private:
    db::Database& m_db;
    std::function<std::chrono::system_clock::time_point()> m_clock;
};

} // namespace c175::audit
