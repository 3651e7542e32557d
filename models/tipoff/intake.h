// Filing a tip-off: the intake record (as the form and the intake JSON give it), its validation,
// and storing it in one transaction with its history, evidence, blind indexes, notice and audit.
#pragma once
#include "tipoff/identity_tokens.h"
#include "tipoff/tipoff_types.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace c175::db {
class Database;
}
namespace c175::auth {
struct Session;
}

namespace c175::tipoff {

struct ReporterInput {
    std::string name, cccd, phone, email, address;
    bool shareWithAgencies = false;
    std::string notifyBy; // "vneid", "sms", "email"; "" = chosen from the contacts given
    bool empty() const {
        return name.empty() && cccd.empty() && phone.empty() && email.empty() && address.empty();
    }
};

struct EvidenceInput {
    std::string file; // path; relative paths are taken from IntakeOptions::baseDir
    std::string description;
};

// What a person or another channel submits. Field names follow the intake JSON.
struct IntakeInput {
    std::string crimeType, subtype, description;
    std::optional<double> latitude, longitude;
    std::string address;
    std::string occurredAt, discoveredAt; // ISO 8601 with offset; "" = not known
    std::string channel;
    std::optional<bool> anonymous; // nullopt = anonymous unless a reporter is given
    ReporterInput reporter;
    std::vector<std::string> behaviours;
    std::int64_t peopleInvolved = 0, objectsInvolved = 0;
    std::vector<EvidenceInput> evidence;
};

inline constexpr std::size_t kMaxDescription = 1000;

// Parses one intake JSON object. Throws core::ValidationError naming the field (for a wrong
// type too: "latitude: must be a number").
IntakeInput intakeFromJson(const std::string& objectJson);

// One element of an intake JSON array: the record, or why it could not be read.
struct IntakeItem {
    std::optional<IntakeInput> input;
    std::string field, rule; // set when input is empty
};
// Throws core::ValidationError("json", ...) when the text is not a JSON array.
std::vector<IntakeItem> intakeArrayFromJson(const std::string& arrayJson);

struct IntakeOptions {
    std::int64_t maxEvidenceBytes = 50 * 1024 * 1024;
    std::filesystem::path evidenceRoot; // empty = EvidenceStore::besideCache(db.path())
    std::filesystem::path baseDir;      // for relative evidence paths; empty = current folder
    // The moment of receipt; {} = the system clock.
    std::function<std::int64_t()> nowUnix;
};

struct IntakeResult {
    std::string id, code;
    std::string followupCode; // in clear: shown once to the reporter, stored only as a hash
    std::string receivedAt, dueAt;
    std::optional<std::string> provinceCode, communeCode;
};

class IntakeService {
public:
    explicit IntakeService(db::Database& db, IntakeOptions options = {});

    // Requires Permission::CreateTipoffs.
    IntakeResult file(const auth::Session& by, const IntakeInput& input);
    // For intake from other channels through c175ctl: `actor` is who runs it ("os:<login>").
    IntakeResult fileAs(const std::string& actor, const IntakeInput& input);

    // Throws core::ValidationError(field, rule) for the first field that breaks a rule; checks
    // everything but the evidence files' content (done when they are copied).
    void validate(const IntakeInput& input) const;

private:
    std::int64_t now() const;
    db::Database& m_db;
    IntakeOptions m_options;
};

// The reporter's identity as it is sealed to the centre key (JSON; CCCD and phone normalised,
// text NFC). Expects a reporter that passed validate().
std::string reporterJson(const ReporterInput& reporter);
// The reporter's CCCD and phone as identity tokens (source "reporter") for the blind indexes.
std::vector<IdentityToken> reporterTokens(const ReporterInput& reporter);

// Normalised follow-up code ("K7Q3-M9TX-4HBD" from any case and dashes) and its stored hash.
std::string followupHash(const std::string& code);

} // namespace c175::tipoff
