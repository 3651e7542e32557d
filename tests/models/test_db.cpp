// The data layer: Database/Statement/Transaction, migrations, and openCache refusing bad files
// without changing a byte of them.
#include "core/ids.h"
#include "db/database.h"
#include "db/migrations.h"
#include "test_support.h"

#include <doctest/doctest.h>
#include <openssl/evp.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <regex>

using namespace c175;
namespace fs = std::filesystem;

namespace {

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void writeFile(const std::string& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

std::string sha256(const std::string& path) {
    const std::string bytes = readFile(path);
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    REQUIRE(EVP_Digest(bytes.data(), bytes.size(), digest, &len, EVP_sha256(), nullptr) == 1);
    static constexpr char kHex[] = "0123456789abcdef";
    std::string hex;
    for (unsigned int i = 0; i < len; ++i) {
        hex += kHex[digest[i] >> 4];
        hex += kHex[digest[i] & 15];
    }
    return hex;
}

// openCache(path) must throw DbError and leave the file exactly as it was.
std::string expectRefusedUnchanged(const std::string& path,
                                   db::OpenMode mode = db::OpenMode::ReadWrite) {
    const std::string before = sha256(path);
    const auto sizeBefore = fs::file_size(path);
    std::string message;
    try {
        db::openCache(path, mode);
        FAIL("openCache accepted " << path);
    } catch (const db::DbError& e) {
        message = e.what();
    }
    CHECK(sha256(path) == before);
    CHECK(fs::file_size(path) == sizeBefore);
    CHECK_FALSE(fs::exists(path + "-wal"));
    CHECK_FALSE(fs::exists(path + "-journal"));
    CHECK(message.find(path) != std::string::npos); // the sentence names the file
    return message;
}

int rowCount(db::Database& d, const std::string& table) {
    return static_cast<int>(d.scalarInt("SELECT count(*) FROM " + table));
}

} // namespace

TEST_CASE("Statement binds and reads every type") {
    db::Database d(":memory:");
    d.exec("CREATE TABLE t (i INTEGER, r REAL, s TEXT, b BLOB, n TEXT)");
    db::Statement ins(d, "INSERT INTO t VALUES (?, ?, ?, ?, ?)");
    ins.bind(1, std::int64_t{1} << 40)
        .bind(2, 2.5)
        .bind(3, "\u0110\u1ED3ng Xu\u00E2n")
        .bindBlob(4, {0, 1, 254, 255})
        .bind(5, nullptr)
        .run();
    CHECK(d.changes() == 1);
    CHECK(d.lastInsertRowid() == 1);
    // run() resets, so the statement is reused with new values.
    ins.bindAll(7, 0.0, std::string("x"), std::optional<std::string>("y"),
                std::optional<std::string>())
        .run();
    CHECK(rowCount(d, "t") == 2);

    db::Statement sel(d, "SELECT i, r, s, b, n FROM t ORDER BY rowid");
    REQUIRE(sel.step());
    CHECK(sel.columnCount() == 5);
    CHECK(sel.getInt64(0) == (std::int64_t{1} << 40));
    CHECK(sel.getDouble(1) == 2.5);
    CHECK(sel.getText(2) == "\u0110\u1ED3ng Xu\u00E2n");
    CHECK(sel.getBlob(3) == std::vector<std::uint8_t>{0, 1, 254, 255});
    CHECK(sel.isNull(4));
    CHECK_FALSE(sel.getOptText(4).has_value());
    REQUIRE(sel.step());
    CHECK(sel.getInt(0) == 7);
    CHECK(sel.getOptText(3) == "y");
    CHECK(sel.isNull(4));
    CHECK_FALSE(sel.step());

    CHECK(d.scalarInt("SELECT count(*) FROM t WHERE i > 5") == 2);
    CHECK(d.scalarText("SELECT s FROM t WHERE i = 7") == "x");
    CHECK_FALSE(d.scalarText("SELECT s FROM t WHERE i = -1").has_value());
    CHECK(d.tableExists("t"));
    CHECK_FALSE(d.tableExists("nope"));
}

TEST_CASE("SQL errors become DbError") {
    db::Database d(":memory:");
    d.exec("CREATE TABLE p (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)");
    d.exec("CREATE TABLE c (id INTEGER PRIMARY KEY, p INTEGER NOT NULL REFERENCES p(id))");
    CHECK_THROWS_AS(d.exec("SELEC 1"), db::DbError);
    CHECK_THROWS_AS(db::Statement(d, "SELECT * FROM missing"), db::DbError);
    CHECK(d.scalarInt("PRAGMA foreign_keys") == 1);
    CHECK_THROWS_AS(d.exec("INSERT INTO c(p) VALUES (99)"), db::DbError); // foreign key
    d.exec("INSERT INTO p(name) VALUES ('a')");
    db::Statement dup(d, "INSERT INTO p(name) VALUES (?)");
    dup.bind(1, "a");
    CHECK_THROWS_AS(dup.step(), db::DbError); // UNIQUE
    dup.reset();
    dup.bind(1, "b");
    CHECK_NOTHROW(dup.run()); // the statement is usable after a failure
    CHECK(rowCount(d, "p") == 2);
}

TEST_CASE("Transaction rolls back unless committed") {
    db::Database d(":memory:");
    d.exec("CREATE TABLE t (x INTEGER)");
    {
        db::Transaction tx(d);
        CHECK(d.inTransaction());
        d.exec("INSERT INTO t VALUES (1)");
        d.exec("INSERT INTO t VALUES (2)");
    }
    CHECK_FALSE(d.inTransaction());
    CHECK(rowCount(d, "t") == 0);
    {
        db::Transaction tx(d, db::Transaction::Kind::Deferred);
        d.exec("INSERT INTO t VALUES (3)");
        tx.commit();
        CHECK_FALSE(d.inTransaction());
    }
    CHECK(rowCount(d, "t") == 1);
    // An exception half way through an action leaves nothing of it behind.
    try {
        db::Transaction tx(d);
        d.exec("INSERT INTO t VALUES (4)");
        d.exec("INSERT INTO no_such_table VALUES (5)");
        tx.commit();
    } catch (const db::DbError&) {
    }
    CHECK_FALSE(d.inTransaction());
    CHECK(d.scalarInt("SELECT group_concat(x) FROM t") == 3);
}

TEST_CASE("A Transaction inside another is a savepoint: its rollback undoes only its part") {
    db::Database d(":memory:");
    d.exec("CREATE TABLE t (x INTEGER)");
    {
        db::Transaction outer(d);
        d.exec("INSERT INTO t VALUES (1)");
        {
            db::Transaction inner(d);
            d.exec("INSERT INTO t VALUES (2)");
        } // not committed: rolls back to the savepoint
        CHECK(d.inTransaction());
        {
            db::Transaction inner(d);
            d.exec("INSERT INTO t VALUES (3)");
            inner.commit();
        }
        CHECK(d.inTransaction());
        outer.commit();
    }
    CHECK(d.scalarText("SELECT group_concat(x) FROM t") == std::optional<std::string>("1,3"));
    // The outer rollback takes the committed inner part with it.
    {
        db::Transaction outer(d);
        {
            db::Transaction inner(d);
            d.exec("INSERT INTO t VALUES (4)");
            inner.commit();
        }
    }
    CHECK(d.scalarInt("SELECT count(*) FROM t") == 2);
}

TEST_CASE("Transaction on a file: a rolled-back change is not on disk") {
    test::TempDir dir;
    const auto path = dir.file("tx.sqlite");
    {
        auto d = db::openCache(path);
        d.exec("CREATE TABLE t (x INTEGER)");
        db::Transaction tx(d);
        d.exec("INSERT INTO t VALUES (1)");
    }
    auto d = db::openCache(path);
    CHECK(rowCount(d, "t") == 0);
}

TEST_CASE("c175_fold SQL function folds like foldForSearch") {
    db::Database d(":memory:");
    CHECK(d.scalarText("SELECT c175_fold('\u0110\u1ED3ng Xu\u00E2n')") == "dong xuan");
    CHECK(d.scalarText("SELECT c175_fold('\u0110o\u0302\u0300ng Xua\u0302n')") == "dong xuan");
    CHECK_FALSE(d.scalarText("SELECT c175_fold(NULL)").has_value());
    d.exec("CREATE TABLE names (n TEXT)");
    db::Statement ins(d, "INSERT INTO names VALUES (?)");
    for (const char* n : {"Ch\u1EE3 \u0110\u1ED3ng Xu\u00E2n", "\u0110\u00E0 N\u1EB5ng",
                          "Ph\u1ED1 \u0111i b\u1ED9 Nguy\u1EC5n Hu\u1EC7", "Dong Thap"})
        ins.bind(1, n).run();
    db::Statement find(d, "SELECT count(*) FROM names WHERE c175_fold(n) LIKE '%' || "
                          "c175_fold(?) || '%'");
    const auto count = [&](const char* q) {
        find.bind(1, q);
        REQUIRE(find.step());
        const auto n = find.getInt64(0);
        find.reset();
        return n;
    };
    CHECK(count("dong") == 2); // Đồng Xuân and Dong Thap
    CHECK(count("\u0110\u1ED2NG XU\u00C2N") == 1);
    CHECK(count("nguyen hue") == 1);
    CHECK(count("da nang") == 1);
    CHECK(count("hanoi") == 0);
}

TEST_CASE("openCache migrates a new file and records every migration") {
    test::TempDir dir;
    const auto path = dir.file("cache.sqlite");
    const auto& migrations = db::embeddedMigrations();
    REQUIRE_FALSE(migrations.empty());
    CHECK(migrations.front().version == 1);
    for (std::size_t i = 1; i < migrations.size(); ++i)
        CHECK(migrations[i - 1].version < migrations[i].version);
    CHECK(db::latestSchemaVersion() == migrations.back().version);
    {
        auto d = db::openCache(path);
        CHECK(d.scalarInt("PRAGMA user_version") == db::latestSchemaVersion());
        CHECK(d.scalarText("PRAGMA journal_mode") == "wal");
        CHECK(rowCount(d, "schema_migrations") == static_cast<int>(migrations.size()));
        db::Statement st(d, "SELECT version, name, applied_at FROM schema_migrations ORDER BY "
                            "version");
        for (const auto& m : migrations) {
            REQUIRE(st.step());
            CHECK(st.getInt(0) == m.version);
            CHECK(st.getText(1) == m.name);
            std::int64_t t = 0;
            CHECK(core::parseIsoTime(st.getText(2), t));
        }
        for (const char* table : {"users", "audit_log", "admin_units", "sync_outbox", "tipoffs"})
            CHECK(d.tableExists(table));
    }
    // Opening again applies nothing twice.
    auto d = db::openCache(path);
    CHECK(rowCount(d, "schema_migrations") == static_cast<int>(migrations.size()));
    CHECK(test::memoryCache().scalarInt("PRAGMA user_version") == db::latestSchemaVersion());
}

TEST_CASE("openCache brings an older cache up to date, keeping its rows") {
    const auto& migrations = db::embeddedMigrations();
    test::TempDir dir;
    const auto path = dir.file("old.sqlite");
    {
        db::Database d(path);
        d.exec(migrations.front().sql);
        d.exec("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
               "applied_at TEXT NOT NULL)");
        d.exec("INSERT INTO schema_migrations VALUES (1, '" + migrations.front().name +
               "', '2026-01-01T00:00:00Z')");
        d.exec("CREATE TABLE keepsake (x TEXT)");
        d.exec("INSERT INTO keepsake VALUES ('still here')");
        d.exec("PRAGMA user_version = 1");
    }
    auto d = db::openCache(path);
    CHECK(d.scalarInt("PRAGMA user_version") == db::latestSchemaVersion());
    CHECK(rowCount(d, "schema_migrations") == static_cast<int>(migrations.size()));
    CHECK(d.scalarText("SELECT applied_at FROM schema_migrations WHERE version = 1") ==
          "2026-01-01T00:00:00Z");
    CHECK(d.scalarText("SELECT x FROM keepsake") == "still here");
}

TEST_CASE("A failing migration leaves the cache at its old version") {
    const auto& migrations = db::embeddedMigrations();
    if (migrations.size() < 2) {
        MESSAGE("only one migration: nothing to fail half way");
        return;
    }
    // Make the second migration fail: create a table it creates (without IF NOT EXISTS).
    const std::regex create(R"(CREATE\s+TABLE\s+(?!IF\s)(\w+))", std::regex::icase);
    std::smatch m;
    const std::string& sql = migrations[1].sql;
    if (!std::regex_search(sql, m, create)) {
        MESSAGE("migration " << migrations[1].name << " creates no plain table");
        return;
    }
    test::TempDir dir;
    const auto path = dir.file("clash.sqlite");
    {
        db::Database d(path);
        d.exec(migrations.front().sql);
        d.exec("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
               "applied_at TEXT NOT NULL)");
        d.exec("INSERT INTO schema_migrations VALUES (1, 'x', '2026-01-01T00:00:00Z')");
        d.exec("CREATE TABLE " + m[1].str() + " (clash INTEGER)");
        d.exec("PRAGMA user_version = 1");
    }
    CHECK_THROWS_AS(db::openCache(path), db::DbError);
    db::Database d(path);
    CHECK(d.scalarInt("PRAGMA user_version") == 1);
    CHECK(rowCount(d, "schema_migrations") == 1);
    CHECK(d.scalarInt("SELECT count(*) FROM pragma_table_info('" + m[1].str() +
                      "') WHERE name = 'clash'") == 1);
}

TEST_CASE("openCache refuses a folder") {
    test::TempDir dir;
    const auto folder = dir.file("a-folder");
    fs::create_directory(folder);
    CHECK_THROWS_AS(db::openCache(folder), db::DbError);
    CHECK(fs::is_directory(folder));
    CHECK(fs::is_empty(folder));
}

TEST_CASE("openCache refuses garbage without changing it") {
    test::TempDir dir;
    std::mt19937 rng(175);
    std::string noise(8192, '\0');
    for (char& c : noise)
        c = static_cast<char>(rng() & 0xFF);
    const auto random = dir.file("random.sqlite");
    writeFile(random, noise);
    expectRefusedUnchanged(random);

    const auto text = dir.file("notes.txt");
    writeFile(text, "Ghi ch\u00FA: kh\u00F4ng ph\u1EA3i c\u01A1 s\u1EDF d\u1EEF li\u1EC7u.\n");
    expectRefusedUnchanged(text);

    // A real SQLite header followed by noise: damaged, refused.
    const auto damaged = dir.file("damaged.sqlite");
    { auto d = db::openCache(damaged); }
    std::string bytes = readFile(damaged);
    REQUIRE(bytes.size() > 8192);
    for (std::size_t i = 100; i < bytes.size(); ++i)
        bytes[i] = static_cast<char>(rng() & 0xFF);
    writeFile(damaged, bytes);
    expectRefusedUnchanged(damaged);
}

TEST_CASE("openCache refuses a truncated cache without changing it") {
    test::TempDir dir;
    const auto path = dir.file("cut.sqlite");
    {
        auto d = db::openCache(path);
        d.exec("CREATE TABLE filler (x TEXT)");
        db::Transaction tx(d);
        db::Statement ins(d, "INSERT INTO filler VALUES (?)");
        for (int i = 0; i < 200; ++i)
            ins.bind(1, std::string(500, static_cast<char>('a' + i % 26))).run();
        tx.commit();
    }
    REQUIRE_FALSE(fs::exists(path + "-wal")); // closing checkpointed everything into the file
    const auto full = fs::file_size(path);
    fs::resize_file(path, full / 2);
    const std::string message = expectRefusedUnchanged(path);
    CHECK(message.find(std::to_string(full)) != std::string::npos);
}

TEST_CASE("openCache refuses a cache made by a newer program without changing it") {
    test::TempDir dir;
    const auto path = dir.file("newer.sqlite");
    const int newer = db::latestSchemaVersion() + 1;
    {
        db::Database d(path);
        d.exec("CREATE TABLE future (x TEXT)");
        d.exec("INSERT INTO future VALUES ('from tomorrow')");
        d.exec("PRAGMA user_version = " + std::to_string(newer));
    }
    const std::string message = expectRefusedUnchanged(path);
    CHECK(message.find(std::to_string(newer)) != std::string::npos);
    expectRefusedUnchanged(path, db::OpenMode::ReadOnly);
    expectRefusedUnchanged(path, db::OpenMode::ReadWriteExisting);
    db::Database d(path, db::OpenMode::ReadOnly);
    CHECK(d.scalarText("SELECT x FROM future") == "from tomorrow");
}

TEST_CASE("openCache modes: existing files only, read-only needs an up-to-date schema") {
    test::TempDir dir;
    const auto missing = dir.file("missing.sqlite");
    CHECK_THROWS_AS(db::openCache(missing, db::OpenMode::ReadWriteExisting), db::DbError);
    CHECK_FALSE(fs::exists(missing));

    const auto old = dir.file("old.sqlite");
    {
        db::Database d(old);
        d.exec("CREATE TABLE t (x INTEGER)");
    }
    expectRefusedUnchanged(old, db::OpenMode::ReadOnly);

    const auto current = dir.file("current.sqlite");
    { auto d = db::openCache(current); }
    auto ro = db::openCache(current, db::OpenMode::ReadOnly);
    CHECK(ro.scalarInt("PRAGMA user_version") == db::latestSchemaVersion());
    CHECK_THROWS_AS(ro.exec("INSERT INTO sync_state(key, value) VALUES ('k', 'v')"), db::DbError);
}
