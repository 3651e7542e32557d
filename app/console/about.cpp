#include "about.h"

#include "app_icon.h"

#include <wx/intl.h>

namespace c175::app {
namespace {

// Legal text stays in its original English: a translation would not be the licence.
const char* const kMitLicence =
    "Permission is hereby granted, free of charge, to any person obtaining a copy of this "
    "software and associated documentation files (the \"Software\"), to deal in the Software "
    "without restriction, including without limitation the rights to use, copy, modify, merge, "
    "publish, distribute, sublicense, and/or sell copies of the Software, and to permit persons "
    "to whom the Software is furnished to do so, subject to the following conditions:\n\n"
    "The above copyright notice and this permission notice shall be included in all copies or "
    "substantial portions of the Software.\n\n"
    "THE SOFTWARE IS PROVIDED \"AS IS\", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, "
    "INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR "
    "PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE "
    "FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR "
    "OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER "
    "DEALINGS IN THE SOFTWARE.";

wxString licenceText() {
    wxString text;
    text << _("Map data licences") << "\n\n";
    text << _("Province (34) and commune (3,321) boundaries of 2025, from "
              "github.com/thanglequoc/vietnamese-provinces-database, derived from the Vietnam "
              "Administrative Units Reference Map (sapnhap.bando.com.vn).")
         << "\n"
         << "MIT License, Copyright (c) 2021 Thang Le Quoc\n\n";
    text << _("Province and commune population and area figures, from "
              "github.com/tranngocminhhieu/vietnamadminunits (scraped from "
              "sapnhap.bando.com.vn).")
         << "\n"
         << "MIT License, Copyright (c) 2025 Tran Ngoc Minh Hieu\n\n";
    text << kMitLicence << "\n\n";
    text << _("Boundaries of the 63 provinces before 2025: geoBoundaries "
              "(https://www.geoboundaries.org), CC BY 4.0.")
         << "\n"
         << "Runfola D, Anderson A, Baier H, Crittenden M, Dowker E, Fuhrig S, et al. (2020) "
            "geoBoundaries: A global database of political administrative boundaries. PLoS ONE "
            "15(4): e0231866. https://doi.org/10.1371/journal.pone.0231866\n";
    return text;
}

} // namespace

wxAboutDialogInfo aboutInfo() {
    wxAboutDialogInfo info;
    info.SetName(_("C175 Console"));
    info.SetVersion(C175_VERSION);
    info.SetDescription(_("The desk console of Centre 175: kiosks, camera alerts, tip-offs, "
                          "social protection, tourism and lodging, and the GIS map. It keeps a "
                          "local cache and works without a network."));
    info.SetCopyright(_("(C) Centre 175"));
    info.SetLicence(licenceText());
    info.SetIcon(appIcon(64));
    return info;
}

void showAbout(wxWindow* parent) {
    wxAboutBox(aboutInfo(), parent);
}

} // namespace c175::app
