// Where the console keeps its files: the XDG data, config and state folders.
#pragma once
#include <string>

namespace c175::app {

// $XDG_DATA_HOME/c175 (~/.local/share/c175), $XDG_CONFIG_HOME/c175, $XDG_STATE_HOME/c175.
std::string dataDir();
std::string configDir();
std::string stateDir();

std::string defaultCachePath(); // <data>/cache.db
std::string configFilePath();   // <config>/console.ini
std::string logFilePath();      // <state>/console.log

// The folder of the running program (for <exe dir>/../share/...).
std::string executableDir();

} // namespace c175::app
