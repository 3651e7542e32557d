// Helpers shared by the test areas: scratch folders and a migrated cache.
#pragma once
#include "db/migrations.h"
#include "seed/seed.h"

#include <filesystem>
#include <random>
#include <stdexcept>
#include <string>

namespace c175::test {

// A fresh folder under the system temp dir, removed when the object goes.
class TempDir {
public:
    TempDir() {
        std::random_device rd;
        m_path = std::filesystem::temp_directory_path() /
                 ("c175-test-" + std::to_string(rd()) + std::to_string(rd()));
        std::filesystem::create_directories(m_path);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(m_path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return m_path; }
    std::string file(const std::string& name) const { return (m_path / name).string(); }

private:
    std::filesystem::path m_path;
};

// The password the demo seed gives a demo account ("admin", "officer", ...).
inline std::string demoPassword(const std::string& username) {
    for (const auto& user : seed::demoUsers())
        if (user.username == username)
            return user.password;
    throw std::invalid_argument("no demo user " + username);
}

inline db::Database memoryCache() {
    return db::openCache(":memory:");
}

} // namespace c175::test
