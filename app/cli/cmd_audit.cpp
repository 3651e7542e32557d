// c175ctl audit: verify the hash chain of the audit log, or list its newest entries.
#include "command.h"

#include "audit/audit_log.h"
#include "core/i18n.h"
#include "db/migrations.h"

#include <charconv>
#include <iostream>

namespace c175::cli {
namespace {

const char* kUsage = "c175ctl --db FILE audit verify\n"
                     "c175ctl --db FILE audit list [--limit N]";

int verify(audit::AuditLog& log) {
    const auto result = log.verify();
    if (result.ok) {
        std::cout << core::fmt(core::tr("Audit log intact: {} entries."), result.entries) << "\n";
        return 0;
    }
    std::cerr << core::fmt(core::tr("Audit log BROKEN at entry {}: {}"), result.firstBadSeq,
                           result.problem)
              << "\n";
    return 1;
}

int list(audit::AuditLog& log, std::vector<std::string>& args) {
    const std::string limitText = takeOption(args, "--limit", "20");
    expectNoMore(args);
    std::int64_t limit = 0;
    const auto* end = limitText.data() + limitText.size();
    auto [ptr, ec] = std::from_chars(limitText.data(), end, limit);
    if (ec != std::errc() || ptr != end || limit < 1)
        throw UsageError("--limit needs a whole number of 1 or more");
    auto entries = log.recent(limit);
    // Oldest first reads naturally, like a log file.
    for (auto it = entries.rbegin(); it != entries.rend(); ++it) {
        std::cout << it->seq << "  " << it->at << "  " << it->actor << "  " << it->action;
        if (!it->entity.empty())
            std::cout << "  " << it->entity << (it->entityId.empty() ? "" : ":") << it->entityId;
        if (!it->detail.empty())
            std::cout << "  " << it->detail;
        std::cout << "\n";
    }
    return 0;
}

int runAudit(Context& ctx) {
    auto args = ctx.args;
    if (args.empty())
        throw UsageError("a sub-command is needed: verify or list");
    const std::string sub = args.front();
    args.erase(args.begin());
    if (sub != "verify" && sub != "list")
        throw UsageError("unknown sub-command \"" + sub + "\"");
    auto db = db::openCache(requireDb(ctx), db::OpenMode::ReadWriteExisting);
    audit::AuditLog log(db);
    if (sub == "verify") {
        expectNoMore(args);
        return verify(log);
    }
    return list(log, args);
}

const bool registered = registerCommand(
    {"audit", kUsage, "verify the audit log's hash chain or list its entries", runAudit});

} // namespace
} // namespace c175::cli
