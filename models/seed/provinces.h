// The 34 provinces of 2025 as the seed needs them: names, centres, how busy they are.
#pragma once
#include <string>
#include <vector>

namespace c175::seed {

struct ProvinceInfo {
    const char* code;        // 2025 official code, "01"
    const char* name;        // "Hà Nội"
    double lat, lon;         // the provincial capital, roughly
    long population;         // published 2025 figure (weights where records go)
    double tourism;          // relative weight for lodgings and stays
    const char* formerCodes; // pre-2025 codes merged into it ("79 74 77"): CCCD birth places
    const char* plateCodes;  // vehicle plate codes issued there ("50 51 ... 61 72")
};

const std::vector<ProvinceInfo>& provinces2025();
// Index in provinces2025() for a code, or -1.
int provinceIndex(const std::string& code);

// Splits "79 74 77" into its codes.
std::vector<std::string> splitCodes(const char* text);

} // namespace c175::seed
