// Numbered schema migrations (resources/migrations/NNNN_name.sql, embedded) and opening a cache.
#pragma once
#include "db/database.h"

#include <string>
#include <vector>

namespace c175::db {

struct Migration {
    int version;
    std::string name;
    std::string sql;
};

// The embedded migrations in version order.
const std::vector<Migration>& embeddedMigrations();
int latestSchemaVersion();

// Applies pending migrations in one transaction and records each in schema_migrations.
// Throws DbError, leaving the file untouched, when the cache was made by a newer program.
void migrate(Database& db);

// Opens (creating when allowed) a cache: refuses folders, foreign, damaged, truncated and newer
// files with one clear sentence, turns on WAL and migrates.
Database openCache(const std::string& path, OpenMode mode = OpenMode::ReadWrite);

} // namespace c175::db
