// RAII access to SQLite: Database, Statement and Transaction (rolls back unless committed).
#pragma once
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace c175::db {

// Any failure of the data layer; the message is a sentence fit to show a person.
class DbError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

enum class OpenMode {
    ReadWrite,         // create the file when missing
    ReadWriteExisting, // the file must exist
    ReadOnly,
};

class Database {
public:
    // Opens the file (":memory:" for an in-memory database) with foreign keys on, a busy
    // timeout and the c175_fold() SQL function. Does not migrate: see openCache().
    explicit Database(const std::string& path, OpenMode mode = OpenMode::ReadWrite);
    ~Database();
    Database(Database&& other) noexcept;
    Database& operator=(Database&& other) noexcept;
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    void exec(std::string_view sql);
    std::int64_t scalarInt(std::string_view sql);
    std::optional<std::string> scalarText(std::string_view sql);
    bool tableExists(std::string_view name);

    // True inside BEGIN ... COMMIT (so a helper can join the caller's transaction).
    bool inTransaction() const;
    std::int64_t lastInsertRowid() const;
    int changes() const;
    const std::string& path() const { return m_path; }
    sqlite3* handle() const { return m_db; }

    // Throws DbError naming the file when rc is not SQLITE_OK/ROW/DONE.
    void check(int rc, std::string_view what) const;

private:
    sqlite3* m_db = nullptr;
    std::string m_path;
};

class Statement {
public:
    Statement(Database& db, std::string_view sql);
    ~Statement();
    Statement(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    // Indexes start at 1, as in SQLite.
    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, double value);
    Statement& bind(int index, std::string_view value);
    Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
    Statement& bind(int index, const std::string& value) {
        return bind(index, std::string_view(value));
    }
    Statement& bind(int index, std::nullptr_t);
    Statement& bindBlob(int index, const std::vector<std::uint8_t>& value);
    template <typename T> Statement& bind(int index, const std::optional<T>& value) {
        if (value)
            return bind(index, *value);
        return bind(index, nullptr);
    }
    // Binds the arguments to 1, 2, 3 ...
    template <typename... Args> Statement& bindAll(const Args&... args) {
        int i = 0;
        (bind(++i, args), ...);
        return *this;
    }

    bool step();  // true while a row is available
    void run();   // steps to completion, then resets for reuse
    void reset(); // resets and clears bindings

    int columnCount() const;
    bool isNull(int col) const;
    std::int64_t getInt64(int col) const;
    int getInt(int col) const { return static_cast<int>(getInt64(col)); }
    double getDouble(int col) const;
    std::string getText(int col) const;
    std::optional<std::string> getOptText(int col) const;
    std::vector<std::uint8_t> getBlob(int col) const;

private:
    Database* m_db;
    sqlite3_stmt* m_stmt = nullptr;
};

// "name" with embedded quotes doubled, for table and column names built into SQL.
std::string quoteIdent(std::string_view name);

// Inside another transaction it becomes a SAVEPOINT, so a service that guards its own work with
// a Transaction can also run as one step of a larger one (the demo seed, an import): its commit
// releases the savepoint and its rollback undoes only its own part.

class Transaction {
public:
    enum class Kind { Deferred, Immediate };
    explicit Transaction(Database& db, Kind kind = Kind::Immediate);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();

private:
    Database& m_db;
    std::string m_savepoint; // empty = the outermost transaction
    bool m_open = true;
};

} // namespace c175::db
