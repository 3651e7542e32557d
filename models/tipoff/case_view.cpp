#include "tipoff/case_view.h"

#include "db/database.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>

namespace c175::tipoff {
namespace {

std::vector<std::string> parseList(const std::string& json) {
    std::vector<std::string> out;
    try {
        auto arr = Poco::JSON::Parser().parse(json).extract<Poco::JSON::Array::Ptr>();
        for (std::size_t i = 0; arr && i < arr->size(); ++i)
            out.push_back(arr->getElement<std::string>(static_cast<unsigned>(i)));
    } catch (const Poco::Exception&) {
    } catch (const std::exception&) {
    }
    return out;
}

} // namespace

std::optional<CaseDetail> loadCase(db::Database& db, const std::string& idOrCode) {
    db::Statement q(
        db,
        "SELECT t.id, t.code, t.crime_type, t.subtype, t.description, t.address, t.channel, "
        "t.status, coalesce(t.outcome,''), coalesce(t.province_code,''), "
        "coalesce(t.commune_code,''), coalesce(t.occurred_at,''), coalesce(t.discovered_at,''), "
        "t.received_at, coalesce(t.due_at,''), coalesce(t.concluded_at,''), "
        "coalesce(t.closed_at,''), coalesce(t.assignee,''), coalesce(t.notice_channel,''), "
        "t.lat, t.lon, t.behaviours, t.people_involved, t.objects_involved, t.anonymous, "
        "t.reporter_sealed IS NOT NULL, t.share_with_agencies, t.satisfaction, "
        "coalesce(m.code,'') FROM tipoffs t LEFT JOIN tipoffs m ON m.id = t.merged_into "
        "WHERE (t.id = ?1 OR t.code = ?1) AND t.deleted = 0");
    q.bind(1, idOrCode);
    if (!q.step())
        return std::nullopt;
    CaseDetail c;
    std::string* texts[] = {&c.id,           &c.code,         &c.crimeType,    &c.subtype,
                            &c.description,  &c.address,      &c.channel,      &c.status,
                            &c.outcome,      &c.provinceCode, &c.communeCode,  &c.occurredAt,
                            &c.discoveredAt, &c.receivedAt,   &c.dueAt,        &c.concludedAt,
                            &c.closedAt,     &c.assignee,     &c.noticeChannel};
    for (int i = 0; i < 19; ++i)
        *texts[i] = q.getText(i);
    if (!q.isNull(19))
        c.lat = q.getDouble(19);
    if (!q.isNull(20))
        c.lon = q.getDouble(20);
    c.behaviours = parseList(q.getText(21));
    c.peopleInvolved = q.getInt64(22);
    c.objectsInvolved = q.getInt64(23);
    c.anonymous = q.getInt(24) != 0;
    c.identitySealed = q.getInt(25) != 0;
    c.shareWithAgencies = q.getInt(26) != 0;
    if (!q.isNull(27))
        c.satisfaction = q.getInt(27);
    c.mergedIntoCode = q.getText(28);

    db::Statement from(db, "SELECT code FROM tipoffs WHERE merged_into = ? AND deleted = 0 "
                           "ORDER BY code");
    from.bind(1, c.id);
    while (from.step())
        c.mergedFromCodes.push_back(from.getText(0));

    // Its own history and that of every case merged into it.
    db::Statement h(db, "SELECT t.code, h.at, h.actor, coalesce(h.from_status,''), h.to_status, "
                        "h.note FROM tipoff_history h JOIN tipoffs t ON t.id = h.tipoff_id "
                        "WHERE (h.tipoff_id = ?1 OR t.merged_into = ?1) AND h.deleted = 0 "
                        "ORDER BY h.at, h.id");
    h.bind(1, c.id);
    while (h.step())
        c.history.push_back(
            {h.getText(0), h.getText(1), h.getText(2), h.getText(3), h.getText(4), h.getText(5)});

    db::Statement e(db, "SELECT sha256, media_type, file_name, description, size_bytes "
                        "FROM tipoff_evidence WHERE tipoff_id = ? AND deleted = 0 ORDER BY id");
    e.bind(1, c.id);
    while (e.step())
        c.evidence.push_back(
            {e.getText(0), e.getText(1), e.getText(2), e.getText(3), e.getInt64(4)});
    c.notices = noticesOf(db, c.id);
    return c;
}

} // namespace c175::tipoff
