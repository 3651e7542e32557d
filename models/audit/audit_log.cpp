// Appending to and verifying the hash-chained audit log.
#include "audit/audit_log.h"

#include "core/i18n.h"
#include "core/ids.h"
#include "db/database.h"

#include <memory>
#include <openssl/evp.h>
#include <optional>
#include <stdexcept>

namespace c175::audit {
namespace {

// Each field as "<byte length>:<bytes>;" so no two different entries encode alike.
void addField(std::string& out, std::string_view field) {
    out += std::to_string(field.size());
    out += ':';
    out += field;
    out += ';';
}

std::string sha256Hex(const std::string& data) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    if (EVP_Digest(data.data(), data.size(), digest, &size, EVP_sha256(), nullptr) != 1)
        throw std::runtime_error(core::tr("SHA-256 failed while writing the audit log."));
    static const char* hex = "0123456789abcdef";
    std::string out;
    out.reserve(2 * size);
    for (unsigned int i = 0; i < size; ++i) {
        out += hex[digest[i] >> 4];
        out += hex[digest[i] & 0xF];
    }
    return out;
}

Entry readEntry(const db::Statement& st) {
    Entry e;
    e.seq = st.getInt64(0);
    e.at = st.getText(1);
    e.actor = st.getText(2);
    e.action = st.getText(3);
    e.entity = st.getText(4);
    e.entityId = st.getText(5);
    e.detail = st.getText(6);
    e.prevHash = st.getText(7);
    e.hash = st.getText(8);
    return e;
}

constexpr const char* kColumns =
    "seq, at, actor, action, entity, entity_id, detail, prev_hash, hash";

} // namespace

AuditLog::AuditLog(db::Database& db, std::function<std::chrono::system_clock::time_point()> clock)
    : m_db(db), m_clock(std::move(clock)) {}

const std::string& AuditLog::genesisHash() {
    static const std::string zeros(64, '0');
    return zeros;
}

std::string AuditLog::computeHash(const Entry& e) {
    std::string data = "c175-audit-v1;";
    addField(data, std::to_string(e.seq));
    addField(data, e.at);
    addField(data, e.actor);
    addField(data, e.action);
    addField(data, e.entity);
    addField(data, e.entityId);
    addField(data, e.detail);
    addField(data, e.prevHash);
    return sha256Hex(data);
}

std::int64_t AuditLog::append(const std::string& actor, const std::string& action,
                              const std::string& entity, const std::string& entityId,
                              const std::string& detail) {
    // Join the caller's transaction so a change and its entry commit (or roll back) together.
    std::optional<db::Transaction> own;
    if (!m_db.inTransaction())
        own.emplace(m_db, db::Transaction::Kind::Immediate);

    Entry e;
    e.prevHash = genesisHash();
    {
        db::Statement head(m_db, "SELECT seq, hash FROM audit_head WHERE id = 1");
        if (head.step()) {
            e.seq = head.getInt64(0) + 1;
            e.prevHash = head.getText(1);
        } else {
            e.seq = 1;
        }
    }
    e.at = m_clock ? core::formatUtc(m_clock()) : core::nowUtc();
    e.actor = actor;
    e.action = action;
    e.entity = entity;
    e.entityId = entityId;
    e.detail = detail;
    e.hash = computeHash(e);

    db::Statement(m_db, "INSERT INTO audit_log (seq, at, actor, action, entity, entity_id, detail, "
                        "prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .bindAll(e.seq, e.at, e.actor, e.action, e.entity, e.entityId, e.detail, e.prevHash, e.hash)
        .run();
    db::Statement(m_db, "INSERT INTO audit_head (id, seq, hash) VALUES (1, ?, ?) "
                        "ON CONFLICT(id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash")
        .bindAll(e.seq, e.hash)
        .run();
    if (own)
        own->commit();
    return e.seq;
}

AuditLog::VerifyResult AuditLog::verify() {
    VerifyResult result;
    auto fail = [&](std::int64_t seq, std::string problem) {
        result.ok = false;
        result.firstBadSeq = seq;
        result.problem = std::move(problem);
        return result;
    };
    // One read transaction so a concurrent append cannot make the head disagree with the rows.
    std::optional<db::Transaction> snapshot;
    if (!m_db.inTransaction())
        snapshot.emplace(m_db, db::Transaction::Kind::Deferred);
    std::int64_t expectedSeq = 1;
    std::string prevHash = genesisHash();
    db::Statement st(m_db, std::string("SELECT ") + kColumns + " FROM audit_log ORDER BY seq");
    while (st.step()) {
        const Entry e = readEntry(st);
        ++result.entries;
        if (e.seq != expectedSeq)
            return fail(
                expectedSeq,
                e.seq > expectedSeq
                    ? core::fmt(core::tr("Audit entry {} is missing (the next entry is {})."),
                                expectedSeq, e.seq)
                    : core::fmt(core::tr("Audit entry {} is out of sequence."), e.seq));
        if (e.prevHash != prevHash)
            return fail(e.seq,
                        core::fmt(core::tr("Audit entry {} does not follow the entry before it "
                                           "(an entry was removed, replaced or moved)."),
                                  e.seq));
        if (computeHash(e) != e.hash)
            return fail(e.seq, core::fmt(core::tr("Audit entry {} was changed after it was "
                                                  "written (its hash does not match)."),
                                         e.seq));
        prevHash = e.hash;
        ++expectedSeq;
    }
    const std::int64_t last = expectedSeq - 1;
    db::Statement head(m_db, "SELECT seq, hash FROM audit_head WHERE id = 1");
    if (!head.step()) {
        if (last == 0)
            return result;
        return fail(1, core::tr("The audit log's head record is missing."));
    }
    const std::int64_t headSeq = head.getInt64(0);
    if (headSeq > last)
        return fail(last + 1,
                    core::fmt(core::tr("Audit entries {} to {} were removed from the end of the "
                                       "log."),
                              last + 1, headSeq));
    if (headSeq < last)
        return fail(headSeq + 1,
                    core::fmt(core::tr("Audit entry {} is not recorded in the log's head (the "
                                       "head says {})."),
                              headSeq + 1, headSeq));
    if (head.getText(1) != prevHash)
        return fail(last,
                    core::fmt(core::tr("Audit entry {} does not match the log's head."), last));
    return result;
}

std::vector<Entry> AuditLog::recent(std::int64_t limit, std::int64_t beforeSeq) {
    std::vector<Entry> out;
    db::Statement st(m_db, std::string("SELECT ") + kColumns +
                               " FROM audit_log WHERE (?1 = 0 OR seq < ?1) ORDER BY seq DESC "
                               "LIMIT ?2");
    st.bindAll(beforeSeq, limit);
    while (st.step())
        out.push_back(readEntry(st));
    return out;
}

std::int64_t AuditLog::count() {
    return m_db.scalarInt("SELECT count(*) FROM audit_log");
}

} // namespace c175::audit
