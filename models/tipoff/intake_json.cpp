// Reading intake JSON (one object, or an array from another channel) into IntakeInput.
#include "core/errors.h"
#include "core/i18n.h"
#include "tipoff/intake.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <cmath>
#include <set>

namespace c175::tipoff {
namespace {

using Poco::JSON::Object;

const std::set<std::string>& knownFields() {
    static const std::set<std::string> fields = {
        "crime_type", "subtype",         "description",      "latitude", "longitude",
        "address",    "occurred_at",     "discovered_at",    "channel",  "anonymous",
        "reporter",   "people_involved", "objects_involved", "evidence", "behaviours"};
    return fields;
}

[[noreturn]] void bad(const std::string& field, const std::string& rule) {
    throw core::ValidationError(field, rule);
}

std::string text(const Object& o, const std::string& key, const std::string& field) {
    if (!o.has(key) || o.isNull(key))
        return {};
    const auto v = o.get(key);
    if (!v.isString())
        bad(field, core::tr("must be text"));
    return v.extract<std::string>();
}

std::optional<double> number(const Object& o, const std::string& key) {
    if (!o.has(key) || o.isNull(key))
        return std::nullopt;
    const auto v = o.get(key);
    if (!v.isNumeric())
        bad(key, core::tr("must be a number"));
    const double d = v.convert<double>();
    if (!std::isfinite(d))
        bad(key, core::tr("must be a number"));
    return d;
}

std::int64_t count(const Object& o, const std::string& key) {
    if (!o.has(key) || o.isNull(key))
        return 0;
    const auto v = o.get(key);
    if (!v.isInteger())
        bad(key, core::tr("must be a whole number"));
    return v.convert<std::int64_t>();
}

std::optional<bool> flag(const Object& o, const std::string& key, const std::string& field) {
    if (!o.has(key) || o.isNull(key))
        return std::nullopt;
    const auto v = o.get(key);
    if (!v.isBoolean())
        bad(field, core::tr("must be true or false"));
    return v.extract<bool>();
}

Poco::JSON::Array::Ptr array(const Object& o, const std::string& key) {
    if (!o.has(key) || o.isNull(key))
        return nullptr;
    auto a = o.getArray(key);
    if (!a)
        bad(key, core::tr("must be a list"));
    return a;
}

IntakeInput fromObject(const Object& o) {
    for (const auto& [key, value] : o)
        if (!knownFields().count(key))
            throw core::ValidationError(key, core::tr("is not a field of the intake record"));
    IntakeInput in;
    in.crimeType = text(o, "crime_type", "crime_type");
    in.subtype = text(o, "subtype", "subtype");
    in.description = text(o, "description", "description");
    in.latitude = number(o, "latitude");
    in.longitude = number(o, "longitude");
    in.address = text(o, "address", "address");
    in.occurredAt = text(o, "occurred_at", "occurred_at");
    in.discoveredAt = text(o, "discovered_at", "discovered_at");
    in.channel = text(o, "channel", "channel");
    in.anonymous = flag(o, "anonymous", "anonymous");
    in.peopleInvolved = count(o, "people_involved");
    in.objectsInvolved = count(o, "objects_involved");
    if (o.has("reporter") && !o.isNull("reporter")) {
        auto r = o.getObject("reporter");
        if (!r)
            bad("reporter", core::tr("must be an object"));
        static const std::set<std::string> reporterFields = {
            "name", "cccd", "phone", "email", "address", "share_with_agencies", "notify_by"};
        for (const auto& [key, value] : *r)
            if (!reporterFields.count(key))
                throw core::ValidationError("reporter." + key,
                                            core::tr("is not a field of the reporter"));
        in.reporter.name = text(*r, "name", "reporter.name");
        in.reporter.cccd = text(*r, "cccd", "reporter.cccd");
        in.reporter.phone = text(*r, "phone", "reporter.phone");
        in.reporter.email = text(*r, "email", "reporter.email");
        in.reporter.address = text(*r, "address", "reporter.address");
        in.reporter.notifyBy = text(*r, "notify_by", "reporter.notify_by");
        in.reporter.shareWithAgencies =
            flag(*r, "share_with_agencies", "reporter.share_with_agencies").value_or(false);
    }
    if (auto list = array(o, "behaviours")) {
        for (std::size_t i = 0; i < list->size(); ++i) {
            const auto v = list->get(static_cast<unsigned>(i));
            if (!v.isString())
                bad("behaviours", core::tr("must be a list of texts"));
            in.behaviours.push_back(v.extract<std::string>());
        }
    }
    if (auto list = array(o, "evidence")) {
        for (std::size_t i = 0; i < list->size(); ++i) {
            const std::string field = "evidence[" + std::to_string(i) + "]";
            auto item = list->getObject(static_cast<unsigned>(i));
            if (!item)
                bad(field, core::tr("must be an object with file and description"));
            EvidenceInput e;
            e.file = text(*item, "file", field + ".file");
            e.description = text(*item, "description", field + ".description");
            if (e.file.empty())
                bad(field + ".file", core::tr("is required"));
            in.evidence.push_back(std::move(e));
        }
    }
    return in;
}

} // namespace

IntakeInput intakeFromJson(const std::string& objectJson) {
    Poco::Dynamic::Var parsed;
    try {
        parsed = Poco::JSON::Parser().parse(objectJson);
    } catch (const Poco::Exception& e) {
        throw core::ValidationError("json",
                                    core::fmt(core::tr("is not valid JSON ({})"), e.displayText()));
    }
    auto obj = parsed.type() == typeid(Object::Ptr) ? parsed.extract<Object::Ptr>() : nullptr;
    if (!obj)
        bad("json", core::tr("must be a JSON object"));
    return fromObject(*obj);
}

std::vector<IntakeItem> intakeArrayFromJson(const std::string& arrayJson) {
    Poco::Dynamic::Var parsed;
    try {
        parsed = Poco::JSON::Parser().parse(arrayJson);
    } catch (const Poco::Exception& e) {
        throw core::ValidationError("json",
                                    core::fmt(core::tr("is not valid JSON ({})"), e.displayText()));
    }
    if (parsed.type() != typeid(Poco::JSON::Array::Ptr))
        bad("json", core::tr("must be a JSON array of intake records"));
    auto list = parsed.extract<Poco::JSON::Array::Ptr>();
    std::vector<IntakeItem> out;
    for (std::size_t i = 0; i < list->size(); ++i) {
        IntakeItem item;
        auto obj = list->getObject(static_cast<unsigned>(i));
        if (!obj) {
            item.field = "record";
            item.rule = core::tr("must be a JSON object");
        } else {
            try {
                item.input = fromObject(*obj);
            } catch (const core::ValidationError& e) {
                item.field = e.field();
                item.rule = e.rule();
            }
        }
        out.push_back(std::move(item));
    }
    return out;
}

} // namespace c175::tipoff
