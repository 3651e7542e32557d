// The six pilot lists (plus the commune level of the map list) as TableSpecs.
#include "browse/table_spec.h"

#include "core/i18n.h"
#include "core/text_fold.h"

namespace c175::browse {
namespace {

using auth::Permission;
using core::tr;

// Marks a label msgid for xgettext; translated later by statusLabel().
constexpr const char* N_(const char* msgid) {
    return msgid;
}

Column text(std::string key, std::string sql, const char* header, int width,
            bool searchable = true) {
    Column c;
    c.key = std::move(key);
    c.sql = std::move(sql);
    c.header = header;
    c.width = width;
    c.searchable = searchable;
    return c;
}

Column number(std::string key, std::string sql, const char* header, int width,
              Format format = Format::Int) {
    Column c = text(std::move(key), std::move(sql), header, width, false);
    c.align = Align::Right;
    c.format = format;
    return c;
}

Column time(std::string key, std::string sql, const char* header,
            Format format = Format::DateTime) {
    Column c = text(std::move(key), std::move(sql), header, 140, false);
    c.format = format;
    return c;
}

Column status(std::string key, std::string sql, const char* header, int width,
              std::vector<StatusLabel> labels) {
    Column c = text(std::move(key), std::move(sql), header, width, true);
    c.format = Format::Status;
    c.labels = std::move(labels);
    return c;
}

// Names sort by their folded form, so "Đà Nẵng" sits among the D's rather than after Z.
Column name(std::string key, std::string sql, const char* header, int width) {
    Column c = text(std::move(key), std::move(sql), header, width, true);
    c.foldSort = true;
    return c;
}

// "The unit named like the filter": admin_units is small, so it is folded once per query.
std::string unitNamed(const std::string& codeSql) {
    return codeSql + " IN (SELECT code FROM admin_units WHERE c175_fold(name) LIKE ?2 ESCAPE '\\')";
}

Column searchedVia(Column c, std::string predicate) {
    c.searchSql = std::move(predicate);
    return c;
}

Column notSearched(Column c) {
    c.searchable = false;
    return c;
}

const std::string kProvinceJoin = " LEFT JOIN admin_units pu ON pu.code = ";

// "Not a tombstone" for the big tables. Written as a rowid set rather than `deleted = 0` so the
// rowid query can walk the sort column's index alone (covering) instead of looking up every
// row: 0.24 s instead of 0.39 s of CPU for a million alerts. A partial index
// `ON camera_alerts(at) WHERE deleted = 0` would do better still (see the report).
std::string liveRows(const std::string& alias, const std::string& table) {
    return alias + ".rowid NOT IN (SELECT rowid FROM " + table + " WHERE deleted <> 0)";
}

TableSpec kiosks() {
    TableSpec s;
    s.id = TableId::Kiosks;
    s.from = "kiosks k" + kProvinceJoin + "k.province_code";
    s.rowid = "k.rowid";
    s.recordId = "k.id";
    s.mapRecordPrefix = "kiosk:";
    s.where = "k.deleted = 0";
    s.provinceSql = "k.province_code";
    s.permission = Permission::ViewKiosks;
    s.columns = {
        text("code", "k.code", tr("Code"), 130),
        name("name", "k.name", tr("Name"), 260),
        searchedVia(name("province", "coalesce(pu.name, k.province_code)", tr("Province"), 150),
                    unitNamed("k.province_code")),
        status("status", "k.status", tr("Status"), 110,
               {{"online", N_("Online")},
                {"offline", N_("Offline")},
                {"fault", N_("Fault")},
                {"maintenance", N_("Maintenance")}}),
        time("heartbeat", "k.last_heartbeat_at", tr("Last heartbeat")),
        // Usage rows arrive per finished day, so "today" is usually not there yet: show the
        // newest day the kiosk reported (UNIQUE (kiosk_id, day) makes this one index probe).
        number("usage_last_day",
               "(SELECT u.sessions FROM kiosk_usage_daily u WHERE u.kiosk_id = k.id "
               "AND u.deleted = 0 ORDER BY u.day DESC LIMIT 1)",
               tr("Sessions (last day)"), 150),
    };
    return s;
}

TableSpec cameraAlerts() {
    TableSpec s;
    s.id = TableId::CameraAlerts;
    s.from = "camera_alerts a LEFT JOIN cameras c ON c.id = a.camera_id";
    s.rowid = "a.rowid";
    s.recordId = "a.id";
    s.mapRecordPrefix = "camera_alert:";
    s.where = "a.deleted = 0";
    s.listWhere = liveRows("a", "camera_alerts");
    s.provinceSql = "c.province_code";
    s.permission = Permission::ViewCameraAlerts;
    s.columns = {
        time("at", "a.at", tr("Time")),
        // Both camera columns are matched by one look at the (small) cameras table.
        searchedVia(text("camera", "c.code", tr("Camera"), 120),
                    "a.camera_id IN (SELECT id FROM cameras WHERE c175_fold(code || char(31) || "
                    "site_name) LIKE ?2 ESCAPE '\\')"),
        notSearched(name("site", "c.site_name", tr("Site"), 220)),
        status("kind", "a.kind", tr("Alert"), 160,
               {{"restricted_zone", N_("Restricted zone")},
                {"intrusion", N_("Intrusion")},
                {"abnormal_behaviour", N_("Abnormal behaviour")},
                {"crowd_overload", N_("Crowd overload")},
                {"vehicle_violation", N_("Vehicle violation")}}),
        status("severity", "a.severity", tr("Severity"), 90,
               {{"1", N_("Low")}, {"2", N_("Medium")}, {"3", N_("High")}}),
        text("plate", "a.plate", tr("Plate"), 110),
        status("triage", "a.triage", tr("Triage"), 120,
               {{"new", N_("New")},
                {"acknowledged", N_("Acknowledged")},
                {"dispatched", N_("Dispatched")},
                {"dismissed", N_("Dismissed")},
                {"resolved", N_("Resolved")}}),
    };
    s.defaultSortColumn = 0;
    s.defaultAscending = false;
    return s;
}

// Lists never select reporter_sealed, followup_code or the description: the identity stays
// sealed and a list is not where a case is read.
TableSpec tipoffs() {
    TableSpec s;
    s.id = TableId::Tipoffs;
    s.from = "tipoffs t" + kProvinceJoin +
             "t.province_code LEFT JOIN admin_units cu ON cu.code = t.commune_code";
    s.rowid = "t.rowid";
    s.recordId = "t.id";
    s.mapRecordPrefix = "tipoff:";
    s.where = "t.deleted = 0";
    s.listWhere = liveRows("t", "tipoffs");
    s.provinceSql = "t.province_code";
    s.permission = Permission::ViewTipoffs;
    s.columns = {
        text("code", "t.code", tr("Code"), 140),
        status("crime_type", "t.crime_type", tr("Type"), 120,
               {{"criminal", N_("Criminal")},
                {"economic", N_("Economic")},
                {"drugs", N_("Drugs")},
                {"environment", N_("Environment")},
                {"cyber", N_("Cyber")},
                {"traffic", N_("Traffic")},
                {"other", N_("Other")}}),
        status("status", "t.status", tr("Status"), 120,
               {{"received", N_("Received")},
                {"verifying", N_("Verifying")},
                {"assigned", N_("Assigned")},
                {"investigating", N_("Investigating")},
                {"concluded", N_("Concluded")},
                {"closed", N_("Closed")},
                {"rejected", N_("Rejected")},
                {"merged", N_("Merged")}}),
        searchedVia(name("area",
                         "coalesce(cu.name || ', ' || pu.name, pu.name, t.province_code, '')",
                         tr("Area"), 240),
                    unitNamed("t.province_code") + " OR " + unitNamed("t.commune_code")),
        time("received", "t.received_at", tr("Received at")),
        text("assignee", "t.assignee", tr("Assignee"), 120),
        time("due", "t.due_at", tr("Due")),
    };
    s.defaultSortColumn = 4;
    s.defaultAscending = false;
    return s;
}

TableSpec welfare() {
    TableSpec s;
    s.id = TableId::Welfare;
    s.from = "applications a LEFT JOIN beneficiaries b ON b.id = a.beneficiary_id "
             "LEFT JOIN programmes p ON p.id = a.programme_id "
             "LEFT JOIN households h ON h.id = b.household_id" +
             kProvinceJoin + "h.province_code";
    s.rowid = "a.rowid";
    s.recordId = "a.id";
    s.where = "a.deleted = 0";
    s.listWhere = liveRows("a", "applications");
    s.provinceSql = "h.province_code";
    s.permission = Permission::ViewWelfare;
    s.columns = {
        text("code", "a.code", tr("Application"), 140),
        name("beneficiary", "b.full_name", tr("Beneficiary"), 200),
        searchedVia(name("programme", "p.name", tr("Programme"), 220),
                    "a.programme_id IN (SELECT id FROM programmes WHERE c175_fold(name) LIKE ?2 "
                    "ESCAPE '\\')"),
        text("period", "a.period", tr("Period"), 80),
        status("status", "a.status", tr("Status"), 120,
               {{"submitted", N_("Submitted")},
                {"under_review", N_("Under review")},
                {"recommended", N_("Recommended")},
                {"approved", N_("Approved")},
                {"rejected", N_("Rejected")},
                {"paid", N_("Paid")}}),
        number("amount", "a.amount_vnd", tr("Amount"), 120, Format::Money),
        status("channel", "a.payment_channel", tr("Payment channel"), 130,
               {{"bank", N_("Bank transfer")},
                {"post", N_("Post office")},
                {"cash", N_("Cash")},
                {"e_wallet", N_("E-wallet")}}),
        searchedVia(name("province", "coalesce(pu.name, h.province_code)", tr("Province"), 150),
                    unitNamed("h.province_code")),
    };
    return s;
}

// Figures over the twelve months up to the newest stay in the cache. They are correlated
// subqueries, so opening the list computes them only for the rows on screen (stays_lodging
// index); sorting by one computes it for every lodging, off the GUI thread.
std::string stayFigure(const std::string& aggregate) {
    return "(SELECT " + aggregate +
           " FROM stays s WHERE s.lodging_id = l.id AND s.check_in > "
           "(SELECT date(max(check_in), '-365 days') FROM stays) AND s.deleted = 0)";
}

TableSpec tourism() {
    TableSpec s;
    s.id = TableId::Tourism;
    s.from = "lodgings l" + kProvinceJoin + "l.province_code";
    s.rowid = "l.rowid";
    s.recordId = "l.id";
    s.mapRecordPrefix = "lodging:";
    s.where = "l.deleted = 0";
    s.provinceSql = "l.province_code";
    s.permission = Permission::ViewTourism;
    s.columns = {
        text("code", "l.code", tr("Code"), 120),
        name("name", "l.name", tr("Name"), 240),
        status("kind", "l.kind", tr("Kind"), 110,
               {{"hotel", N_("Hotel")},
                {"guesthouse", N_("Guesthouse")},
                {"homestay", N_("Homestay")},
                {"resort", N_("Resort")},
                {"apartment", N_("Apartment")}}),
        number("stars", "l.stars", tr("Stars"), 80),
        number("rooms", "l.rooms", tr("Rooms"), 80),
        searchedVia(name("province", "coalesce(pu.name, l.province_code)", tr("Province"), 150),
                    unitNamed("l.province_code")),
        number("arrivals", stayFigure("sum(s.guests)"), tr("Arrivals (12 months)"), 165),
        number("guest_nights", stayFigure("sum(s.guests * s.nights)"),
               tr("Guest nights (12 months)"), 180),
        number("occupancy", "min(1.0, " + stayFigure("sum(s.nights)") + " / (l.rooms * 365.0))",
               tr("Occupancy (12 months)"), 190, Format::Percent),
    };
    return s;
}

TableSpec adminUnits(TableId id) {
    const bool communes = id == TableId::Communes;
    TableSpec s;
    s.id = id;
    s.from = "admin_units u LEFT JOIN admin_units pu ON pu.code = u.parent_code";
    s.rowid = "u.rowid";
    s.recordId = "u.code";
    s.where = communes ? "u.deleted = 0 AND u.layer = '2025' AND u.level = 'commune'"
                       : "u.deleted = 0 AND u.layer = '2025' AND u.level = 'province'";
    s.provinceSql = communes ? "u.parent_code" : "u.code";
    s.permission = Permission::ViewMap;
    s.columns.push_back(text("code", "u.code", tr("Code"), 60));
    s.columns.push_back(name("name", "u.name", tr("Name"), 160));
    if (communes)
        s.columns.push_back(searchedVia(name("province", "pu.name", tr("Province"), 130),
                                        unitNamed("u.parent_code")));
    s.columns.push_back(number("population", "u.population", tr("Population"), 100));
    s.columns.push_back(number("area", "u.area_km2", tr("Area (km²)"), 115, Format::Decimal));
    s.columns.push_back(number("density", "u.population / u.area_km2", tr("Density (people/km²)"),
                               150, Format::Decimal));
    s.defaultSortColumn = 1;
    return s;
}

} // namespace

TableSpec tableSpec(TableId id) {
    switch (id) {
    case TableId::Kiosks:
        return kiosks();
    case TableId::CameraAlerts:
        return cameraAlerts();
    case TableId::Tipoffs:
        return tipoffs();
    case TableId::Welfare:
        return welfare();
    case TableId::Tourism:
        return tourism();
    case TableId::Provinces:
    case TableId::Communes:
        return adminUnits(id);
    }
    return kiosks();
}

std::string statusLabel(const Column& column, std::string_view value) {
    for (const auto& label : column.labels)
        if (label.value == value)
            return tr(label.msgid);
    return std::string(value);
}

namespace {
std::string sqlQuote(std::string_view text) {
    std::string out = "'";
    for (char ch : text) {
        out += ch;
        if (ch == '\'')
            out += '\'';
    }
    return out + "'";
}
} // namespace

std::string searchPredicate(const TableSpec& spec, const std::string& foldedText) {
    std::string predicate;
    const auto add = [&](const std::string& part) {
        predicate += predicate.empty() ? "(" + part + ")" : " OR (" + part + ")";
    };
    for (const auto& column : spec.columns) {
        if (!column.searchable)
            continue;
        if (!column.searchSql.empty()) {
            add(column.searchSql);
        } else if (column.format == Format::Status) {
            std::string codes;
            for (const auto& label : column.labels) {
                const bool hit =
                    core::foldForSearch(tr(label.msgid)).find(foldedText) != std::string::npos ||
                    core::foldForSearch(std::string(label.value)).find(foldedText) !=
                        std::string::npos;
                if (hit)
                    codes += (codes.empty() ? "" : ", ") + sqlQuote(label.value);
            }
            if (!codes.empty())
                add(column.sql + " IN (" + codes + ")");
        } else {
            add("c175_fold(" + column.sql + ") LIKE ?2 ESCAPE '\\'");
        }
    }
    return predicate.empty() ? "0" : "(" + predicate + ")";
}

} // namespace c175::browse
