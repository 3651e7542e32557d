// Demo evidence for seeded tip-offs: a few small, real media files (PNG photos, WAV recordings)
// generated once and taken into the cache's evidence store the way intake takes any file.
#pragma once
#include "tipoff/evidence.h"

#include <cstdint>
#include <string>
#include <vector>

namespace c175::db {
class Database;
}

namespace c175::seed {

struct DemoEvidenceFile {
    tipoff::StoredEvidence stored;
    std::string description; // as a reporter writes it
};

// Generates the files and puts them into the store beside the cache (EvidenceStore::put: the
// media type is sniffed, the SHA-256 computed while copying). Empty for a cache without an
// evidence folder (":memory:"), since rows would then name files nobody can open.
std::vector<DemoEvidenceFile> makeDemoEvidence(db::Database& db, std::uint64_t seed);

// The generators, exposed for tests: a width x height RGB PNG (stored deflate, valid CRCs and
// Adler-32) and an 8 kHz, 8-bit mono WAV tone.
std::string demoPng(int width, int height, std::uint64_t variant);
std::string demoWav(double seconds, double hertz);

} // namespace c175::seed
