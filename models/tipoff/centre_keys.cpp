#include "tipoff/centre_keys.h"

#include "audit/audit_log.h"
#include "core/i18n.h"
#include "core/ids.h"
#include "db/database.h"
#include "tipoff/crypto_box.h"
#include "tipoff/tipoff_types.h"

#include <optional>
#include <sstream>

namespace c175::tipoff {
namespace {

using crypto::Bytes;

// Authenticated context of every reporter box and of every key wrap: a box cannot be replayed as
// a wrap or the other way round.
constexpr std::string_view kReporterContext = "c175 reporter identity v1";

std::string wrapContext(const std::string& username, const std::string& keyId) {
    return "c175 centre key wrap v1|" + keyId + "|" + username;
}

struct CentreKey {
    std::string keyId;
    Bytes publicKey;
    Bytes blindKey;
};

std::optional<CentreKey> loadCentreKey(db::Database& db) {
    db::Statement q(db, "SELECT key_id, public_key, blind_key FROM tipoff_centre_key WHERE id = 1");
    if (!q.step())
        return std::nullopt;
    return CentreKey{q.getText(0), q.getBlob(1), q.getBlob(2)};
}

CentreKey requireCentreKey(db::Database& db) {
    auto key = loadCentreKey(db);
    if (!key)
        throw TipoffError(core::tr("This cache has no centre key yet: reporter identities cannot "
                                   "be sealed. Create the centre key first."));
    return *key;
}

std::string lower(std::string s) {
    for (auto& c : s)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    return s;
}

// Stores the private key wrapped for one holder.
void writeWrap(db::Database& db, const std::string& actor, const std::string& keyId,
               const KeyHolder& holder, const Bytes& privateKey) {
    const Bytes salt = crypto::randomBytes(16);
    Bytes kek = crypto::scrypt(holder.password, salt, kWrapLogN, kWrapR, kWrapP);
    const Bytes nonce = crypto::randomBytes(12);
    const std::string username = lower(holder.username);
    const Bytes wrapped =
        crypto::aesGcmEncrypt(kek, nonce, privateKey, wrapContext(username, keyId));
    crypto::wipe(kek);
    std::ostringstream kdf;
    kdf << "scrypt$" << kWrapLogN << '$' << kWrapR << '$' << kWrapP << '$'
        << crypto::toBase64(salt);
    db::Statement ins(db, "INSERT OR REPLACE INTO tipoff_key_wraps(username, key_id, kdf, nonce, "
                          "wrapped, created_at, created_by) VALUES (?,?,?,?,?,?,?)");
    ins.bindAll(username, keyId, kdf.str());
    ins.bindBlob(4, nonce).bindBlob(5, wrapped).bind(6, core::nowUtc()).bind(7, actor);
    ins.run();
}

// The private key, opened with the holder's password.
Bytes unwrap(db::Database& db, const KeyHolder& holder) {
    const std::string username = lower(holder.username);
    db::Statement q(db,
                    "SELECT key_id, kdf, nonce, wrapped FROM tipoff_key_wraps WHERE username = ?");
    q.bind(1, username);
    if (!q.step())
        throw TipoffError(core::fmt(
            core::tr("User \"{}\" holds no copy of the centre key and cannot open identities."),
            holder.username));
    const std::string keyId = q.getText(0);
    const std::string kdf = q.getText(1);
    const Bytes nonce = q.getBlob(2);
    const Bytes wrapped = q.getBlob(3);
    int logN = 0, r = 0, p = 0;
    char salt64[128] = {};
    if (std::sscanf(kdf.c_str(), "scrypt$%d$%d$%d$%127s", &logN, &r, &p, salt64) != 4 ||
        logN < 10 || logN > 22 || r < 1 || r > 32 || p < 1 || p > 16)
        throw TipoffError(core::tr("The stored centre key copy is damaged."));
    Bytes kek = crypto::scrypt(holder.password, crypto::fromBase64(salt64), logN, r, p);
    try {
        Bytes key = crypto::aesGcmDecrypt(kek, nonce, wrapped, wrapContext(username, keyId));
        crypto::wipe(kek);
        return key;
    } catch (const std::runtime_error&) {
        crypto::wipe(kek);
        throw TipoffError(
            core::tr("The password does not open this user's copy of the centre key."));
    }
}

} // namespace

bool hasCentreKeys(db::Database& db) {
    return loadCentreKey(db).has_value();
}

std::string createCentreKeys(db::Database& db, const std::string& actor,
                             const std::vector<KeyHolder>& holders) {
    std::optional<db::Transaction> tx;
    if (!db.inTransaction())
        tx.emplace(db);
    if (hasCentreKeys(db))
        throw TipoffError(core::tr("This cache already has a centre key; it is never replaced "
                                   "(sealed identities would become unreadable)."));
    crypto::KeyPair pair = crypto::generateX25519();
    const Bytes blindKey = crypto::randomBytes(32);
    const std::string keyId =
        crypto::toHex(crypto::sha256(std::string(pair.publicKey.begin(), pair.publicKey.end())))
            .substr(0, 16);
    db::Statement ins(db, "INSERT INTO tipoff_centre_key(id, key_id, public_key, blind_key, "
                          "created_at, created_by) VALUES (1, ?, ?, ?, ?, ?)");
    ins.bind(1, keyId).bindBlob(2, pair.publicKey).bindBlob(3, blindKey);
    ins.bind(4, core::nowUtc()).bind(5, actor).run();
    std::string names;
    for (const auto& holder : holders) {
        writeWrap(db, actor, keyId, holder, pair.privateKey);
        names += (names.empty() ? "" : ",") + lower(holder.username);
    }
    crypto::wipe(pair.privateKey);
    audit::AuditLog(db).append(actor, "create_centre_key", "tipoff_centre_key", keyId,
                               "holders=" + names);
    if (tx)
        tx->commit();
    return keyId;
}

void grantCentreKey(db::Database& db, const std::string& actor, const KeyHolder& granter,
                    const KeyHolder& grantee) {
    std::optional<db::Transaction> tx;
    if (!db.inTransaction())
        tx.emplace(db);
    const CentreKey key = requireCentreKey(db);
    Bytes priv = unwrap(db, granter);
    writeWrap(db, actor, key.keyId, grantee, priv);
    crypto::wipe(priv);
    audit::AuditLog(db).append(actor, "grant_centre_key", "tipoff_key_wraps",
                               lower(grantee.username), "by=" + lower(granter.username));
    if (tx)
        tx->commit();
}

void rewrapCentreKey(db::Database& db, const std::string& actor, const std::string& username,
                     const std::string& oldPassword, const std::string& newPassword) {
    std::optional<db::Transaction> tx;
    if (!db.inTransaction())
        tx.emplace(db);
    const CentreKey key = requireCentreKey(db);
    Bytes priv = unwrap(db, {username, oldPassword});
    writeWrap(db, actor, key.keyId, {username, newPassword}, priv);
    crypto::wipe(priv);
    audit::AuditLog(db).append(actor, "rewrap_centre_key", "tipoff_key_wraps", lower(username),
                               "password changed");
    if (tx)
        tx->commit();
}

bool revokeCentreKey(db::Database& db, const std::string& actor, const std::string& username,
                     const std::string& why) {
    std::optional<db::Transaction> tx;
    if (!db.inTransaction())
        tx.emplace(db);
    db::Statement del(db, "DELETE FROM tipoff_key_wraps WHERE username = ?");
    del.bind(1, lower(username));
    del.run();
    const bool removed = db.changes() > 0;
    if (removed)
        audit::AuditLog(db).append(actor, "revoke_centre_key", "tipoff_key_wraps", lower(username),
                                   why);
    if (tx)
        tx->commit();
    return removed;
}

bool holdsCentreKey(db::Database& db, const std::string& username) {
    db::Statement q(db, "SELECT 1 FROM tipoff_key_wraps WHERE username = ?");
    q.bind(1, lower(username));
    return q.step();
}

CentreSealer::CentreSealer(db::Database& db) : m_publicKey(requireCentreKey(db).publicKey) {}

std::vector<std::uint8_t> CentreSealer::seal(const std::string& reporterJson) const {
    return crypto::seal(m_publicKey, reporterJson, kReporterContext);
}

std::vector<std::uint8_t> sealReporter(db::Database& db, const std::string& reporterJson) {
    return CentreSealer(db).seal(reporterJson);
}

std::string openReporter(db::Database& db, const KeyHolder& holder,
                         const std::vector<std::uint8_t>& sealed) {
    Bytes priv = unwrap(db, holder);
    try {
        std::string plain = crypto::open(priv, sealed, kReporterContext);
        crypto::wipe(priv);
        return plain;
    } catch (const std::runtime_error&) {
        crypto::wipe(priv);
        throw TipoffError(core::tr("The sealed identity could not be opened: it was sealed to "
                                   "another key or has been altered."));
    }
}

BlindIndexer::BlindIndexer(db::Database& db) : m_key(requireCentreKey(db).blindKey) {}

BlindIndexer::~BlindIndexer() {
    crypto::wipe(m_key);
}

std::string BlindIndexer::digest(std::string_view kind, std::string_view normalizedValue) const {
    std::string message(kind);
    message += ':';
    message += normalizedValue;
    return crypto::toHex(crypto::hmacSha256(m_key, message));
}

} // namespace c175::tipoff
