// c175ctl init: creates or upgrades a cache to the current schema.
#include "command.h"

#include "db/migrations.h"

#include <iostream>

namespace c175::cli {
namespace {

int runInit(Context& ctx) {
    expectNoMore(ctx.args);
    auto db = db::openCache(requireDb(ctx));
    std::cout << "Cache " << db.path() << " is at schema " << db.scalarInt("PRAGMA user_version")
              << ".\n";
    return 0;
}

const bool registered = registerCommand(
    {"init", "c175ctl --db FILE init", "create or upgrade a cache to the current schema", runInit});

} // namespace
} // namespace c175::cli
