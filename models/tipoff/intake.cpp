#include "tipoff/intake.h"

#include "audit/audit_log.h"
#include "auth/roles.h"
#include "changes/change_capture.h"
#include "core/errors.h"
#include "core/i18n.h"
#include "core/ids.h"
#include "core/nfc.h"
#include "core/text_fold.h"
#include "db/database.h"
#include "geodata/units.h"
#include "tipoff/centre_keys.h"
#include "tipoff/crypto_box.h"
#include "tipoff/evidence.h"
#include "tipoff/identity_tokens.h"
#include "tipoff/notices.h"
#include "tipoff/tipoff_outbox.h"
#include "values/case_code.h"
#include "values/cccd.h"
#include "values/geo_point.h"
#include "values/phone.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <chrono>
#include <sstream>

namespace c175::tipoff {
namespace {

constexpr std::size_t kMaxAddress = 300, kMaxName = 100, kMaxBehaviour = 200, kMaxBehaviours = 20,
                      kMaxEvidence = 20, kMaxEvidenceDescription = 500;
constexpr std::int64_t kMaxInvolved = 100000;
constexpr std::int64_t kClockSkew = 600; // a time up to 10 minutes ahead is still accepted

[[noreturn]] void bad(const std::string& field, const std::string& rule) {
    throw core::ValidationError(field, rule);
}

void checkText(const std::string& field, const std::string& value, std::size_t maxChars) {
    if (!core::isValidUtf8(value))
        bad(field, core::tr("is not valid UTF-8 text"));
    const auto n = core::utf8Length(value);
    if (n > maxChars)
        bad(field,
            core::fmt(core::tr("must be at most {} characters (this one has {})"), maxChars, n));
}

// "2026-12-03T13:11:38+07:00": a date, a time and an offset (Z or ±HH:MM).
bool hasTimeAndOffset(const std::string& s) {
    const auto t = s.find('T');
    if (t == std::string::npos || s.size() < 20)
        return false;
    if (s.back() == 'Z')
        return true;
    const auto sign = s.find_last_of("+-");
    return sign != std::string::npos && sign > t && s.size() - sign == 6 && s[sign + 3] == ':';
}

std::optional<std::int64_t> checkTime(const std::string& field, const std::string& value,
                                      std::int64_t now) {
    if (value.empty())
        return std::nullopt;
    std::int64_t t = 0;
    if (!hasTimeAndOffset(value) || !core::parseIsoTime(value, t))
        bad(field, core::tr("must be an ISO 8601 time with its offset, such as "
                            "2026-12-03T13:11:38+07:00"));
    if (t > now + kClockSkew)
        bad(field, core::tr("lies in the future"));
    if (t < 631152000) // 1990-01-01
        bad(field, core::tr("is before 1990"));
    return t;
}

bool plausibleEmail(const std::string& e) {
    const auto at = e.find('@');
    if (at == std::string::npos || at == 0 || e.find('@', at + 1) != std::string::npos ||
        e.size() > 254)
        return false;
    const auto dot = e.find('.', at + 2);
    if (dot == std::string::npos || dot + 1 >= e.size())
        return false;
    for (char c : e)
        if (static_cast<unsigned char>(c) <= ' ')
            return false;
    return true;
}

bool isAnonymous(const IntakeInput& in) {
    return in.anonymous.value_or(in.reporter.empty());
}

NoticeChannel noticeChannelFor(const IntakeInput& in) {
    if (isAnonymous(in))
        return NoticeChannel::Followup;
    if (!in.reporter.notifyBy.empty())
        return *parseNoticeChannel(in.reporter.notifyBy);
    if (in.channel == "vneid")
        return NoticeChannel::Vneid;
    if (!in.reporter.phone.empty())
        return NoticeChannel::Sms;
    if (!in.reporter.email.empty())
        return NoticeChannel::Email;
    return NoticeChannel::Followup;
}

std::string makeFollowupCode() {
    static constexpr std::string_view alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    const auto bytes = crypto::randomBytes(12);
    std::string code;
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        if (i && i % 4 == 0)
            code += '-';
        code += alphabet[bytes[i] & 31];
    }
    return code;
}

// The next offline case code of this cache: the device tag comes from the cache's node id, the
// sequence is per tag and year (kept in sync_state), so consoles never collide.
std::string nextCaseCode(db::Database& db, std::int64_t now) {
    const std::string tag = values::CaseCode::deviceTagFrom(changes::nodeId(db));
    const int year = std::stoi(core::formatDay(now + 7 * 3600).substr(0, 4)); // Vietnam time
    const std::string key = "tipoff_seq:" + tag + ":" + std::to_string(year);
    const std::string current = changes::readState(db, key);
    std::int64_t seq = current.empty() ? 0 : std::stoll(current);
    // Skip numbers already taken (a cache restored from a copy may have a stale counter).
    db::Statement exists(db, "SELECT 1 FROM tipoffs WHERE code = ?");
    std::string code;
    do {
        ++seq;
        if (seq > 9999)
            throw TipoffError(core::fmt(core::tr("This console has used all offline case numbers "
                                                 "for {}; sync with the hub to get more."),
                                        year));
        code = values::CaseCode::offline("TG", year, tag, seq).str();
        exists.reset();
        exists.bind(1, code);
    } while (exists.step());
    changes::writeState(db, key, std::to_string(seq));
    return code;
}

std::string behavioursJson(const std::vector<std::string>& list) {
    Poco::JSON::Array a;
    for (const auto& b : list)
        a.add(core::toNfc(b));
    std::ostringstream out;
    a.stringify(out);
    return out.str();
}

} // namespace

