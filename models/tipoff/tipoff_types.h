// Tip-off vocabulary: crime types and subtypes, statuses, channels, their stored names and labels.
#pragma once
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace c175::tipoff {

// The one error type of the tip-off domain for refusals that are not bad input (a transition not
// allowed from the current status, a case that does not exist, a key that cannot be opened).
class TipoffError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

enum class CrimeType { Criminal, Economic, Drugs, Environment, Cyber, Traffic, Other };
enum class Status {
    Received,
    Verifying,
    Assigned,
    Investigating,
    Concluded,
    Closed,
    Rejected,
    Merged
};
enum class Outcome { Substantiated, Unsubstantiated };
enum class Channel { Vneid, Hotline, Web, InPerson };
// How the reporter hears back: anonymous reporters only through their follow-up code.
enum class NoticeChannel { Vneid, Sms, Email, Followup };

const std::vector<CrimeType>& allCrimeTypes();
const std::vector<Status>& allStatuses();
const std::vector<Channel>& allChannels();

// Stable names as stored ("criminal", "in_person", ...) and parsing back (nullopt when unknown).
std::string_view crimeTypeName(CrimeType t);
std::optional<CrimeType> parseCrimeType(std::string_view name);
std::string_view statusName(Status s);
std::optional<Status> parseStatus(std::string_view name);
std::string_view outcomeName(Outcome o);
std::optional<Outcome> parseOutcome(std::string_view name);
std::string_view channelName(Channel c);
std::optional<Channel> parseChannel(std::string_view name);
std::string_view noticeChannelName(NoticeChannel c);
std::optional<NoticeChannel> parseNoticeChannel(std::string_view name);

// Translated labels for people ("Ma túy" for drugs in Vietnamese).
std::string crimeTypeLabel(CrimeType t);
std::string statusLabel(Status s);
std::string outcomeLabel(Outcome o);
std::string channelLabel(Channel c);

// Subtypes of a crime type (stored names, e.g. "online_fraud"); "" (unspecified) is always valid.
const std::vector<std::string>& subtypesOf(CrimeType t);
bool isSubtypeOf(CrimeType t, std::string_view subtype);
std::string subtypeLabel(std::string_view subtype);

// Days from receipt to the due date: the resolution period for the type (the Criminal Procedure
// Code gives 20 days for a denunciation; simpler matters get less, economic and environmental
// matters that need expert findings get more).
int dueDays(CrimeType t);

// Statuses in which a case is still being worked (and can therefore be overdue).
bool isOpenStatus(Status s);

// The overdue rule of the lists, the search, the figures and the report: a case still open
// whose due time (UTC ISO) is before `nowUtc`. `status` is the stored name.
bool isOverdue(std::string_view status, const std::string& dueAtUtc, const std::string& nowUtc);
// The same rule in SQL over tipoffs (`alias` "t." or ""), with one parameter: now (UTC ISO).
std::string overdueSql(std::string_view alias = "");

} // namespace c175::tipoff
