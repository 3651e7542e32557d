// Labels for a dialog's stock buttons in the console's language.
#pragma once

class wxWindow;

namespace c175::panels {

// wxGTK draws stock buttons (OK, Cancel, Close) with GTK's labels, which follow the system
// locale, not the console's language: this gives them the console's words. Call it right after
// the button sizer is made; a dialog that names its OK button ("File tip-off") does so after.
void labelStockButtons(wxWindow* dialog);

} // namespace c175::panels
