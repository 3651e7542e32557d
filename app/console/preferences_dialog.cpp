#include "preferences_dialog.h"

#include "app_paths.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/filepicker.h>
#include <wx/intl.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace c175::app {

PreferencesDialog::PreferencesDialog(wxWindow* parent, Settings& settings,
                                     const Preferences& initial)
    : DialogBase(parent, settings, "preferences", _("Preferences")), m_prefs(initial) {
    auto* top = new wxBoxSizer(wxVERTICAL);
    auto* grid = new wxFlexGridSizer(2, wxSize(8, 8));
    grid->AddGrowableCol(1);

    grid->Add(new wxStaticText(this, wxID_ANY, _("&Language:")), 0, wxALIGN_CENTER_VERTICAL);
    // Each language is named in itself, so a person who cannot read the current one finds theirs.
    m_language = new wxChoice(this, wxID_ANY);
    m_language->Append(wxString::FromUTF8("Tiếng Việt"));
    m_language->Append("English");
    grid->Add(m_language, 0);
    grid->AddSpacer(0);
    auto* note = new wxStaticText(this, wxID_ANY, _("A new language applies after a restart."));
    note->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    grid->Add(note, 0);

    grid->Add(new wxStaticText(this, wxID_ANY, _("&Cache file:")), 0, wxALIGN_CENTER_VERTICAL);
    m_cache = new wxFilePickerCtrl(this, wxID_ANY, "", _("Choose the cache file"),
                                   _("C175 cache (*.db)|*.db|All files|*"), wxDefaultPosition,
                                   wxSize(420, -1), wxFLP_SAVE | wxFLP_USE_TEXTCTRL);
    grid->Add(m_cache, 1, wxEXPAND);
    grid->AddSpacer(0);
    auto* cacheNote = new wxStaticText(
        this, wxID_ANY,
        wxString::Format(_("Used at the next start when no --db is given. Empty: %s"),
                         wxString::FromUTF8(defaultCachePath())));
    cacheNote->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    grid->Add(cacheNote, 0);

    grid->Add(new wxStaticText(this, wxID_ANY, _("&Hub URL:")), 0, wxALIGN_CENTER_VERTICAL);
    m_hub = new wxTextCtrl(this, wxID_ANY);
    m_hub->SetHint("https://hub.c175.local:8443");
    grid->Add(m_hub, 1, wxEXPAND);
    top->Add(grid, 1, wxEXPAND | wxALL, 12);

    m_problem = new wxStaticText(this, wxID_ANY, "");
    m_problem->SetForegroundColour(wxColour(176, 0, 32));
    top->Add(m_problem, 0, wxEXPAND | wxLEFT | wxRIGHT, 12);

    auto* buttons = new wxStdDialogButtonSizer();
    buttons->AddButton(new wxButton(this, wxID_OK, _("OK")));
    buttons->AddButton(new wxButton(this, wxID_CANCEL, _("Cancel")));
    buttons->Realize();
    top->Add(buttons, 0, wxEXPAND | wxALL, 12);

    // wxDialog's own OK handler calls Validate + TransferDataFromWindow, then ends the dialog.
    finishLayout(top);
    TransferDataToWindow();
}

bool PreferencesDialog::TransferDataToWindow() {
    m_language->SetSelection(m_prefs.language == "en" ? 1 : 0);
    m_cache->SetPath(wxString::FromUTF8(m_prefs.cachePath));
    m_hub->ChangeValue(m_prefs.hubUrl);
    m_problem->SetLabel("");
    return true;
}

bool PreferencesDialog::TransferDataFromWindow() {
    const wxString hub = m_hub->GetValue().Strip(wxString::both);
    if (const wxString problem = hubUrlProblem(hub); !problem.empty()) {
        m_problem->SetLabel(problem);
        m_problem->Wrap(FromDIP(460));
        GetSizer()->Layout();
        Fit();
        m_hub->SetFocus();
        return false;
    }
    m_prefs.language = m_language->GetSelection() == 1 ? "en" : "vi";
    m_prefs.cachePath = m_cache->GetPath().Strip(wxString::both).utf8_string();
    m_prefs.hubUrl = hub;
    return true;
}

Preferences loadPreferences(const Settings& settings) {
    return Preferences{settings.language(), settings.cachePath(), settings.hubUrl()};
}

void storePreferences(Settings& settings, const Preferences& prefs) {
    settings.setLanguage(prefs.language);
    settings.setCachePath(prefs.cachePath);
    settings.setHubUrl(prefs.hubUrl);
    settings.flush();
}

} // namespace c175::app
