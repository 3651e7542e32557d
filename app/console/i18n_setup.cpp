#include "i18n_setup.h"

#include "app_paths.h"

#include "core/i18n.h"

#include <wx/intl.h>
#include <wx/log.h>
#include <wx/translation.h>
#include <wx/uilocale.h>

#include <clocale>
#include <cstring>
#include <langinfo.h>

namespace c175::app {

std::string localeDir() {
    return executableDir() + "/../share/locale";
}

void useUtf8Locale() {
    wxUILocale::UseDefault();
    if (std::strcmp(nl_langinfo(CODESET), "UTF-8") != 0 && !std::setlocale(LC_CTYPE, "C.UTF-8"))
        wxLogWarning("No UTF-8 locale: text beyond ASCII may not show. Set LANG=C.UTF-8.");
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
    if (!found && code != "en")
        wxLogWarning("The %s catalog c175.mo was not found under %s.", code, localeDir());
    return found || code == "en";
}

} // namespace c175::app
