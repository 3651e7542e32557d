#include "db/migrations.h"

#include "core/i18n.h"
#include "core/ids.h"
#include "embedded/embedded.h"

#include <algorithm>
#include <cstdlib>

namespace c175::db {

const std::vector<Migration>& embeddedMigrations() {
    static const std::vector<Migration> list = [] {
        std::vector<Migration> out;
        for (std::size_t i = 0; i < embedded::migrationsCount; ++i) {
            const std::string name = embedded::migrations[i].name;
            out.push_back({std::atoi(name.c_str()), name, embedded::migrations[i].text});
        }
        std::sort(out.begin(), out.end(),
                  [](const Migration& a, const Migration& b) { return a.version < b.version; });
        return out;
    }();
    return list;
}

int latestSchemaVersion() {
    const auto& list = embeddedMigrations();
    return list.empty() ? 0 : list.back().version;
}

void migrate(Database& db) {
    const int current = static_cast<int>(db.scalarInt("PRAGMA user_version"));
    const int latest = latestSchemaVersion();
    if (current > latest)
        throw DbError(core::fmt(
            core::tr(
                "The cache \"{}\" was made by a newer version of C175 Console (schema {}; this "
                "program knows up to {}). Update the program; the cache was not changed."),
            db.path(), current, latest));
    if (current == latest)
        return;
    Transaction tx(db);
    db.exec("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
            "name TEXT NOT NULL, applied_at TEXT NOT NULL)");
    Statement record(db, "INSERT INTO schema_migrations(version, name, applied_at) VALUES (?,?,?)");
    for (const auto& m : embeddedMigrations()) {
        if (m.version <= current)
            continue;
        try {
            db.exec(m.sql);
        } catch (const DbError& e) {
            throw DbError(core::fmt(core::tr("Migration {} failed: {}"), m.name, e.what()));
        }
        record.bindAll(static_cast<std::int64_t>(m.version), m.name, core::nowUtc()).run();
    }
    db.exec("PRAGMA user_version = " + std::to_string(latest));
    tx.commit();
}

Database openCache(const std::string& path, OpenMode mode) {
    Database db(path, mode);
    // Read the version before anything writes: a newer or foreign file must stay untouched.
    const int current = static_cast<int>(db.scalarInt("PRAGMA user_version"));
    if (current > latestSchemaVersion())
        migrate(db); // throws the "newer version" sentence
    if (mode != OpenMode::ReadOnly && path != ":memory:") {
        db.exec("PRAGMA journal_mode = WAL");
        db.exec("PRAGMA synchronous = NORMAL");
    }
    if (mode != OpenMode::ReadOnly)
        migrate(db);
    else if (current < latestSchemaVersion())
        throw DbError(core::fmt(core::tr("The cache \"{}\" has an older schema and is opened "
                                         "read-only; open it once read-write to upgrade it."),
                                path));
    return db;
}

} // namespace c175::db
