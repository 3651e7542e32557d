// Generic access to synced rows as JSON values, shared by the hub and the console's engine.
#pragma once
#include "changes/change_capture.h"
#include "db/database.h"
#include "protocol/json_text.h"

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace c175::db {
class Database;
class Statement;
} // namespace c175::db

namespace c175::sync {

enum class Affinity { Integer, Real, Text, Blob };

struct EntitySchema {
    std::string name;
    std::string key; // the key column: "id", or e.g. "code" (admin_units); `id` is its position
    std::vector<changes::Column> columns;
    std::vector<Affinity> affinity;
    std::map<std::string, int, std::less<>> index; // column name -> position
    int id = -1, rev = -1, updatedAt = -1, updatedBy = -1, deleted = -1;
    int province = -1; // -1 when the entity has no province_code column
    int find(std::string_view column) const {
        auto it = index.find(column);
        return it == index.end() ? -1 : it->second;
    }
    bool isSyncColumn(int col) const {
        return col == id || col == rev || col == updatedAt || col == updatedBy || col == deleted;
    }
};

// Every synced entity of a database, read once from its live schema.
class Schema {
public:
    explicit Schema(db::Database& db);
    const EntitySchema* find(std::string_view entity) const;
    const std::vector<EntitySchema>& all() const { return m_entities; }

private:
    std::vector<EntitySchema> m_entities;
};

using Values = std::vector<JsonValue>;

// Converts a JSON value to what a column holds; false when the type does not fit the column
// (a string for an INTEGER column, an object anywhere, hex that is not hex for a BLOB).
bool valueFits(const JsonValue& value, Affinity affinity);

class RowStore {
public:
    RowStore(db::Database& db, const Schema& schema);
    ~RowStore();
    RowStore(const RowStore&) = delete;
    RowStore& operator=(const RowStore&) = delete;

    // The row's values in column order; false when there is no such row.
    bool read(const EntitySchema& entity, std::string_view id, Values& out);
    // Inserts or replaces every column (values in the entity's column order).
    void write(const EntitySchema& entity, const Values& values);
    // The same, each column's value taken from `source[indexOf[column]]` (a pulled row as it
    // came, without copying). False, writing nothing, when a value is missing or does not fit.
    bool writeMapped(const EntitySchema& entity, const std::vector<int>& indexOf,
                     const std::vector<JsonValue>& source);
    // Sets some columns of an existing row (or inserts when missing and the columns suffice).
    void update(const EntitySchema& entity, std::string_view id,
                const std::vector<std::pair<int, JsonValue>>& fields, bool insertIfMissing);

    // A statement prepared once for this store and reused (reset, bindings cleared): the push
    // and merge paths run the same few statements for every operation.
    db::Statement& prepared(const std::string& sql);

    db::Database& database() { return m_db; }
    const Schema& schema() const { return m_schema; }

private:
    db::Statement& writer(const EntitySchema& entity);
    template <typename MakeSql>
    db::Statement& cached(const EntitySchema& entity, int kind, MakeSql&& makeSql);
    db::Database& m_db;
    const Schema& m_schema;
    std::map<std::pair<const EntitySchema*, int>, std::unique_ptr<db::Statement>> m_statements;
    std::map<std::string, std::unique_ptr<db::Statement>, std::less<>> m_bySql;
};

void bindValue(db::Statement& statement, int index, const JsonValue& value, Affinity affinity);
JsonValue readValue(const db::Statement& statement, int col, Affinity affinity);
using db::quoteIdent;

} // namespace c175::sync
