// The application icon for frames, dialogs and About.
#pragma once
#include <wx/icon.h>
#include <wx/iconbndl.h>

namespace c175::app {

wxIcon appIcon(int size);
wxIconBundle appIcons();

} // namespace c175::app
