// Base of the console's dialogs: remembers each dialog's size and place between runs.
#pragma once
#include "settings.h"

#include <wx/dialog.h>

namespace c175::app {

// Derived dialogs build their controls, then call finishLayout(); data moves through
// TransferDataToWindow / TransferDataFromWindow (as in KiCad's DIALOG_SHIM).
class DialogBase : public wxDialog {
public:
    DialogBase(wxWindow* parent, Settings& settings, const wxString& name, const wxString& title,
               long style = wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER);

    bool Show(bool show = true) override;

protected:
    // Fits the sizer, then restores the saved size (never below the fitted one) and place.
    void finishLayout(wxSizer* content);
    // Closes with `code` whether shown modally or not.
    void finish(int code);
    Settings& settings() { return m_settings; }

private:
    void savePlace();
    Settings& m_settings;
    wxString m_name;
};

} // namespace c175::app
