// Loads the GUI catalogs (wxTranslations) and the models' catalog (core::tr) for one language.
#pragma once
#include <string>

namespace c175::app {

// "vi" (anything but "en") or "en". Returns false when the c175 catalog was not found.
bool setupTranslations(const std::string& lang);
// Sets the C library locale from the environment and makes sure it converts UTF-8: wx turns
// char* text (msgids, literals) into wxString through it, and in the plain "C" locale anything
// beyond ASCII would come out empty. Call first thing at start-up.
void useUtf8Locale();
// Vietnamese dates (day first) in date pickers while the console speaks Vietnamese; called by
// setupTranslations.
void useVietnameseDates(bool on);
// <exe dir>/../share/locale.
std::string localeDir();

} // namespace c175::app
