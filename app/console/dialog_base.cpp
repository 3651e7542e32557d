#include "dialog_base.h"

#include <wx/display.h>
#include <wx/sizer.h>

namespace c175::app {

DialogBase::DialogBase(wxWindow* parent, Settings& settings, const wxString& name,
                       const wxString& title, long style)
    : wxDialog(parent, wxID_ANY, title, wxDefaultPosition, wxDefaultSize, style, name),
      m_settings(settings), m_name(name) {}

void DialogBase::finishLayout(wxSizer* content) {
    SetSizerAndFit(content);
    const wxSize fitted = GetSize();
    SetMinSize(fitted);
    const auto place = m_settings.windowPlace("Dialogs/" + m_name);
    if (!place) {
        CentreOnParent();
        return;
    }
    wxSize size = place->rect.GetSize();
    size.IncTo(fitted);
    SetSize(size);
    // Only back to a place that is still on a screen (a monitor may have gone since).
    if (wxDisplay::GetFromPoint(place->rect.GetTopLeft()) != wxNOT_FOUND)
        Move(place->rect.GetTopLeft());
    else
        CentreOnParent();
}

bool DialogBase::Show(bool show) {
    if (!show && IsShown())
        savePlace();
    return wxDialog::Show(show);
}

void DialogBase::finish(int code) {
    if (IsModal())
        EndModal(code);
    else {
        SetReturnCode(code);
        Show(false);
    }
}

void DialogBase::savePlace() {
    m_settings.setWindowPlace("Dialogs/" + m_name, WindowPlace{GetRect(), false});
}

} // namespace c175::app
