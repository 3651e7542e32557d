#include "i18n_setup.h"

#include "app_paths.h"

#include "core/i18n.h"

#include <wx/intl.h>
#include <wx/log.h>
#include <wx/translation.h>
#include <wx/uilocale.h>

#include <clocale>
#include <cstdlib>
#include <cstring>
#include <langinfo.h>
#include <locale.h>

namespace c175::app {

std::string localeDir() {
    return executableDir() + "/../share/locale";
}

void useUtf8Locale() {
    wxUILocale::UseDefault();
    if (std::strcmp(nl_langinfo(CODESET), "UTF-8") != 0 && !std::setlocale(LC_CTYPE, "C.UTF-8"))
        wxLogWarning("No UTF-8 locale: text beyond ASCII may not show. Set LANG=C.UTF-8.");
}

void useVietnameseDates(bool on) {
    // Date pickers write dates in the UI locale's short format: day first in Vietnamese. Only
    // the time category follows, so numbers keep their '.' for parsing. Left alone when the
    // person set LC_ALL or LC_TIME, or when the system lacks vi_VN.UTF-8 (install-deps makes it).
    static const char* const kLocale = "vi_VN.UTF-8";
    static bool set = false;
    if (on == set || std::getenv("LC_ALL") || (!set && std::getenv("LC_TIME")))
        return;
    if (on) {
        locale_t probe = newlocale(LC_TIME_MASK, kLocale, static_cast<locale_t>(nullptr));
        if (!probe)
            return;
        freelocale(probe);
        setenv("LC_TIME", kLocale, 1);
    } else {
        unsetenv("LC_TIME");
    }
    set = on;
    useUtf8Locale(); // the UI locale is read from the environment
}

bool setupTranslations(const std::string& lang) {
    const std::string code = lang == "en" ? "en" : "vi";
    static bool prefixAdded = false;
    if (!prefixAdded) {
        wxFileTranslationsLoader::AddCatalogLookupPathPrefix(wxString::FromUTF8(localeDir()));
        prefixAdded = true;
    }
    auto* translations = new wxTranslations;
    translations->SetLanguage(code == "vi" ? wxLANGUAGE_VIETNAMESE : wxLANGUAGE_ENGLISH_US);
    translations->AddStdCatalog();
    const bool found = translations->AddCatalog("c175", wxLANGUAGE_ENGLISH_US);
    wxTranslations::Set(translations);
    // Messages made below the GUI (DbError, LoginError, role labels) from the same catalog.
    core::setLanguage(code, core::defaultLocaleDir());
    useVietnameseDates(code == "vi");
    if (!found && code != "en")
        wxLogWarning("The %s catalog c175.mo was not found under %s.", code, localeDir());
    return found || code == "en";
}

} // namespace c175::app
