#include "engine/conflicts.h"

#include "audit/audit_log.h"
#include "changes/change_capture.h"
#include "core/errors.h"
#include "core/ids.h"
#include "db/database.h"
#include "protocol/json_text.h"
#include "protocol/row_store.h"

#include <set>

namespace c175::sync {

std::vector<Conflict> listConflicts(db::Database& db, bool openOnly) {
    db::Statement q(db, std::string("SELECT id, entity, row_id, field, base, mine, theirs, "
                                    "theirs_rev, state, created_at, decided_by, decided_at, "
                                    "decision, value FROM sync_conflicts") +
                            (openOnly ? " WHERE state = 'open'" : "") + " ORDER BY created_at, id");
    std::vector<Conflict> out;
    while (q.step())
        out.push_back({q.getText(0), q.getText(1), q.getText(2), q.getText(3), q.getOptText(4),
                       q.getText(5), q.getText(6), q.getInt64(7), q.getText(8), q.getText(9),
                       q.getOptText(10), q.getOptText(11), q.getOptText(12), q.getOptText(13)});
    return out;
}

std::int64_t openConflictCount(db::Database& db) {
    return db.scalarInt("SELECT count(*) FROM sync_conflicts WHERE state = 'open'");
}

void resolveConflict(db::Database& db, const std::string& conflictId, Decision decision,
                     const std::string& editedJson, const std::string& actor) {
    db::Transaction tx(db);
    db::Statement q(db, "SELECT entity, row_id, field, mine, theirs, state FROM sync_conflicts "
                        "WHERE id = ?");
    q.bind(1, conflictId);
    if (!q.step())
        throw core::ValidationError("conflict", "no such conflict");
    const std::string entity = q.getText(0), rowId = q.getText(1), field = q.getText(2);
    const std::string mine = q.getText(3), theirs = q.getText(4);
    if (q.getText(5) != "open")
        throw core::ValidationError("conflict", "already resolved");
    q.reset();
    Schema schema(db);
    const EntitySchema* e = schema.find(entity);
    const int col = e ? e->find(field) : -1;
    if (col < 0)
        throw core::ValidationError("conflict", "the entity or field no longer exists");
    std::string chosen = decision == Decision::Mine     ? mine
                         : decision == Decision::Theirs ? theirs
                                                        : editedJson;
    JsonValue value;
    try {
        value = parseJson(chosen, 4);
    } catch (const JsonError&) {
        throw core::ValidationError("value",
                                    "must be a JSON value (text in quotes, a number or null)");
    }
    if (!valueFits(value, e->affinity[static_cast<size_t>(col)]))
        throw core::ValidationError("value", "has the wrong type for " + field);
    RowStore rows(db, schema);
    rows.update(*e, rowId, {{col, value}}, false);
    const char* name = decision == Decision::Mine     ? "mine"
                       : decision == Decision::Theirs ? "theirs"
                                                      : "edited";
    db::Statement done(db, "UPDATE sync_conflicts SET state = 'resolved', decided_by = ?, "
                           "decided_at = ?, decision = ?, value = ? WHERE id = ?");
    done.bindAll(actor, core::nowUtc(), name, toJson(value), conflictId);
    done.run();
    audit::AuditLog(db).append(actor, "sync_conflict_resolved", entity, rowId,
                               "{\"field\":\"" + field + "\",\"decision\":\"" + name + "\"}");

    const bool rowStillOpen = [&] {
        db::Statement open(db, "SELECT count(*) FROM sync_conflicts WHERE entity = ? AND "
                               "row_id = ? AND state = 'open'");
        open.bindAll(entity, rowId);
        open.step();
        return open.getInt(0) > 0;
    }();
    if (!rowStillOpen) {
        // Fold the row's pending edits (and the decisions) into one op on top of the hub's copy.
        db::Statement ops(db, "SELECT op, payload FROM sync_outbox WHERE entity = ? AND row_id = ? "
                              "ORDER BY rowid");
        ops.bindAll(entity, rowId);
        bool deleted = false;
        std::set<std::string> names{field};
        while (ops.step()) {
            if (ops.getText(0) == "delete")
                deleted = true;
            const auto payload = parseJson(ops.getText(1), 8);
            for (const auto& [n, v] : payload.members())
                names.insert(n);
        }
        ops.reset();
        db::Statement decided(db, "SELECT field FROM sync_conflicts WHERE entity = ? AND row_id = "
                                  "? AND state = 'resolved' AND decided_at IS NOT NULL");
        decided.bindAll(entity, rowId);
        while (decided.step())
            names.insert(decided.getText(0));
        db::Statement drop(db, "DELETE FROM sync_outbox WHERE entity = ? AND row_id = ?");
        drop.bindAll(entity, rowId);
        drop.run();
        // The op's base_rev is the hub's rev we merged against (kept in sync_base).
        db::Statement baseRev(db, "SELECT rev FROM sync_base WHERE entity = ? AND row_id = ?");
        baseRev.bindAll(entity, rowId);
        const std::int64_t rev = baseRev.step() ? baseRev.getInt64(0) : 0;
        baseRev.reset();
        db::Statement setRev(db, "UPDATE " + quoteIdent(entity) + " SET rev = ? WHERE " +
                                     quoteIdent(e->key) + " = ?");
        setRev.bindAll(rev, rowId);
        setRev.run();
        Values current;
        rows.read(*e, rowId, current);
        JsonValue fields = JsonValue::object();
        for (const auto& n : names) {
            const int c = e->find(n);
            if (c >= 0 && !e->isSyncColumn(c))
                fields.set(n, current[static_cast<size_t>(c)]);
        }
        if (deleted)
            changes::recordDelete(db, entity, rowId, actor);
        else
            changes::recordUpsert(db, entity, rowId, toJson(fields), actor);
    }
    tx.commit();
}

} // namespace c175::sync
