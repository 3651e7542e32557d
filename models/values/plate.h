// Vietnamese vehicle registration plate, normalised to its canonical printed form.
#pragma once
#include <string>
#include <string_view>

namespace c175::values {

// Cars "51F-123.45" (or old 4-digit "30A-1234"), motorbikes "29-B1 123.45" (or "29-B1 1234").
// The first two digits are a plate province code as issued (11..99); case, spaces and separators
// are normalised.
class VehiclePlate {
public:
    // Throws core::ValidationError(field, rule).
    static VehiclePlate parse(std::string_view text, std::string_view field = "plate");

    const std::string& str() const { return m_text; }
    std::string provinceCode() const { return m_text.substr(0, 2); }
    bool motorbike() const { return m_motorbike; }

    friend bool operator==(const VehiclePlate&, const VehiclePlate&) = default;

private:
    VehiclePlate(std::string text, bool motorbike)
        : m_text(std::move(text)), m_motorbike(motorbike) {}
    std::string m_text;
    bool m_motorbike = false;
};

// True when `code` (two digits) is a plate province code issued by the traffic police.
bool isPlateProvinceCode(int code);

} // namespace c175::values
