// c175ctl user: local administration of accounts (add, passwd, disable, enable, list), audited
// under the operating-system user's name.
#include "command.h"

#include "auth/accounts.h"
#include "core/errors.h"
#include "core/i18n.h"
#include "db/migrations.h"
#include "second_password.h"
#include "tipoff/centre_keys.h"

#include <iostream>
#include <sstream>

namespace c175::cli {
namespace {

const char* kUsage =
    "c175ctl --db FILE user add NAME --role ROLE [--display-name \"NAME\"] "
    "[--province CODE]\n"
    "c175ctl --db FILE user passwd NAME [--reset]\n"
    "    When NAME holds a copy of the tip-off centre key, their current password is needed to\n"
    "    keep it (C175_CURRENT_PASSWORD or asked for); --reset drops the copy instead.\n"
    "c175ctl --db FILE user disable NAME\n"
    "c175ctl --db FILE user enable NAME   (also lifts a lock after failed sign-ins)\n"
    "c175ctl --db FILE user list\n"
    "The password comes from C175_PASSWORD or is asked for; never an argument.";

std::string roleList() {
    std::string out;
    for (auto role : auth::allRoles()) {
        if (!out.empty())
            out += ", ";
        out += auth::roleName(role);
    }
    return out;
}

std::string takeName(std::vector<std::string>& args) {
    if (args.empty() || args.front().rfind("--", 0) == 0)
        throw UsageError("a user NAME is needed");
    std::string name = args.front();
    args.erase(args.begin());
    return name;
}

// Display width in a terminal, counting UTF-8 code points (Vietnamese names are NFC).
std::size_t width(const std::string& text) {
    std::size_t n = 0;
    for (unsigned char c : text)
        if ((c & 0xC0) != 0x80)
            ++n;
    return n;
}

void printTable(const std::vector<std::vector<std::string>>& rows) {
    std::vector<std::size_t> widths;
    for (const auto& row : rows) {
        widths.resize(std::max(widths.size(), row.size()), 0);
        for (std::size_t i = 0; i < row.size(); ++i)
            widths[i] = std::max(widths[i], width(row[i]));
    }
    for (const auto& row : rows) {
        std::string line;
        for (std::size_t i = 0; i < row.size(); ++i) {
            line += row[i];
            if (i + 1 < row.size())
                line += std::string(widths[i] - width(row[i]) + 2, ' ');
        }
        std::cout << line << "\n";
    }
}

int addUser(Context& ctx, auth::AccountService& accounts, std::vector<std::string>& args) {
    const std::string roleText = takeOption(args, "--role");
    std::string displayName = takeOption(args, "--display-name");
    const std::string province = takeOption(args, "--province");
    const std::string name = takeName(args);
    expectNoMore(args);
    if (roleText.empty())
        throw UsageError("--role ROLE is needed (" + roleList() + ")");
    const auto role = auth::parseRole(roleText);
    if (!role)
        throw core::ValidationError(
            "role",
            core::fmt(core::tr("\"{}\" is not a role; use one of {}"), roleText, roleList()));
    auth::checkUsername(name); // before asking for a password
    if (displayName.empty())
        displayName = name;
    const std::string password = readPassword(core::fmt(core::tr("Password for {}: "), name), true);
    const auto user =
        accounts.addUser(ctx.osUser, name, displayName, *role, password,
                         province.empty() ? std::nullopt : std::optional<std::string>(province));
    std::cout << core::fmt(core::tr("Added user {} ({})."), user.username,
                           auth::roleLabel(user.role))
              << "\n";
    return 0;
}

int listUsers(auth::AccountService& accounts) {
    std::vector<std::vector<std::string>> rows{{core::tr("NAME"), core::tr("DISPLAY NAME"),
                                                core::tr("ROLE"), core::tr("PROVINCE"),
                                                core::tr("STATE")}};
    for (const auto& u : accounts.list()) {
        std::string state = core::tr("active");
        if (u.disabled)
            state = core::tr("disabled");
        else if (accounts.isLocked(u))
            state = core::fmt(core::tr("locked until {}"), *u.lockedUntil);
        rows.push_back({u.username, u.displayName, std::string(auth::roleName(u.role)),
                        u.provinceCode.value_or("-"), state});
    }
    printTable(rows);
    return 0;
}

// Without --reset, a holder of the centre key gives their current password so their copy is
// re-wrapped under the new one; a reset removes the copy and says so.
int changePassword(Context& ctx, db::Database& db, auth::AccountService& accounts,
                   const std::string& name, bool reset) {
    if (!accounts.find(name))
        throw core::ValidationError("username",
                                    core::fmt(core::tr("there is no account named \"{}\""), name));
    std::optional<std::string> current;
    if (!reset && tipoff::holdsCentreKey(db, name))
        current = readSecondPassword(
            "C175_CURRENT_PASSWORD",
            core::fmt(core::tr("Current password of {} (keeps their copy of the centre key): "),
                      name));
    const std::string password =
        readPassword(core::fmt(core::tr("New password for {}: "), name), true);
    const auto result = current ? accounts.changePassword(ctx.osUser, name, *current, password)
                                : accounts.setPassword(ctx.osUser, name, password);
    std::cout << core::fmt(core::tr("Password of {} changed."), name) << "\n";
    if (result.keyRewrapped)
        std::cout << core::fmt(core::tr("{}'s copy of the centre key now opens with the new "
                                        "password."),
                               name)
                  << "\n";
    if (result.keyRemoved)
        std::cerr << result.message << "\n";
    return 0;
}

int runUser(Context& ctx) {
    auto args = ctx.args;
    if (args.empty())
        throw UsageError("a sub-command is needed: add, passwd, disable, enable or list");
    const std::string sub = args.front();
    args.erase(args.begin());
    if (sub != "add" && sub != "passwd" && sub != "disable" && sub != "enable" && sub != "list")
        throw UsageError("unknown sub-command \"" + sub + "\"");

    // Adding a user may create the cache; the other sub-commands need an existing one.
    auto db = db::openCache(requireDb(ctx), sub == "add" ? db::OpenMode::ReadWrite
                                                         : db::OpenMode::ReadWriteExisting);
    auth::AccountService accounts(db);
    if (sub == "add")
        return addUser(ctx, accounts, args);
    if (sub == "list") {
        expectNoMore(args);
        return listUsers(accounts);
    }
    const bool reset = sub == "passwd" && takeFlag(args, "--reset");
    const std::string name = takeName(args);
    expectNoMore(args);
    if (sub == "passwd")
        return changePassword(ctx, db, accounts, name, reset);
    const bool disable = sub == "disable";
    accounts.setDisabled(ctx.osUser, name, disable);
    std::cout << core::fmt(disable ? core::tr("User {} disabled.") : core::tr("User {} enabled."),
                           name)
              << "\n";
    return 0;
}

const bool registered =
    registerCommand({"user", kUsage, "add, change or list user accounts (audited)", runUser});

} // namespace
} // namespace c175::cli
