#include "db/database.h"

#include "core/i18n.h"
#include "core/text_fold.h"

#include <sqlite3.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <utility>

namespace c175::db {
namespace {

void foldFunction(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    if (argc != 1 || sqlite3_value_type(argv[0]) == SQLITE_NULL) {
        sqlite3_result_null(ctx);
        return;
    }
    const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(argv[0]));
    const int len = sqlite3_value_bytes(argv[0]);
    std::string folded = c175::core::foldForSearch(std::string_view(text, len));
    sqlite3_result_text(ctx, folded.data(), static_cast<int>(folded.size()), SQLITE_TRANSIENT);
}

// Reads the SQLite header so a damaged or foreign file is refused with a clear sentence
// before SQLite touches it.
void checkHeader(const std::string& path) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec))
        throw DbError(core::fmt(core::tr("The cache path \"{}\" is a folder, not a file."), path));
    if (!std::filesystem::exists(path, ec))
        return;
    const auto size = std::filesystem::file_size(path, ec);
    if (ec || size == 0)
        return;
    std::ifstream in(path, std::ios::binary);
    unsigned char h[100] = {};
    in.read(reinterpret_cast<char*>(h), sizeof h);
    if (in.gcount() < 100 || std::string_view(reinterpret_cast<char*>(h), 16) !=
                                 std::string_view("SQLite format 3\0", 16))
        throw DbError(core::fmt(
            core::tr("The file \"{}\" is not a C175 cache (it is not an SQLite database)."), path));
    std::uint64_t pageSize = (h[16] << 8) | h[17];
    if (pageSize == 1)
        pageSize = 65536;
    const std::uint64_t pages = (std::uint64_t(h[28]) << 24) | (h[29] << 16) | (h[30] << 8) | h[31];
    const std::uint32_t changeCounter = (h[24] << 24) | (h[25] << 16) | (h[26] << 8) | h[27];
    const std::uint32_t validFor = (h[92] << 24) | (h[93] << 16) | (h[94] << 8) | h[95];
    if (pages > 0 && validFor == changeCounter && pageSize * pages > size)
        throw DbError(core::fmt(
            core::tr("The cache file \"{}\" is truncated ({} bytes of {}); it was not changed."),
            path, size, pageSize * pages));
}

} // namespace

Database::Database(const std::string& path, OpenMode mode) : m_path(path) {
    if (path != ":memory:")
        checkHeader(path);
    int flags = SQLITE_OPEN_NOMUTEX;
    switch (mode) {
    case OpenMode::ReadWrite:
        flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
        break;
    case OpenMode::ReadWriteExisting:
        flags |= SQLITE_OPEN_READWRITE;
        break;
    case OpenMode::ReadOnly:
        flags |= SQLITE_OPEN_READONLY;
        break;
    }
    const int rc = sqlite3_open_v2(path.c_str(), &m_db, flags, nullptr);
    if (rc != SQLITE_OK) {
        std::string msg = m_db ? sqlite3_errmsg(m_db) : sqlite3_errstr(rc);
        sqlite3_close(m_db);
        m_db = nullptr;
        throw DbError(core::fmt(core::tr("Cannot open the cache \"{}\": {}."), path, msg));
    }
    sqlite3_extended_result_codes(m_db, 1);
    sqlite3_busy_timeout(m_db, 5000);
    sqlite3_create_function_v2(m_db, "c175_fold", 1,
                               SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, nullptr,
                               foldFunction, nullptr, nullptr, nullptr);
    try {
        exec("PRAGMA foreign_keys = ON");
    } catch (...) {
        sqlite3_close(m_db);
        m_db = nullptr;
        throw;
    }
}

Database::~Database() {
    if (m_db)
        sqlite3_close_v2(m_db);
}

Database::Database(Database&& other) noexcept
    : m_db(std::exchange(other.m_db, nullptr)), m_path(std::move(other.m_path)) {}

Database& Database::operator=(Database&& other) noexcept {
    if (this != &other) {
        if (m_db)
            sqlite3_close_v2(m_db);
        m_db = std::exchange(other.m_db, nullptr);
        m_path = std::move(other.m_path);
    }
    return *this;
}

void Database::check(int rc, std::string_view what) const {
    if (rc == SQLITE_OK || rc == SQLITE_ROW || rc == SQLITE_DONE)
        return;
    std::string msg = sqlite3_errmsg(m_db);
    const int primary = rc & 0xff;
    if (primary == SQLITE_NOTADB || primary == SQLITE_CORRUPT)
        throw DbError(core::fmt(
            core::tr("The cache file \"{}\" is damaged or not a C175 cache ({})."), m_path, msg));
    throw DbError(std::string(what) + ": " + msg);
}

void Database::exec(std::string_view sql) {
    char* err = nullptr;
    const std::string text(sql);
    const int rc = sqlite3_exec(m_db, text.c_str(), nullptr, nullptr, &err);
    if (err)
        sqlite3_free(err);
    check(rc, "SQL failed");
}

std::int64_t Database::scalarInt(std::string_view sql) {
    Statement st(*this, sql);
    return st.step() ? st.getInt64(0) : 0;
}

