// The c175-console program itself: bad caches end with one sentence and a non-zero status, never
// a crash; --screenshots saves one PNG per pane; --report-startup prints its figures.
#include "gui_support.h"

#include "db/migrations.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

using namespace c175;

namespace {

std::string console() {
    return test::binDir() + "/c175-console";
}

// Each run gets its own XDG folders, so it neither reads nor changes the person's settings.
std::string isolated(const test::TempDir& dir) {
    return "env XDG_CONFIG_HOME='" + dir.file("config") + "' XDG_STATE_HOME='" + dir.file("state") +
           "' XDG_DATA_HOME='" + dir.file("data") + "' ";
}

test::CommandResult runUnattended(const test::TempDir& dir, const std::string& cache,
                                  const std::string& extra = "") {
    return test::runCommand(isolated(dir) + "C175_PASSWORD='" + test::demoPassword("admin") +
                            "' '" + console() + "' --lang en --db '" + cache +
                            "' --user admin --screenshots '" + dir.file("shots") + "' " + extra);
}

int lineCount(const std::string& text) {
    int n = 0;
    for (char c : text)
        n += c == '\n';
    return n;
}

} // namespace

TEST_CASE("c175-console refuses a bad cache with one sentence and a non-zero status") {
    REQUIRE(std::filesystem::exists(console()));
    test::TempDir dir;

    SUBCASE("a folder") {
        std::filesystem::create_directories(dir.file("folder.db"));
        const auto r = runUnattended(dir, dir.file("folder.db"));
        CHECK(r.status != 0);
        CHECK(r.output.find("is a folder, not a file") != std::string::npos);
    }
    SUBCASE("a file that is not a cache") {
        std::ofstream(dir.file("junk.db")) << std::string(8192, 'x');
        const auto r = runUnattended(dir, dir.file("junk.db"));
        CHECK(r.status != 0);
        CHECK(r.output.find("junk.db") != std::string::npos);
        CHECK(r.output.find("not a C175 cache") != std::string::npos);
    }
    SUBCASE("a truncated cache") {
        const auto cut = dir.file("cut.db");
        std::filesystem::copy_file(test::seededCache(), cut);
        std::filesystem::resize_file(cut, std::filesystem::file_size(cut) / 2);
        const auto before = std::filesystem::file_size(cut);
        const auto r = runUnattended(dir, cut);
        CHECK(r.status != 0);
        CHECK(r.output.find("cut.db") != std::string::npos);
        CHECK(std::filesystem::file_size(cut) == before); // nothing written
    }
    SUBCASE("a cache from a newer program") {
        const auto newer = dir.file("newer.db");
        {
            auto db = db::openCache(newer);
            db.exec("PRAGMA user_version = 9999");
        }
        const auto r = runUnattended(dir, newer);
        CHECK(r.status != 0);
        CHECK(r.output.find("newer version") != std::string::npos);
    }
    // Every refusal is also in the log.
    std::ifstream log(dir.file("state") + "/c175/console.log");
    const std::string text((std::istreambuf_iterator<char>(log)), std::istreambuf_iterator<char>());
    CHECK(text.find("[error]") != std::string::npos);
}

TEST_CASE("c175-console refuses a wrong password and a missing one, unattended") {
    test::TempDir dir;
    auto r = test::runCommand(isolated(dir) + "C175_PASSWORD=wrong '" + console() +
                              "' --lang en --db '" + test::seededCache() +
                              "' --user admin --report-startup");
    CHECK(r.status != 0);
    CHECK(r.output.find("startup_ms") == std::string::npos);
    r = test::runCommand(isolated(dir) + "env -u C175_PASSWORD '" + console() + "' --db '" +
                         test::seededCache() + "' --user admin --report-startup");
    CHECK(r.status == 2);
    CHECK(r.output.find("C175_PASSWORD") != std::string::npos);
}

TEST_CASE("--screenshots saves a PNG of every pane the role allows and prints the paths") {
    test::TempDir dir;
    const auto r = runUnattended(dir, test::seededCache(), "--report-startup");
    INFO(r.output);
    REQUIRE(r.status == 0);
    CHECK(r.output.find("startup_ms: ") != std::string::npos);
    CHECK(r.output.find("rss_mb: ") != std::string::npos);
    int pngs = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir.file("shots"))) {
        CHECK(entry.path().extension() == ".png");
        CHECK(r.output.find(entry.path().string()) != std::string::npos);
        CHECK(std::filesystem::file_size(entry.path()) > 10000); // a real picture, not empty
        ++pngs;
    }
    CHECK(pngs == 6);
    CHECK(lineCount(r.output) >= 8);
}
