// The one error type of geodata import and reading: the message names the file and the feature.
#pragma once
#include <stdexcept>
#include <string>

namespace c175::geodata {

class GeodataError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

} // namespace c175::geodata
