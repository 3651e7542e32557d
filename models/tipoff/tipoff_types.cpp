#include "tipoff/tipoff_types.h"

#include "core/i18n.h"

#include <algorithm>
#include <array>
#include <map>

// Marks a msgid for xgettext where the text is translated later through tr().
#define N_(text) text

namespace c175::tipoff {
namespace {

template <typename E, std::size_t N>
std::optional<E> findByName(const std::array<std::string_view, N>& names, std::string_view name) {
    for (std::size_t i = 0; i < N; ++i)
        if (names[i] == name)
            return static_cast<E>(i);
    return std::nullopt;
}

constexpr std::array<std::string_view, 7> kCrimeTypeNames = {
    "criminal", "economic", "drugs", "environment", "cyber", "traffic", "other"};
constexpr std::array<std::string_view, 8> kStatusNames = {"received",      "verifying", "assigned",
                                                          "investigating", "concluded", "closed",
                                                          "rejected",      "merged"};
constexpr std::array<std::string_view, 2> kOutcomeNames = {"substantiated", "unsubstantiated"};
constexpr std::array<std::string_view, 4> kChannelNames = {"vneid", "hotline", "web", "in_person"};
constexpr std::array<std::string_view, 4> kNoticeChannelNames = {"vneid", "sms", "email",
                                                                 "followup"};

// Subtype name -> English msgid of its label.
const std::map<std::string, const char*, std::less<>>& subtypeLabels() {
    static const std::map<std::string, const char*, std::less<>> labels = {
        {"murder", N_("Murder")},
        {"assault", N_("Assault")},
        {"robbery", N_("Robbery")},
        {"theft", N_("Theft")},
        {"kidnapping", N_("Kidnapping")},
        {"sexual_offence", N_("Sexual offence")},
        {"weapons", N_("Illegal weapons")},
        {"gambling", N_("Gambling")},
        {"human_trafficking", N_("Human trafficking")},
        {"fraud", N_("Fraud")},
        {"counterfeit_goods", N_("Counterfeit goods")},
        {"smuggling", N_("Smuggling")},
        {"tax_evasion", N_("Tax evasion")},
        {"illegal_lending", N_("Illegal lending")},
        {"embezzlement", N_("Embezzlement")},
        {"bribery", N_("Bribery")},
        {"trafficking", N_("Drug trafficking")},
        {"use", N_("Drug use")},
        {"possession", N_("Drug possession")},
        {"cultivation", N_("Drug plant cultivation")},
        {"drug_venue", N_("Venue for drug use")},
        {"illegal_waste", N_("Illegal waste dumping")},
        {"pollution", N_("Pollution")},
        {"illegal_logging", N_("Illegal logging")},
        {"wildlife_trade", N_("Wildlife trade")},
        {"illegal_mining", N_("Illegal mining")},
        {"online_fraud", N_("Online fraud")},
        {"impersonation", N_("Impersonating officials")},
        {"hacking", N_("Hacking")},
        {"online_gambling", N_("Online gambling")},
        {"data_trading", N_("Trading personal data")},
        {"reckless_driving", N_("Reckless driving")},
        {"street_racing", N_("Street racing")},
        {"drunk_driving", N_("Drunk driving")},
        {"hit_and_run", N_("Hit and run")},
        {"overloading", N_("Overloaded vehicles")},
        {"public_order", N_("Public order")},
        {"other", N_("Other")},
    };
    return labels;
}

} // namespace

const std::vector<CrimeType>& allCrimeTypes() {
    static const std::vector<CrimeType> all = {
        CrimeType::Criminal, CrimeType::Economic, CrimeType::Drugs, CrimeType::Environment,
        CrimeType::Cyber,    CrimeType::Traffic,  CrimeType::Other};
    return all;
}

const std::vector<Status>& allStatuses() {
    static const std::vector<Status> all = {
        Status::Received,  Status::Verifying, Status::Assigned, Status::Investigating,
        Status::Concluded, Status::Closed,    Status::Rejected, Status::Merged};
    return all;
}

const std::vector<Channel>& allChannels() {
    static const std::vector<Channel> all = {Channel::Vneid, Channel::Hotline, Channel::Web,
                                             Channel::InPerson};
    return all;
}

std::string_view crimeTypeName(CrimeType t) {
    return kCrimeTypeNames[static_cast<std::size_t>(t)];
}
std::optional<CrimeType> parseCrimeType(std::string_view name) {
    return findByName<CrimeType>(kCrimeTypeNames, name);
}
std::string_view statusName(Status s) {
    return kStatusNames[static_cast<std::size_t>(s)];
}
std::optional<Status> parseStatus(std::string_view name) {
    return findByName<Status>(kStatusNames, name);
}
std::string_view outcomeName(Outcome o) {
    return kOutcomeNames[static_cast<std::size_t>(o)];
}
std::optional<Outcome> parseOutcome(std::string_view name) {
    return findByName<Outcome>(kOutcomeNames, name);
}
std::string_view channelName(Channel c) {
    return kChannelNames[static_cast<std::size_t>(c)];
}
std::optional<Channel> parseChannel(std::string_view name) {
    return findByName<Channel>(kChannelNames, name);
}
std::string_view noticeChannelName(NoticeChannel c) {
    return kNoticeChannelNames[static_cast<std::size_t>(c)];
}
std::optional<NoticeChannel> parseNoticeChannel(std::string_view name) {
    return findByName<NoticeChannel>(kNoticeChannelNames, name);
}

std::string crimeTypeLabel(CrimeType t) {
    switch (t) {
    case CrimeType::Criminal:
        return core::tr("Criminal");
    case CrimeType::Economic:
        return core::tr("Economic");
    case CrimeType::Drugs:
        return core::tr("Drugs");
    case CrimeType::Environment:
        return core::tr("Environment");
    case CrimeType::Cyber:
        return core::tr("Cyber crime and online fraud");
    case CrimeType::Traffic:
        return core::tr("Traffic");
    case CrimeType::Other:
        break;
    }
    return core::tr("Other");
}

std::string statusLabel(Status s) {
    switch (s) {
    case Status::Received:
        return core::tr("Received");
    case Status::Verifying:
        return core::tr("Verifying");
    case Status::Assigned:
        return core::tr("Assigned");
    case Status::Investigating:
        return core::tr("Investigating");
    case Status::Concluded:
        return core::tr("Concluded");
    case Status::Closed:
        return core::tr("Closed");
    case Status::Rejected:
        return core::tr("Rejected");
    case Status::Merged:
        break;
    }
    return core::tr("Merged into another case");
}

std::string outcomeLabel(Outcome o) {
    return o == Outcome::Substantiated ? core::tr("Substantiated") : core::tr("Unsubstantiated");
}

std::string channelLabel(Channel c) {
    switch (c) {
    case Channel::Vneid:
        return core::tr("VNeID app");
    case Channel::Hotline:
        return core::tr("Hotline");
    case Channel::Web:
        return core::tr("Web portal");
    case Channel::InPerson:
        break;
    }
    return core::tr("In person");
}

const std::vector<std::string>& subtypesOf(CrimeType t) {
    static const std::vector<std::vector<std::string>> lists = {
        {"murder", "assault", "robbery", "theft", "kidnapping", "sexual_offence", "weapons",
         "gambling", "human_trafficking", "other"},
        {"fraud", "counterfeit_goods", "smuggling", "tax_evasion", "illegal_lending",
         "embezzlement", "bribery", "other"},
        {"trafficking", "use", "possession", "cultivation", "drug_venue", "other"},
        {"illegal_waste", "pollution", "illegal_logging", "wildlife_trade", "illegal_mining",
         "other"},
        {"online_fraud", "impersonation", "hacking", "online_gambling", "data_trading", "other"},
        {"reckless_driving", "street_racing", "drunk_driving", "hit_and_run", "overloading",
         "other"},
        {"public_order", N_("other")},
    };
    return lists[static_cast<std::size_t>(t)];
}

bool isSubtypeOf(CrimeType t, std::string_view subtype) {
    if (subtype.empty())
        return true;
    const auto& list = subtypesOf(t);
    return std::find(list.begin(), list.end(), subtype) != list.end();
}

std::string subtypeLabel(std::string_view subtype) {
    const auto& labels = subtypeLabels();
    const auto it = labels.find(subtype);
    return it == labels.end() ? std::string(subtype) : std::string(core::tr(it->second));
}

int dueDays(CrimeType t) {
    switch (t) {
    case CrimeType::Traffic:
        return 10;
    case CrimeType::Economic:
    case CrimeType::Environment:
        return 30;
    case CrimeType::Criminal:
    case CrimeType::Drugs:
    case CrimeType::Cyber:
    case CrimeType::Other:
        break;
    }
    return 20;
}

bool isOpenStatus(Status s) {
    return s == Status::Received || s == Status::Verifying || s == Status::Assigned ||
           s == Status::Investigating;
}

bool isOverdue(std::string_view status, const std::string& dueAtUtc, const std::string& nowUtc) {
    const auto s = parseStatus(status);
    // Stored times are all "YYYY-MM-DDTHH:MM:SSZ", so text order is time order (as in SQL).
    return s && isOpenStatus(*s) && !dueAtUtc.empty() && dueAtUtc < nowUtc;
}

std::string overdueSql(std::string_view alias) {
    const std::string a(alias);
    std::string list;
    for (Status s : allStatuses())
        if (isOpenStatus(s))
            list += (list.empty() ? "'" : ",'") + std::string(statusName(s)) + "'";
    return "(" + a + "status IN (" + list + ") AND " + a + "due_at < ?)";
}

} // namespace c175::tipoff
