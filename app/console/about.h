// Help > About: version, purpose and the licences of the geodata the map shows.
#pragma once
#include <wx/aboutdlg.h>

class wxWindow;

namespace c175::app {

wxAboutDialogInfo aboutInfo();
void showAbout(wxWindow* parent);

} // namespace c175::app
