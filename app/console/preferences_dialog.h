// Preferences: language (after a restart), default cache location and the sync hub URL.
#pragma once
#include "dialog_base.h"

class wxChoice;
class wxFilePickerCtrl;
class wxTextCtrl;
class wxStaticText;

namespace c175::app {

struct Preferences {
    std::string language = "vi"; // "vi" or "en"
    std::string cachePath;       // empty = the default cache
    wxString hubUrl;             // empty = sync not configured
};

class PreferencesDialog : public DialogBase {
public:
    PreferencesDialog(wxWindow* parent, Settings& settings, const Preferences& initial);

    bool TransferDataToWindow() override;
    // Refuses (with the reason shown in the dialog) a hub URL that is not http(s)://host:port.
    bool TransferDataFromWindow() override;

    const Preferences& preferences() const { return m_prefs; }

private:
    Preferences m_prefs;
    wxChoice* m_language = nullptr;
    wxFilePickerCtrl* m_cache = nullptr;
    wxTextCtrl* m_hub = nullptr;
    wxStaticText* m_problem = nullptr;
};

// Reads and writes the preferences held in Settings.
Preferences loadPreferences(const Settings& settings);
void storePreferences(Settings& settings, const Preferences& prefs);

} // namespace c175::app
