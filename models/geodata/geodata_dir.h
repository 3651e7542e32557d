// Where the geodata files are looked for when no folder is given.
#pragma once
#include <string>

namespace c175::geodata {

// $C175_GEODATA when set, else the folder fixed at build time (C175_DEFAULT_GEODATA) when it
// exists, else "../shared/data/geo" (relative to the working folder).
std::string defaultGeodataDir();

} // namespace c175::geodata
