// Files compiled into the binaries (migrations), so a program needs nothing beside it to open a cache.
#pragma once
#include <cstddef>

namespace c175::embedded {
struct EmbeddedFile {
    const char* name;
    const char* text;
};
extern const EmbeddedFile migrations[];
extern const std::size_t migrationsCount;
} // namespace c175::embedded
