// Attachments addressed by SHA-256, uploaded in chunks that resume where the hub stands.
#include "hub/hub_server.h"

#include "core/i18n.h"
#include "core/ids.h"
#include "protocol/json_text.h"

#include <openssl/evp.h>

#include <algorithm>
#include <charconv>

namespace c175::hub {
namespace {

bool isSha256(const std::string& s) {
    if (s.size() != 64)
        return false;
    for (char c : s)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return false;
    return true;
}

struct Status {
    bool found = false;
    std::int64_t size = 0, received = 0;
    bool complete = false;
    std::string mediaType;
};

Status statusOf(db::Database& db, const std::string& sha) {
    db::Statement q(db, "SELECT size_bytes, received, complete, media_type FROM hub_attachments "
                        "WHERE sha256 = ?");
    q.bind(1, sha);
    Status s;
    if (q.step()) {
        s.found = true;
        s.size = q.getInt64(0);
        s.received = q.getInt64(1);
        s.complete = q.getInt(2) != 0;
        s.mediaType = q.getText(3);
    }
    return s;
}

std::string statusJson(const std::string& sha, const Status& s) {
    std::string out =
        "{\"sha256\":\"" + sha + "\",\"size\":" + std::to_string(s.size) + ",\"media_type\":";
    sync::writeJsonString(out, s.mediaType);
    out += ",\"received\":" + std::to_string(s.received) +
           ",\"complete\":" + (s.complete ? "true" : "false") + "}";
    return out;
}

std::string sha256Of(db::Database& db, const std::string& sha) {
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    EVP_DigestInit_ex(ctx, EVP_sha256(), nullptr);
    db::Statement q(db, "SELECT data FROM hub_attachment_chunks WHERE sha256 = ? ORDER BY offset");
    q.bind(1, sha);
    while (q.step()) {
        const auto bytes = q.getBlob(0);
        EVP_DigestUpdate(ctx, bytes.data(), bytes.size());
    }
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned n = 0;
    EVP_DigestFinal_ex(ctx, md, &n);
    EVP_MD_CTX_free(ctx);
    static const char* hex = "0123456789abcdef";
    std::string out;
    for (unsigned i = 0; i < n; ++i) {
        out += hex[md[i] >> 4];
        out += hex[md[i] & 15];
    }
    return out;
}

} // namespace

Reply HubApi::attachments(const auth::Session& session, const Request& r, const std::string& rest) {
    if (rest.empty() || rest == "/") {
        if (r.method != "POST")
            return errorReply(405, "bad_request", core::tr("Use POST to start an upload."));
        sync::JsonValue body;
        try {
            body = sync::parseJson(r.body);
        } catch (const sync::JsonError& e) {
            throw ApiError(400, "bad_json", e.what());
        }
        const auto* sha = body.isObject() ? body.find("sha256") : nullptr;
        const auto* size = body.isObject() ? body.find("size") : nullptr;
        const auto* type = body.isObject() ? body.find("media_type") : nullptr;
        if (!sha || !sha->isString() || !isSha256(sha->asString()))
            throw ApiError(400, "bad_request",
                           core::tr("\"sha256\" must be 64 lower-case hex digits."), "sha256");
        if (!size || !size->isInt() || size->asInt() < 0)
            throw ApiError(400, "bad_request",
                           core::tr("\"size\" must be a whole number of 0 or more."), "size");
        if (size->asInt() > kMaxAttachment)
            throw ApiError(
                413, "too_large",
                core::fmt(core::tr("An attachment is at most {} bytes."), kMaxAttachment), "size");
        if (!type || !type->isString() || type->asString().empty() || type->asString().size() > 100)
            throw ApiError(400, "bad_request",
                           core::tr("\"media_type\" must be a text of 1 to 100 characters."),
                           "media_type");
        return m_store.withDb([&](db::Database& db) -> Reply {
            auto s = statusOf(db, sha->asString());
            if (s.found) {
                if (s.size != size->asInt())
                    throw ApiError(409, "bad_request",
                                   core::tr("An upload with this address and another size exists."),
                                   "size");
                return {200, statusJson(sha->asString(), s)};
            }
            db::Statement ins(db,
                              "INSERT INTO hub_attachments(sha256, size_bytes, media_type, "
                              "received, complete, created_by, created_at) VALUES (?,?,?,0,?,?,?)");
            ins.bindAll(sha->asString(), size->asInt(), type->asString(),
                        size->asInt() == 0 ? 1 : 0, session.username, core::nowUtc());
            ins.run();
            return {201, statusJson(sha->asString(), statusOf(db, sha->asString()))};
        });
    }
    const std::string sha = rest.substr(1, 64);
    const std::string tail = rest.size() > 65 ? rest.substr(65) : "";
    if (!isSha256(sha) || (rest.size() > 65 && rest[65] != '/'))
        return errorReply(404, "not_found", core::tr("No such attachment."));
    return m_store.withDb([&](db::Database& db) -> Reply {
        auto s = statusOf(db, sha);
        if (!s.found)
            return errorReply(404, "not_found", core::tr("No such attachment."));
        if (tail.empty() && r.method == "GET")
            return {200, statusJson(sha, s)};
        if (tail == "/content" && r.method == "GET") {
            if (!s.complete)
                return errorReply(409, "incomplete", core::tr("The upload is not complete."));
            std::string bytes;
            db::Statement q(
                db, "SELECT data FROM hub_attachment_chunks WHERE sha256 = ? ORDER BY offset");
            q.bind(1, sha);
            while (q.step()) {
                const auto b = q.getBlob(0);
                bytes.append(b.begin(), b.end());
            }
            return {200, bytes, s.mediaType};
        }
        if (tail == "/chunks" && r.method == "PUT") {
            std::int64_t offset = -1;
            const auto at = r.query.find("offset=");
            if (at != std::string::npos) {
                const char* b = r.query.data() + at + 7;
                const char* e = r.query.data() + r.query.size();
                const char* amp = std::find(b, e, '&');
                auto [p, ec] = std::from_chars(b, amp, offset);
                if (ec != std::errc() || p != amp)
                    offset = -1;
            }
            if (offset < 0)
                throw ApiError(400, "bad_request",
                               core::tr("\"offset\" must be a whole number of 0 or more."),
                               "offset");
            if (s.complete || offset != s.received)
                return errorReply(
                    409, "offset_mismatch",
                    core::fmt(core::tr("The upload stands at byte {}; send from there."),
                              s.received),
                    "offset", "{\"received\":" + std::to_string(s.received) + "}");
            if (r.body.empty() || offset + static_cast<std::int64_t>(r.body.size()) > s.size)
                throw ApiError(400, "bad_request",
                               core::tr("The chunk is empty or runs past the declared size."),
                               "body");
            db::Transaction tx(db);
            db::Statement ins(
                db, "INSERT INTO hub_attachment_chunks(sha256, offset, data) VALUES (?,?,?)");
            ins.bindAll(sha, offset);
            ins.bindBlob(3, std::vector<std::uint8_t>(r.body.begin(), r.body.end()));
            ins.run();
            const std::int64_t received = offset + static_cast<std::int64_t>(r.body.size());
            db::Statement upd(db, "UPDATE hub_attachments SET received = ? WHERE sha256 = ?");
            upd.bindAll(received, sha);
            upd.run();
            if (received == s.size) {
                if (sha256Of(db, sha) != sha) {
                    db::Statement del(db, "DELETE FROM hub_attachment_chunks WHERE sha256 = ?");
                    del.bind(1, sha);
                    del.run();
                    db::Statement reset(db,
                                        "UPDATE hub_attachments SET received = 0 WHERE sha256 = ?");
                    reset.bind(1, sha);
                    reset.run();
                    tx.commit();
                    return errorReply(
                        422, "hash_mismatch",
                        core::tr(
                            "The content does not hash to its address; the upload starts again."));
                }
                db::Statement done(db, "UPDATE hub_attachments SET complete = 1 WHERE sha256 = ?");
                done.bind(1, sha);
                done.run();
            }
            tx.commit();
            return {200, statusJson(sha, statusOf(db, sha))};
        }
        return errorReply(405, "bad_request",
                          core::fmt(core::tr("No such endpoint: {} {}"), r.method, r.path));
    });
}

} // namespace c175::hub
