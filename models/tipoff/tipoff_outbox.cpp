#include "tipoff/tipoff_outbox.h"

#include "changes/change_capture.h"
#include "db/database.h"

#include <Poco/JSON/Object.h>

#include <algorithm>
#include <sstream>

namespace c175::tipoff {
namespace {

bool isSyncColumn(const std::string& name) {
    return name == "id" || name == "rev" || name == "updated_at" || name == "updated_by" ||
           name == "deleted";
}

std::string fieldsJson(db::Database& db, std::string_view table, const std::string& id,
                       const std::vector<std::string>& wanted) {
    // Table and column names come from the schema (columnsOf), never from input.
    std::vector<changes::Column> cols;
    for (auto& c : changes::columnsOf(db, table))
        if (!isSyncColumn(c.name) &&
            (wanted.empty() || std::find(wanted.begin(), wanted.end(), c.name) != wanted.end()))
            cols.push_back(c);
    std::string sql = "SELECT ";
    for (std::size_t i = 0; i < cols.size(); ++i) {
        if (i)
            sql += ", ";
        const std::string q = "\"" + cols[i].name + "\"";
        sql += cols[i].type == "BLOB"
                   ? "CASE WHEN " + q + " IS NULL THEN NULL ELSE hex(" + q + ") END"
                   : q;
        sql += ", typeof(\"" + cols[i].name + "\")";
    }
    sql += " FROM \"" + std::string(table) + "\" WHERE id = ?";
    db::Statement q(db, sql);
    q.bind(1, id);
    Poco::JSON::Object obj;
    if (q.step()) {
        for (std::size_t i = 0; i < cols.size(); ++i) {
            const int col = static_cast<int>(i * 2);
            const std::string type = q.getText(col + 1);
            if (type == "null")
                obj.set(cols[i].name, Poco::Dynamic::Var());
            else if (type == "integer")
                obj.set(cols[i].name, q.getInt64(col));
            else if (type == "real")
                obj.set(cols[i].name, q.getDouble(col));
            else
                obj.set(cols[i].name, q.getText(col));
        }
    }
    std::ostringstream out;
    obj.stringify(out);
    return out.str();
}

} // namespace

void recordNewRow(db::Database& db, std::string_view table, const std::string& id,
                  const std::string& actor) {
    changes::recordUpsert(db, table, id, fieldsJson(db, table, id, {}), actor);
}

void recordChangedFields(db::Database& db, std::string_view table, const std::string& id,
                         const std::vector<std::string>& fields, const std::string& actor) {
    changes::recordUpsert(db, table, id, fieldsJson(db, table, id, fields), actor);
}

} // namespace c175::tipoff
