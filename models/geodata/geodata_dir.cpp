#include "geodata/geodata_dir.h"

#include <cstdlib>
#include <filesystem>

#ifndef C175_DEFAULT_GEODATA
#define C175_DEFAULT_GEODATA ""
#endif

namespace c175::geodata {

std::string defaultGeodataDir() {
    if (const char* env = std::getenv("C175_GEODATA"); env && *env)
        return env;
    std::error_code ec;
    if (const std::string built = C175_DEFAULT_GEODATA;
        !built.empty() && std::filesystem::is_directory(built, ec))
        return built;
    return "../shared/data/geo";
}

} // namespace c175::geodata
