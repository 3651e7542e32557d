// "Pick on map": a dialog with the map where a click pins a point; it names the commune and
// province holding it, and OK hands back its latitude and longitude (tip-off intake form).
#pragma once
#include "db/database.h"
#include "geodata/geometry.h"

#include <wx/dialog.h>

#include <optional>

class wxButton;
class wxStaticText;

namespace c175::maps {
class MapView;
}

namespace c175::panels {

class PickPointDialog : public wxDialog {
public:
    // `initial`: the position already typed in the form, shown and pinned; none = whole country.
    PickPointDialog(wxWindow* parent, db::Database& db,
                    std::optional<geodata::LonLat> initial = std::nullopt);

    // Pins the point (what a click on the map does) and names its unit.
    void setPoint(double lat, double lon);
    std::optional<geodata::LonLat> point() const { return m_point; }
    // "21.028500, 105.854200: Phường Hoàn Kiếm, Hà Nội" as shown under the map.
    wxString placeText() const;
    maps::MapView* mapView() const { return m_map; }

private:
    db::Database& m_db;
    maps::MapView* m_map = nullptr;
    wxStaticText* m_place = nullptr;
    wxButton* m_ok = nullptr;
    std::optional<geodata::LonLat> m_point;
};

} // namespace c175::panels