std::string reporterJson(const ReporterInput& reporter) {
    Poco::JSON::Object o;
    o.set("name", core::toNfc(reporter.name));
    o.set("cccd", reporter.cccd.empty() ? "" : values::Cccd::parse(reporter.cccd).str());
    o.set("phone", reporter.phone.empty() ? "" : values::PhoneNumber::parse(reporter.phone).str());
    o.set("email", reporter.email);
    o.set("address", core::toNfc(reporter.address));
    o.set("share_with_agencies", reporter.shareWithAgencies);
    std::ostringstream out;
    o.stringify(out);
    return out.str();
}

std::vector<IdentityToken> reporterTokens(const ReporterInput& reporter) {
    std::vector<IdentityToken> tokens;
    if (!reporter.cccd.empty())
        tokens.push_back({"cccd", values::Cccd::parse(reporter.cccd).str(), "reporter"});
    if (!reporter.phone.empty())
        tokens.push_back({"phone", values::PhoneNumber::parse(reporter.phone).str(), "reporter"});
    return tokens;
}

std::string followupHash(const std::string& code) {
    std::string norm;
    for (char c : code) {
        if (c == '-' || c == ' ')
            continue;
        norm += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    }
    return crypto::toHex(crypto::sha256("c175 followup|" + norm));
}

IntakeService::IntakeService(db::Database& db, IntakeOptions options)
    : m_db(db), m_options(std::move(options)) {}

