// Translation of messages made below the GUI (models, sync, c175ctl) from the same c175.mo
// catalog the GUI loads through wxTranslations. Mark text with tr("...") so xgettext finds it.
#pragma once
#include <sstream>
#include <string>
#include <string_view>

namespace c175::core {

// Loads <localeDir>/<lang>/LC_MESSAGES/c175.mo; "en" or a missing catalog means msgids as they are.
// Returns false when the catalog was wanted but could not be read.
bool setLanguage(const std::string& lang, const std::string& localeDir);
const std::string& currentLanguage();
// The locale folder beside a program: <exe dir>/../share/locale (build tree and install alike).
std::string defaultLocaleDir();

// The translation of msgid in the current language (msgid itself when there is none).
const char* tr(const char* msgid);

// fmt("Row {} of {}", 3, 10): each {} takes the next argument, streamed.
inline void fmtInto(std::ostringstream& out, std::string_view pattern) {
    out << pattern;
}
template <typename T, typename... Rest>
void fmtInto(std::ostringstream& out, std::string_view pattern, const T& first,
             const Rest&... rest) {
    const auto at = pattern.find("{}");
    if (at == std::string_view::npos) {
        out << pattern;
        return;
    }
    out << pattern.substr(0, at) << first;
    fmtInto(out, pattern.substr(at + 2), rest...);
}
template <typename... Args> std::string fmt(std::string_view pattern, const Args&... args) {
    std::ostringstream out;
    fmtInto(out, pattern, args...);
    return out.str();
}

} // namespace c175::core
