#include "tipoff/identity_tokens.h"

#include "core/errors.h"
#include "core/ids.h"
#include "db/database.h"
#include "tipoff/centre_keys.h"
#include "tipoff/tipoff_outbox.h"
#include "values/cccd.h"
#include "values/phone.h"
#include "values/plate.h"

#include <algorithm>
#include <regex>

namespace c175::tipoff {
namespace {

void addUnique(std::vector<IdentityToken>& out, IdentityToken t) {
    if (std::find(out.begin(), out.end(), t) == out.end())
        out.push_back(std::move(t));
}

// Only ASCII matters for these patterns; other bytes become spaces so UTF-8 letters next to a
// number still leave a word boundary.
std::string asciiUpper(std::string_view text) {
    std::string out(text);
    for (auto& c : out) {
        const auto u = static_cast<unsigned char>(c);
        if (u >= 0x80)
            c = ' ';
        else if (c >= 'a' && c <= 'z')
            c = static_cast<char>(c - 'a' + 'A');
    }
    return out;
}

} // namespace

std::vector<IdentityToken> tokensFromText(std::string_view text) {
    static const std::regex phone(R"((?:\+?84|0)[ .\-]?\d(?:[ .\-]?\d){8})");
    static const std::regex cccd(R"(\b\d{12}\b)");
    static const std::regex plate(R"(\b\d{2}[ \-]?[A-Z]{1,2}\d?[ \-.]?(?:\d{3}\.?\d{2}|\d{4})\b)");
    const std::string upper = asciiUpper(text);
    std::vector<IdentityToken> out;
    for (std::sregex_iterator it(upper.begin(), upper.end(), cccd), end; it != end; ++it) {
        try {
            addUnique(out, {"cccd", values::Cccd::parse(it->str()).str(), "description"});
        } catch (const core::ValidationError&) {
        }
    }
    for (std::sregex_iterator it(upper.begin(), upper.end(), phone), end; it != end; ++it) {
        // A phone must not be the middle of a longer digit run (a CCCD, an account number).
        const auto pos = static_cast<std::size_t>(it->position());
        const auto endPos = pos + static_cast<std::size_t>(it->length());
        if ((pos > 0 && std::isdigit(static_cast<unsigned char>(upper[pos - 1]))) ||
            (endPos < upper.size() && std::isdigit(static_cast<unsigned char>(upper[endPos]))))
            continue;
        try {
            addUnique(out, {"phone", values::PhoneNumber::parse(it->str()).str(), "description"});
        } catch (const core::ValidationError&) {
        }
    }
    for (std::sregex_iterator it(upper.begin(), upper.end(), plate), end; it != end; ++it) {
        try {
            addUnique(out, {"plate", values::VehiclePlate::parse(it->str()).str(), "description"});
        } catch (const core::ValidationError&) {
        }
    }
    return out;
}

void writeBlindIndexes(db::Database& db, const BlindIndexer& indexer, const std::string& tipoffId,
                       const std::vector<IdentityToken>& tokens, const std::string& actor) {
    db::Statement ins(db, "INSERT OR IGNORE INTO tipoff_blind_index(id, tipoff_id, kind, digest, "
                          "source) VALUES (?,?,?,?,?)");
    for (const auto& t : tokens) {
        const std::string id = core::newUuidV7();
        ins.bindAll(id, tipoffId, t.kind, indexer.digest(t.kind, t.value), t.source);
        ins.run();
        if (db.changes() > 0)
            recordNewRow(db, "tipoff_blind_index", id, actor);
    }
}

} // namespace c175::tipoff