std::int64_t IntakeService::now() const {
    if (m_options.nowUnix)
        return m_options.nowUnix();
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

void IntakeService::validate(const IntakeInput& in) const {
    const auto type = parseCrimeType(in.crimeType);
    if (in.crimeType.empty())
        bad("crime_type", core::tr("is required"));
    if (!type)
        bad("crime_type", core::tr("must be one of criminal, economic, drugs, environment, cyber, "
                                   "traffic, other"));
    if (!isSubtypeOf(*type, in.subtype))
        bad("subtype", core::fmt(core::tr("is not a subtype of {}"), in.crimeType));
    if (in.description.empty() || in.description.find_first_not_of(" \t\r\n") == std::string::npos)
        bad("description", core::tr("is required"));
    checkText("description", in.description, kMaxDescription);
    checkText("address", in.address, kMaxAddress);
    if (in.latitude.has_value() != in.longitude.has_value())
        bad("location", core::tr("latitude and longitude must be given together"));
    if (in.latitude)
        values::GeoPoint::make(*in.latitude, *in.longitude, "location");
    else if (in.address.empty())
        bad("location", core::tr("give a GPS position or an address"));

    const std::int64_t t = now();
    const auto occurred = checkTime("occurred_at", in.occurredAt, t);
    const auto discovered = checkTime("discovered_at", in.discoveredAt, t);
    if (occurred && discovered && *discovered < *occurred)
        bad("discovered_at", core::tr("cannot be before the time it happened"));

    if (in.channel.empty())
        bad("channel", core::tr("is required"));
    if (!parseChannel(in.channel))
        bad("channel", core::tr("must be one of vneid, hotline, web, in_person"));

    if (isAnonymous(in)) {
        if (!in.reporter.empty())
            bad("reporter", core::tr("must be empty when the tip-off is anonymous"));
    } else {
        if (in.reporter.name.empty())
            bad("reporter.name", core::tr("is required unless the tip-off is anonymous"));
        checkText("reporter.name", in.reporter.name, kMaxName);
        if (!in.reporter.cccd.empty())
            values::Cccd::parse(in.reporter.cccd, std::nullopt, "reporter.cccd");
        if (!in.reporter.phone.empty())
            values::PhoneNumber::parse(in.reporter.phone, "reporter.phone");
        if (!in.reporter.email.empty() && !plausibleEmail(in.reporter.email))
            bad("reporter.email", core::tr("is not an e-mail address"));
        checkText("reporter.address", in.reporter.address, kMaxAddress);
        if (!in.reporter.notifyBy.empty()) {
            const auto c = parseNoticeChannel(in.reporter.notifyBy);
            if (!c || *c == NoticeChannel::Followup)
                bad("reporter.notify_by", core::tr("must be one of vneid, sms, email"));
            if (*c == NoticeChannel::Sms && in.reporter.phone.empty())
                bad("reporter.notify_by", core::tr("sms needs the reporter's phone"));
            if (*c == NoticeChannel::Email && in.reporter.email.empty())
                bad("reporter.notify_by", core::tr("email needs the reporter's e-mail address"));
        }
    }
    for (const auto& [field, value] : {std::pair{"people_involved", in.peopleInvolved},
                                       std::pair{"objects_involved", in.objectsInvolved}})
        if (value < 0 || value > kMaxInvolved)
            bad(field, core::fmt(core::tr("must be a whole number from 0 to {}"), kMaxInvolved));
    if (in.behaviours.size() > kMaxBehaviours)
        bad("behaviours", core::fmt(core::tr("at most {} behaviours"), kMaxBehaviours));
    for (std::size_t i = 0; i < in.behaviours.size(); ++i) {
        const std::string field = "behaviours[" + std::to_string(i) + "]";
        if (in.behaviours[i].empty())
            bad(field, core::tr("is empty"));
        checkText(field, in.behaviours[i], kMaxBehaviour);
    }
    if (in.evidence.size() > kMaxEvidence)
        bad("evidence", core::fmt(core::tr("at most {} files"), kMaxEvidence));
    for (std::size_t i = 0; i < in.evidence.size(); ++i) {
        const std::string field = "evidence[" + std::to_string(i) + "]";
        if (in.evidence[i].file.empty())
            bad(field + ".file", core::tr("is required"));
        checkText(field + ".description", in.evidence[i].description, kMaxEvidenceDescription);
    }
}

IntakeResult IntakeService::file(const auth::Session& by, const IntakeInput& input) {
    auth::require(by, auth::Permission::CreateTipoffs);
    return fileAs(by.actor(), input);
}

IntakeResult IntakeService::fileAs(const std::string& actor, const IntakeInput& in) {
    validate(in);
    const std::int64_t t = now();
    const auto type = *parseCrimeType(in.crimeType);
    const bool anonymous = isAnonymous(in);

    // Evidence first, outside the transaction: a stored file is harmless if the tip is refused
    // later (content-addressed, it is simply unreferenced).
    const EvidenceStore store(m_options.evidenceRoot.empty()
                                  ? EvidenceStore::besideCache(m_db.path())
                                  : m_options.evidenceRoot);
    std::vector<StoredEvidence> files;
    for (std::size_t i = 0; i < in.evidence.size(); ++i) {
        std::filesystem::path p(in.evidence[i].file);
        if (p.is_relative() && !m_options.baseDir.empty())
            p = m_options.baseDir / p;
        files.push_back(
            store.put(p, m_options.maxEvidenceBytes, "evidence[" + std::to_string(i) + "].file"));
    }

    db::Transaction tx(m_db);
    IntakeResult r;
    r.id = core::newUuidV7();
    r.code = nextCaseCode(m_db, t);
    r.followupCode = makeFollowupCode();
    r.receivedAt = core::formatUtcSeconds(t);
    r.dueAt = core::formatUtcSeconds(t + std::int64_t{dueDays(type)} * 86400);
    if (in.latitude) {
        if (auto commune = geodata::locate(m_db, *in.longitude, *in.latitude, "commune")) {
            r.communeCode = commune->code;
            r.provinceCode = commune->parentCode;
        } else if (auto province = geodata::locate(m_db, *in.longitude, *in.latitude)) {
            r.provinceCode = province->code;
        }
    }
    std::optional<std::vector<std::uint8_t>> sealed;
    if (!anonymous)
        sealed = sealReporter(m_db, reporterJson(in.reporter));
    auto isoUtc = [](const std::string& s) -> std::optional<std::string> {
        std::int64_t v = 0;
        if (s.empty() || !core::parseIsoTime(s, v))
            return std::nullopt;
        return core::formatUtcSeconds(v);
    };

    db::Statement ins(
        m_db, "INSERT INTO tipoffs(id, code, crime_type, subtype, description, lat, lon, address, "
              "province_code, commune_code, occurred_at, discovered_at, received_at, channel, "
              "anonymous, reporter_sealed, followup_code, notice_channel, people_involved, "
              "objects_involved, status, due_at, behaviours, share_with_agencies) "
              "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,'received',?,?,?)");
    ins.bindAll(r.id, r.code, in.crimeType, in.subtype, core::toNfc(in.description), in.latitude,
                in.longitude, core::toNfc(in.address), r.provinceCode, r.communeCode,
                isoUtc(in.occurredAt), isoUtc(in.discoveredAt), r.receivedAt, in.channel,
                anonymous ? 1 : 0);
    if (sealed)
        ins.bindBlob(16, *sealed);
    else
        ins.bind(16, nullptr);
    ins.bind(17, followupHash(r.followupCode));
    ins.bind(18, std::string(noticeChannelName(noticeChannelFor(in))));
    ins.bind(19, in.peopleInvolved).bind(20, in.objectsInvolved).bind(21, r.dueAt);
    ins.bind(22, behavioursJson(in.behaviours));
    ins.bind(23, anonymous ? 0 : (in.reporter.shareWithAgencies ? 1 : 0));
    ins.run();
    recordNewRow(m_db, "tipoffs", r.id, actor);

    const std::string historyId = core::newUuidV7();
    db::Statement hist(m_db, "INSERT INTO tipoff_history(id, tipoff_id, at, actor, from_status, "
                             "to_status, note) VALUES (?,?,?,?,NULL,'received',?)");
    hist.bindAll(
        historyId, r.id, r.receivedAt, actor,
        core::fmt(core::tr("Received through {}"), channelLabel(*parseChannel(in.channel))));
    hist.run();
    recordNewRow(m_db, "tipoff_history", historyId, actor);

    db::Statement ev(m_db, "INSERT INTO tipoff_evidence(id, tipoff_id, sha256, media_type, "
                           "size_bytes, file_name, description) VALUES (?,?,?,?,?,?,?)");
    for (std::size_t i = 0; i < files.size(); ++i) {
        const std::string id = core::newUuidV7();
        ev.bindAll(id, r.id, files[i].sha256, files[i].mediaType, files[i].sizeBytes,
                   files[i].fileName, core::toNfc(in.evidence[i].description));
        ev.run();
        recordNewRow(m_db, "tipoff_evidence", id, actor);
    }

    if (hasCentreKeys(m_db)) {
        std::vector<IdentityToken> tokens = tokensFromText(in.description);
        if (!anonymous)
            for (auto& t : reporterTokens(in.reporter))
                tokens.push_back(std::move(t));
        const BlindIndexer indexer(m_db);
        writeBlindIndexes(m_db, indexer, r.id, tokens, actor);
    }

    queueStatusNotice(m_db, r.id, Status::Received, actor);
    audit::AuditLog(m_db).append(actor, "create", "tipoffs", r.id,
                                 r.code + " " + in.crimeType + " " + in.channel);
    tx.commit();
    return r;
}

} // namespace c175::tipoff
