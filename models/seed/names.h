// Vietnamese names, streets and addresses for the demo data.
#pragma once
#include "seed/random.h"

#include <string>

namespace c175::seed {

struct PersonName {
    std::string family, middle, given;
    std::string full() const { return family + " " + middle + " " + given; }
};

// A full name with diacritics, family names weighted by how common they are.
PersonName randomPersonName(Rng& rng, bool female);
// Same family name (a household member).
PersonName randomPersonNameInFamily(Rng& rng, bool female, const std::string& family);
// "Số 12, đường Lê Lợi" (or a lane "Ngõ 45 ...", "Hẻm 12/3 ...").
std::string randomStreetAddress(Rng& rng);
// A street or place name ("Lê Lợi", "Trần Hưng Đạo").
const char* randomStreetName(Rng& rng);

} // namespace c175::seed
