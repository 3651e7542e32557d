#include "app_paths.h"

#include <cstdlib>
#include <filesystem>

namespace c175::app {
namespace {

// An XDG variable that is unset, empty or relative is ignored (XDG Base Directory spec).
std::string xdgDir(const char* variable, const char* fallbackUnderHome) {
    if (const char* value = std::getenv(variable); value && value[0] == '/')
        return std::string(value) + "/c175";
    const char* home = std::getenv("HOME");
    const std::string base = (home && *home) ? home : "/tmp";
    return base + "/" + fallbackUnderHome + "/c175";
}

} // namespace

std::string dataDir() {
    return xdgDir("XDG_DATA_HOME", ".local/share");
}
std::string configDir() {
    return xdgDir("XDG_CONFIG_HOME", ".config");
}
std::string stateDir() {
    return xdgDir("XDG_STATE_HOME", ".local/state");
}

std::string defaultCachePath() {
    return dataDir() + "/cache.db";
}
std::string configFilePath() {
    return configDir() + "/console.ini";
}
std::string logFilePath() {
    return stateDir() + "/console.log";
}

std::string executableDir() {
    std::error_code ec;
    const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    return ec ? std::string(".") : exe.parent_path().string();
}

} // namespace c175::app