std::optional<std::string> Database::scalarText(std::string_view sql) {
    Statement st(*this, sql);
    if (!st.step())
        return std::nullopt;
    return st.getOptText(0);
}

bool Database::tableExists(std::string_view name) {
    Statement st(*this, "SELECT 1 FROM sqlite_master WHERE type IN ('table','view') AND name = ?");
    st.bind(1, name);
    return st.step();
}

bool Database::inTransaction() const {
    return sqlite3_get_autocommit(m_db) == 0;
}
std::int64_t Database::lastInsertRowid() const {
    return sqlite3_last_insert_rowid(m_db);
}
int Database::changes() const {
    return sqlite3_changes(m_db);
}

Statement::Statement(Database& db, std::string_view sql) : m_db(&db) {
    const int rc = sqlite3_prepare_v3(db.handle(), sql.data(), static_cast<int>(sql.size()),
                                      SQLITE_PREPARE_PERSISTENT, &m_stmt, nullptr);
    if (rc != SQLITE_OK)
        db.check(rc, "Cannot prepare \"" + std::string(sql.substr(0, 80)) + "\"");
    if (!m_stmt)
        throw DbError("Cannot prepare \"" + std::string(sql.substr(0, 80)) +
                      "\": it holds no statement");
}

Statement::~Statement() {
    if (m_stmt)
        sqlite3_finalize(m_stmt);
}

Statement::Statement(Statement&& other) noexcept
    : m_db(other.m_db), m_stmt(std::exchange(other.m_stmt, nullptr)) {}

Statement& Statement::bind(int index, std::int64_t value) {
    m_db->check(sqlite3_bind_int64(m_stmt, index, value), "bind");
    return *this;
}
Statement& Statement::bind(int index, double value) {
    m_db->check(sqlite3_bind_double(m_stmt, index, value), "bind");
    return *this;
}
Statement& Statement::bind(int index, std::string_view value) {
    m_db->check(sqlite3_bind_text64(m_stmt, index, value.data(), value.size(), SQLITE_TRANSIENT,
                                    SQLITE_UTF8),
                "bind");
    return *this;
}
Statement& Statement::bind(int index, std::nullptr_t) {
    m_db->check(sqlite3_bind_null(m_stmt, index), "bind");
    return *this;
}
Statement& Statement::bindBlob(int index, const std::vector<std::uint8_t>& value) {
    m_db->check(sqlite3_bind_blob64(m_stmt, index, value.data(), value.size(), SQLITE_TRANSIENT),
                "bind");
    return *this;
}

bool Statement::step() {
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    const std::string sql = sqlite3_sql(m_stmt) ? sqlite3_sql(m_stmt) : "";
    sqlite3_reset(m_stmt);
    m_db->check(rc, "SQL failed (" + sql.substr(0, 60) + ")");
    return false;
}

void Statement::run() {
    while (step()) {
    }
    reset();
}

void Statement::reset() {
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

int Statement::columnCount() const {
    return sqlite3_column_count(m_stmt);
}
bool Statement::isNull(int col) const {
    return sqlite3_column_type(m_stmt, col) == SQLITE_NULL;
}
std::int64_t Statement::getInt64(int col) const {
    return sqlite3_column_int64(m_stmt, col);
}
double Statement::getDouble(int col) const {
    return sqlite3_column_double(m_stmt, col);
}
std::string Statement::getText(int col) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, col));
    return p ? std::string(p, sqlite3_column_bytes(m_stmt, col)) : std::string();
}
std::optional<std::string> Statement::getOptText(int col) const {
    if (isNull(col))
        return std::nullopt;
    return getText(col);
}
std::vector<std::uint8_t> Statement::getBlob(int col) const {
    const auto* p = static_cast<const std::uint8_t*>(sqlite3_column_blob(m_stmt, col));
    return p ? std::vector<std::uint8_t>(p, p + sqlite3_column_bytes(m_stmt, col))
             : std::vector<std::uint8_t>();
}

std::string quoteIdent(std::string_view name) {
    std::string out = "\"";
    for (const char c : name) {
        out += c;
        if (c == '"')
            out += '"';
    }
    return out + "\"";
}

Transaction::Transaction(Database& db, Kind kind) : m_db(db) {
    if (m_db.inTransaction()) {
        static std::atomic<std::uint64_t> counter{0};
        m_savepoint = "c175_sp_" + std::to_string(++counter);
        m_db.exec("SAVEPOINT " + m_savepoint);
    } else {
        m_db.exec(kind == Kind::Immediate ? "BEGIN IMMEDIATE" : "BEGIN");
    }
}

Transaction::~Transaction() {
    if (!m_open)
        return;
    try {
        if (m_savepoint.empty())
            m_db.exec("ROLLBACK");
        else
            m_db.exec("ROLLBACK TO " + m_savepoint + "; RELEASE " + m_savepoint);
    } catch (...) {
        // A failed rollback leaves SQLite to roll back when the connection closes.
    }
}

void Transaction::commit() {
    m_db.exec(m_savepoint.empty() ? std::string("COMMIT") : "RELEASE " + m_savepoint);
    m_open = false;
}

} // namespace c175::db
