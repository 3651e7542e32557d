#include "app_icon.h"

#include "app_icon_data.h"

#include <wx/bitmap.h>
#include <wx/image.h>
#include <wx/mstream.h>

namespace c175::app {

wxIcon appIcon(int size) {
    if (!wxImage::FindHandler(wxBITMAP_TYPE_PNG))
        wxImage::AddHandler(new wxPNGHandler);
    wxMemoryInputStream in(kAppIconPng, sizeof(kAppIconPng));
    wxImage image(in, wxBITMAP_TYPE_PNG);
    if (!image.IsOk())
        return {};
    if (image.GetWidth() != size)
        image.Rescale(size, size, wxIMAGE_QUALITY_HIGH);
    wxIcon icon;
    icon.CopyFromBitmap(wxBitmap(image));
    return icon;
}

wxIconBundle appIcons() {
    wxIconBundle bundle;
    for (int size : {16, 32, 48, 64})
        bundle.AddIcon(appIcon(size));
    return bundle;
}

} // namespace c175::app
