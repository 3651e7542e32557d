// c175ctl: headless tasks on a C175 cache (init, seed, import, stats, users, audit, map export).
#include "command.h"
#include "second_password.h"

#include "core/errors.h"
#include "core/i18n.h"
#include "db/database.h"

#include <cstdlib>
#include <iostream>
#include <pwd.h>
#include <unistd.h>

namespace c175::cli {

std::map<std::string, Command>& registry() {
    static std::map<std::string, Command> commands;
    return commands;
}

bool registerCommand(Command command) {
    auto name = command.name;
    registry().emplace(std::move(name), std::move(command));
    return true;
}

std::string takeOption(std::vector<std::string>& args, const std::string& name,
                       const std::string& fallback) {
    for (auto it = args.begin(); it != args.end(); ++it) {
        if (*it == name) {
            if (std::next(it) == args.end())
                throw UsageError("option " + name + " needs a value");
            std::string value = *std::next(it);
            args.erase(it, it + 2);
            return value;
        }
        if (it->rfind(name + "=", 0) == 0) {
            std::string value = it->substr(name.size() + 1);
            args.erase(it);
            return value;
        }
    }
    return fallback;
}

bool takeFlag(std::vector<std::string>& args, const std::string& name) {
    for (auto it = args.begin(); it != args.end(); ++it) {
        if (*it == name) {
            args.erase(it);
            return true;
        }
    }
    return false;
}

void expectNoMore(const std::vector<std::string>& args) {
    if (!args.empty())
        throw UsageError("unexpected argument \"" + args.front() + "\"");
}

const std::string& requireDb(const Context& ctx) {
    if (ctx.dbPath.empty())
        throw UsageError("this command needs --db FILE");
    return ctx.dbPath;
}

std::string readPassword(const std::string& prompt, bool confirm) {
    if (const char* env = std::getenv("C175_PASSWORD"); env && *env)
        return env;
    std::string first = readSecondPassword("C175_PASSWORD", prompt);
    if (confirm && askHidden(core::tr("Repeat: ")) != first)
        throw std::runtime_error(core::tr("The two passwords differ; nothing was changed."));
    return first;
}

namespace {

std::string osUserName() {
    if (const passwd* pw = getpwuid(geteuid()); pw && pw->pw_name)
        return std::string("os:") + pw->pw_name;
    return "os:uid" + std::to_string(geteuid());
}

// c175ctl speaks the language of the environment (LANGUAGE, LC_ALL, LC_MESSAGES, LANG).
void chooseLanguage() {
    for (const char* var : {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"}) {
        const char* value = std::getenv(var);
        if (!value || !*value)
            continue;
        const std::string lang(value);
        c175::core::setLanguage(lang.rfind("vi", 0) == 0 ? "vi" : "en",
                                c175::core::defaultLocaleDir());
        return;
    }
}

void printUsage(std::ostream& out) {
    out << "Usage: c175ctl [--db FILE] COMMAND [ARGS]\n"
           "       c175ctl --version | --help\n\nCommands:\n";
    for (const auto& [name, cmd] : registry())
        out << "  " << name << std::string(name.size() < 10 ? 10 - name.size() : 1, ' ')
            << cmd.summary << "\n";
    out << "\nRun 'c175ctl help COMMAND' for a command's options.\n";
}

} // namespace
} // namespace c175::cli

int main(int argc, char** argv) {
    using namespace c175::cli;
    std::vector<std::string> args(argv + 1, argv + argc);
    Context ctx;
    ctx.osUser = osUserName();
    chooseLanguage();
    try {
        ctx.dbPath = takeOption(args, "--db");
    } catch (const UsageError& e) {
        std::cerr << "c175ctl: " << e.what() << "\n";
        return 2;
    }
    if (args.empty() || args[0] == "--help" || args[0] == "-h") {
        printUsage(args.empty() ? std::cerr : std::cout);
        return args.empty() ? 2 : 0;
    }
    if (args[0] == "--version") {
        std::cout << "c175ctl " << C175_VERSION << "\n";
        return 0;
    }
    if (args[0] == "help" && args.size() == 2) {
        auto it = registry().find(args[1]);
        if (it == registry().end()) {
            std::cerr << "c175ctl: no command \"" << args[1] << "\"\n";
            return 2;
        }
        std::cout << it->second.usage << "\n";
        return 0;
    }
    auto it = registry().find(args[0]);
    if (it == registry().end()) {
        std::cerr << "c175ctl: no command \"" << args[0] << "\"\n\n";
        printUsage(std::cerr);
        return 2;
    }
    ctx.args.assign(args.begin() + 1, args.end());
    try {
        return it->second.run(ctx);
    } catch (const UsageError& e) {
        std::cerr << "c175ctl " << it->first << ": " << e.what() << "\nUsage: " << it->second.usage
                  << "\n";
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "c175ctl " << it->first << ": " << e.what() << "\n";
        return 1;
    }
}
