#include "protocol/row_store.h"

#include "db/database.h"

#include <stdexcept>

namespace c175::sync {
namespace {

Affinity affinityOf(const std::string& declared) {
    if (declared.find("INT") != std::string::npos)
        return Affinity::Integer;
    if (declared.find("CHAR") != std::string::npos || declared.find("CLOB") != std::string::npos ||
        declared.find("TEXT") != std::string::npos)
        return Affinity::Text;
    if (declared.empty() || declared.find("BLOB") != std::string::npos)
        return Affinity::Blob;
    return Affinity::Real;
}

int hexDigit(char c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

bool isHex(const std::string& s) {
    if (s.size() % 2)
        return false;
    for (char c : s)
        if (hexDigit(c) < 0)
            return false;
    return true;
}

} // namespace

Schema::Schema(db::Database& db) {
    for (const auto& name : changes::syncedEntities(db)) {
        EntitySchema e;
        e.name = name;
        e.columns = changes::columnsOf(db, name);
        for (size_t i = 0; i < e.columns.size(); ++i) {
            e.affinity.push_back(affinityOf(e.columns[i].type));
            e.index[e.columns[i].name] = static_cast<int>(i);
        }
        e.key = changes::keyColumn(db, name);
        e.id = e.find(e.key);
        e.rev = e.find("rev");
        e.updatedAt = e.find("updated_at");
        e.updatedBy = e.find("updated_by");
        e.deleted = e.find("deleted");
        e.province = e.find("province_code");
        m_entities.push_back(std::move(e));
    }
}

const EntitySchema* Schema::find(std::string_view entity) const {
    for (const auto& e : m_entities)
        if (e.name == entity)
            return &e;
    return nullptr;
}

bool valueFits(const JsonValue& value, Affinity affinity) {
    switch (value.type()) {
    case JsonValue::Type::Null:
        return true;
    case JsonValue::Type::Bool:
    case JsonValue::Type::Int:
        return affinity == Affinity::Integer || affinity == Affinity::Real;
    case JsonValue::Type::Double:
        return affinity == Affinity::Real;
    case JsonValue::Type::String:
        return affinity == Affinity::Text ||
               (affinity == Affinity::Blob && isHex(value.asString()));
    default:
        return false;
    }
}

void bindValue(db::Statement& statement, int index, const JsonValue& value, Affinity affinity) {
    switch (value.type()) {
    case JsonValue::Type::Null:
        statement.bind(index, nullptr);
        break;
    case JsonValue::Type::Bool:
    case JsonValue::Type::Int:
        statement.bind(index, value.asInt());
        break;
    case JsonValue::Type::Double:
        statement.bind(index, value.asDouble());
        break;
    case JsonValue::Type::String:
        if (affinity == Affinity::Blob) {
            const auto& s = value.asString();
            std::vector<std::uint8_t> bytes(s.size() / 2);
            for (size_t i = 0; i < bytes.size(); ++i)
                bytes[i] =
                    static_cast<std::uint8_t>(hexDigit(s[2 * i]) * 16 + hexDigit(s[2 * i + 1]));
            statement.bindBlob(index, bytes);
        } else {
            statement.bind(index, std::string_view(value.asString()));
        }
        break;
    default:
        throw std::invalid_argument("a column value must be null, a number or a string");
    }
}

JsonValue readValue(const db::Statement& statement, int col, Affinity affinity) {
    if (statement.isNull(col))
        return JsonValue();
    switch (affinity) {
    case Affinity::Integer:
        return JsonValue(statement.getInt64(col));
    case Affinity::Real:
        return JsonValue(statement.getDouble(col));
    case Affinity::Text:
        return JsonValue(statement.getText(col));
    case Affinity::Blob: {
        static const char* hex = "0123456789ABCDEF";
        const auto bytes = statement.getBlob(col);
        std::string out;
        out.reserve(bytes.size() * 2);
        for (auto b : bytes) {
            out += hex[b >> 4];
            out += hex[b & 15];
        }
        return JsonValue(std::move(out));
    }
    }
    return JsonValue();
}

RowStore::RowStore(db::Database& db, const Schema& schema) : m_db(db), m_schema(schema) {}
RowStore::~RowStore() = default;

template <typename MakeSql>
db::Statement& RowStore::cached(const EntitySchema& entity, int kind, MakeSql&& makeSql) {
    auto& slot = m_statements[{&entity, kind}];
    if (!slot)
        slot = std::make_unique<db::Statement>(m_db, makeSql());
    return *slot;
}

db::Statement& RowStore::prepared(const std::string& sql) {
    auto& slot = m_bySql[sql];
    if (!slot)
        slot = std::make_unique<db::Statement>(m_db, sql);
    slot->reset();
    return *slot;
}

bool RowStore::read(const EntitySchema& entity, std::string_view id, Values& out) {
    auto& q = cached(entity, 0, [&] {
        std::string cols;
        for (const auto& c : entity.columns)
            cols += (cols.empty() ? "" : ", ") + quoteIdent(c.name);
        return "SELECT " + cols + " FROM " + quoteIdent(entity.name) + " WHERE " +
               quoteIdent(entity.key) + " = ?";
    });
    q.reset();
    q.bind(1, id);
    if (!q.step())
        return false;
    out.clear();
    out.reserve(entity.columns.size());
    for (size_t i = 0; i < entity.columns.size(); ++i)
        out.push_back(readValue(q, static_cast<int>(i), entity.affinity[i]));
    q.reset();
    return true;
}

db::Statement& RowStore::writer(const EntitySchema& entity) {
    return cached(entity, 1, [&] {
        std::string cols, marks, sets;
        for (const auto& c : entity.columns) {
            cols += (cols.empty() ? "" : ", ") + quoteIdent(c.name);
            marks += marks.empty() ? "?" : ", ?";
            if (c.name != entity.key)
                sets += (sets.empty() ? "" : ", ") + quoteIdent(c.name) + " = excluded." +
                        quoteIdent(c.name);
        }
        // A row older than the one held (an event overtaken by a pull) is not applied.
        return "INSERT INTO " + quoteIdent(entity.name) + " (" + cols + ") VALUES (" + marks +
               ") ON CONFLICT(" + quoteIdent(entity.key) + ") DO UPDATE SET " + sets +
               " WHERE excluded.rev >= " + quoteIdent(entity.name) + ".rev";
    });
}

void RowStore::write(const EntitySchema& entity, const Values& values) {
    if (values.size() != entity.columns.size())
        throw std::invalid_argument("row of " + entity.name + " has the wrong number of values");
    auto& q = writer(entity);
    q.reset();
    for (size_t i = 0; i < values.size(); ++i)
        bindValue(q, static_cast<int>(i + 1), values[i], entity.affinity[i]);
    q.run();
}

bool RowStore::writeMapped(const EntitySchema& entity, const std::vector<int>& indexOf,
                           const std::vector<JsonValue>& source) {
    for (size_t i = 0; i < indexOf.size(); ++i)
        if (indexOf[i] < 0 || static_cast<size_t>(indexOf[i]) >= source.size() ||
            !valueFits(source[static_cast<size_t>(indexOf[i])], entity.affinity[i]))
            return false;
    auto& q = writer(entity);
    q.reset();
    for (size_t i = 0; i < indexOf.size(); ++i)
        bindValue(q, static_cast<int>(i + 1), source[static_cast<size_t>(indexOf[i])],
                  entity.affinity[i]);
    q.run();
    return true;
}

void RowStore::update(const EntitySchema& entity, std::string_view id,
                      const std::vector<std::pair<int, JsonValue>>& fields, bool insertIfMissing) {
    if (fields.empty())
        return;
    std::string sets;
    for (const auto& [col, value] : fields)
        sets += (sets.empty() ? "" : ", ") + quoteIdent(entity.columns[col].name) + " = ?";
    db::Statement& q = prepared("UPDATE " + quoteIdent(entity.name) + " SET " + sets + " WHERE " +
                                quoteIdent(entity.key) + " = ?");
    int i = 0;
    for (const auto& [col, value] : fields)
        bindValue(q, ++i, value, entity.affinity[col]);
    q.bind(++i, id);
    q.run();
    if (m_db.changes() > 0 || !insertIfMissing)
        return;
    std::string cols = quoteIdent(entity.key), marks = "?";
    for (const auto& [col, value] : fields) {
        cols += ", " + quoteIdent(entity.columns[col].name);
        marks += ", ?";
    }
    db::Statement& ins = prepared("INSERT INTO " + quoteIdent(entity.name) + " (" + cols +
                                  ") VALUES (" + marks + ")");
    ins.bind(1, id);
    i = 1;
    for (const auto& [col, value] : fields)
        bindValue(ins, ++i, value, entity.affinity[col]);
    ins.run();
}

} // namespace c175::sync
