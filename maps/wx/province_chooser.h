// A searchable province chooser for the map: the 34 provinces in Vietnamese alphabetical order,
// typed names completed with or without accents.
#pragma once
#include "db/database.h"

#include <wx/combobox.h>

#include <string>
#include <string_view>
#include <vector>

namespace c175::maps {

// Vietnamese dictionary order: letters first (a < ă < â < b ... d < đ ...), tone marks only
// break ties, so "Đà Nẵng" comes after every "D..." name and "An Giang" before "Bắc Ninh".
bool vietnameseLess(std::string_view a, std::string_view b);

class ProvinceChooser : public wxComboBox {
public:
    ProvinceChooser(wxWindow* parent, db::Database& db);

    // The province code for what the box shows: the chosen item, or the one province whose
    // name matches the typed text (accents optional); empty when none or several match.
    std::string chosenCode() const;
    // Shows the province with this code (empty or unknown = clears the box).
    void showCode(const std::string& code);
    std::size_t provinceCount() const { return m_codes.size(); }

private:
    std::vector<std::string> m_codes; // in item order
    std::vector<std::string> m_folded;
};

} // namespace c175::maps
