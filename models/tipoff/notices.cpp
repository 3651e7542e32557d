#include "tipoff/notices.h"

#include "core/i18n.h"
#include "core/ids.h"
#include "db/database.h"
#include "tipoff/tipoff_outbox.h"

namespace c175::tipoff {

void queueStatusNotice(db::Database& db, const std::string& tipoffId, Status status,
                       const std::string& actor) {
    db::Statement q(db, "SELECT code, notice_channel FROM tipoffs WHERE id = ?");
    q.bind(1, tipoffId);
    if (!q.step() || q.isNull(1))
        return;
    const std::string code = q.getText(0);
    const std::string channel = q.getText(1);
    // TRANSLATORS: sent to the person who reported; {} are the case code and the new status.
    const std::string message =
        core::fmt(core::tr("Your tip-off {} is now: {}."), code, statusLabel(status));
    const std::string id = core::newUuidV7();
    db::Statement ins(db, "INSERT INTO tipoff_notices(id, tipoff_id, channel, message, state, "
                          "queued_at) VALUES (?,?,?,?, 'queued', ?)");
    ins.bindAll(id, tipoffId, channel, message, core::nowUtc());
    ins.run();
    recordNewRow(db, "tipoff_notices", id, actor);
}

std::vector<Notice> noticesOf(db::Database& db, const std::string& tipoffId) {
    db::Statement q(db, "SELECT id, channel, message, state, queued_at, coalesce(sent_at, '') "
                        "FROM tipoff_notices WHERE tipoff_id = ? AND deleted = 0 "
                        "ORDER BY queued_at, id");
    q.bind(1, tipoffId);
    std::vector<Notice> out;
    while (q.step())
        out.push_back(
            {q.getText(0), q.getText(1), q.getText(2), q.getText(3), q.getText(4), q.getText(5)});
    return out;
}

} // namespace c175::tipoff
