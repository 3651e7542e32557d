// Identity values (phones, CCCDs, plates) a tip-off carries, found in the reporter's fields and in
// the description, and stored only as keyed blind indexes for linking related tips.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace c175::db {
class Database;
}

namespace c175::tipoff {

class BlindIndexer;

struct IdentityToken {
    std::string kind;   // "phone", "cccd", "plate"
    std::string value;  // normalised: national phone form, CCCD digits, canonical plate
    std::string source; // "reporter" or "description"
    friend bool operator==(const IdentityToken&, const IdentityToken&) = default;
};

// Phone numbers, CCCD numbers and vehicle plates written in a description (each validated
// through the value types; look-alikes that fail validation are ignored). Duplicates removed.
std::vector<IdentityToken> tokensFromText(std::string_view text);

// Inserts tipoff_blind_index rows (and their outbox entries) for the tokens.
void writeBlindIndexes(db::Database& db, const BlindIndexer& indexer, const std::string& tipoffId,
                       const std::vector<IdentityToken>& tokens, const std::string& actor);

} // namespace c175::tipoff
