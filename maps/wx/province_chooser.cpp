#include "province_chooser.h"

#include "core/text_fold.h"
#include "geodata/units.h"

#include <wx/intl.h>
#include <wx/textcompleter.h>

#include <algorithm>

namespace c175::maps {
namespace {

// The Vietnamese vowels with their five tone marks, in the order dictionaries use
// (level, grave, hook, tilde, acute, dot below); lower case then upper case.
constexpr std::u32string_view kVowels[] = {
    U"aàảãáạ", U"ăằẳẵắặ", U"âầẩẫấậ", U"eèẻẽéẹ", U"êềểễếệ", U"iìỉĩíị", U"oòỏõóọ", U"ôồổỗốộ",
    U"ơờởỡớợ", U"uùủũúụ", U"ưừửữứự", U"yỳỷỹýỵ", U"AÀẢÃÁẠ", U"ĂẰẲẴẮẶ", U"ÂẦẨẪẤẬ", U"EÈẺẼÉẸ",
    U"ÊỀỂỄẾỆ", U"IÌỈĨÍỊ", U"OÒỎÕÓỌ", U"ÔỒỔỖỐỘ", U"ƠỜỞỠỚỢ", U"UÙỦŨÚỤ", U"ƯỪỬỮỨỰ", U"YỲỶỸÝỴ"};

// The rank of a letter in the Vietnamese alphabet (case folded) and its tone (0 = none).
struct Letter {
    int rank;
    int tone;
};

Letter letterOf(char32_t c) {
    int tone = 0;
    for (const auto& row : kVowels)
        if (auto at = row.find(c); at != std::u32string_view::npos) {
            c = row[0];
            tone = static_cast<int>(at);
            break;
        }
    if (c >= U'A' && c <= U'Z')
        c = c - U'A' + U'a';
    // Letters with a modifier sort right after their base letter: a < ă < â, d < đ, ...
    const auto after = [](char32_t base, int step) { return int(base - U'a') * 4 + 10 + step; };
    switch (c) {
    case U'ă':
    case U'Ă':
        return {after(U'a', 1), tone};
    case U'â':
    case U'Â':
        return {after(U'a', 2), tone};
    case U'đ':
    case U'Đ':
        return {after(U'd', 1), tone};
    case U'ê':
    case U'Ê':
        return {after(U'e', 1), tone};
    case U'ô':
    case U'Ô':
        return {after(U'o', 1), tone};
    case U'ơ':
    case U'Ơ':
        return {after(U'o', 2), tone};
    case U'ư':
    case U'Ư':
        return {after(U'u', 1), tone};
    default:
        break;
    }
    if (c >= U'a' && c <= U'z')
        return {after(c, 0), tone};
    if (c == U' ')
        return {0, 0}; // "Hà Giang" before "Hà Nam" before "Hải Phòng"... by words
    if (c >= U'0' && c <= U'9')
        return {1, 0};
    return {200 + static_cast<int>(c), 0};
}

struct SortKey {
    std::vector<int> letters;
    std::vector<int> tones;
};

SortKey sortKey(std::string_view text) {
    SortKey key;
    for (std::size_t pos = 0; pos < text.size();) {
        const Letter l = letterOf(core::decodeUtf8(text, pos));
        key.letters.push_back(l.rank);
        key.tones.push_back(l.tone);
    }
    return key;
}

// Offers every province whose folded name contains what was typed, also without accents
// ("da nang" finds "Đà Nẵng").
class FoldingCompleter : public wxTextCompleterSimple {
public:
    FoldingCompleter(std::vector<wxString> names, std::vector<std::string> folded)
        : m_names(std::move(names)), m_folded(std::move(folded)) {}

    void GetCompletions(const wxString& prefix, wxArrayString& res) override {
        const std::string typed = core::foldForSearch(prefix.utf8_string());
        for (std::size_t i = 0; i < m_names.size(); ++i)
            if (m_folded[i].find(typed) != std::string::npos)
                res.push_back(m_names[i]);
    }

private:
    std::vector<wxString> m_names;
    std::vector<std::string> m_folded;
};

} // namespace

bool vietnameseLess(std::string_view a, std::string_view b) {
    const SortKey ka = sortKey(a), kb = sortKey(b);
    if (ka.letters != kb.letters)
        return ka.letters < kb.letters;
    return ka.tones < kb.tones;
}

ProvinceChooser::ProvinceChooser(wxWindow* parent, db::Database& db)
    : wxComboBox(parent, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0, nullptr,
                 wxCB_DROPDOWN | wxTE_PROCESS_ENTER) {
    auto units = geodata::listUnits(db, "2025", "province");
    std::sort(units.begin(), units.end(),
              [](const auto& a, const auto& b) { return vietnameseLess(a.name, b.name); });
    std::vector<wxString> names;
    for (const auto& unit : units) {
        names.push_back(wxString::FromUTF8(unit.name));
        Append(names.back());
        m_codes.push_back(unit.code);
        m_folded.push_back(core::foldForSearch(unit.name));
    }
    SetHint(_("Zoom to a province…"));
    SetToolTip(_("Type or choose a province to zoom the map to it"));
    AutoComplete(new FoldingCompleter(std::move(names), m_folded));
}

std::string ProvinceChooser::chosenCode() const {
    const int selected = GetSelection();
    if (selected != wxNOT_FOUND && static_cast<std::size_t>(selected) < m_codes.size() &&
        GetString(static_cast<unsigned>(selected)) == GetValue())
        return m_codes[static_cast<std::size_t>(selected)];
    const std::string typed = core::foldForSearch(GetValue().utf8_string());
    if (typed.empty())
        return {};
    std::vector<std::size_t> matches;
    for (std::size_t i = 0; i < m_folded.size(); ++i) {
        if (m_folded[i] == typed)
            return m_codes[i]; // an exact name wins over names that merely contain it
        if (m_folded[i].find(typed) != std::string::npos)
            matches.push_back(i);
    }
    return matches.size() == 1 ? m_codes[matches.front()] : std::string();
}

void ProvinceChooser::showCode(const std::string& code) {
    const auto at = std::find(m_codes.begin(), m_codes.end(), code);
    if (at == m_codes.end()) {
        ChangeValue(wxString());
        return;
    }
    const auto index = static_cast<int>(at - m_codes.begin());
    SetSelection(index);
}

} // namespace c175::maps
