// c175-hub: the reference hub (serve) and its administration (user, seed, stats).
#include "auth/accounts.h"
#include "core/errors.h"
#include "core/i18n.h"
#include "core/progress.h"
#include "db/migrations.h"
#include "hub/hub_auth.h"
#include "hub/hub_notices.h"
#include "hub/hub_server.h"
#include "hub/hub_simulator.h"
#include "hub/hub_store.h"
#include "seed/seed.h"
#include "stats/counts.h"

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <pthread.h>
#include <string>
#include <termios.h>
#include <unistd.h>
#include <vector>

using namespace c175;

namespace {

class Usage : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

const char* kUsage =
    "c175-hub serve --db FILE --port N [--bind ADDR] [--tls-cert F --tls-key F] [--simulate]\n"
    "                [--notice-spool DIR]   (default: FILE.notices; see README)\n"
    "c175-hub --db FILE user add NAME --role ROLE [--display NAME] [--province CODE]\n"
    "c175-hub --db FILE user passwd NAME\n"
    "c175-hub --db FILE user list\n"
    "c175-hub --db FILE seed --scale small|large [--seed N]\n"
    "c175-hub --db FILE stats --json\n";

std::string take(std::vector<std::string>& args, const std::string& name,
                 const std::string& fallback = "") {
    for (size_t i = 0; i < args.size(); ++i)
        if (args[i] == name) {
            if (i + 1 >= args.size())
                throw Usage(core::fmt(core::tr("{} needs a value."), name));
            std::string v = args[i + 1];
            args.erase(args.begin() + static_cast<long>(i),
                       args.begin() + static_cast<long>(i) + 2);
            return v;
        }
    return fallback;
}

bool flag(std::vector<std::string>& args, const std::string& name) {
    for (size_t i = 0; i < args.size(); ++i)
        if (args[i] == name) {
            args.erase(args.begin() + static_cast<long>(i));
            return true;
        }
    return false;
}

void noMore(const std::vector<std::string>& args) {
    if (!args.empty())
        throw Usage(core::fmt(core::tr("Unexpected argument \"{}\"."), args.front()));
}

std::string password(const std::string& prompt, bool confirm) {
    if (const char* env = std::getenv("C175_PASSWORD"))
        return env;
    auto ask = [](const std::string& text) {
        std::cerr << text << std::flush;
        termios old{};
        const bool tty = tcgetattr(STDIN_FILENO, &old) == 0;
        if (tty) {
            termios quiet = old;
            quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
            tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
        }
        std::string line;
        std::getline(std::cin, line);
        if (tty)
            tcsetattr(STDIN_FILENO, TCSANOW, &old);
        std::cerr << '\n';
        return line;
    };
    const std::string first = ask(prompt);
    if (confirm && ask(core::tr("Repeat the password: ")) != first)
        throw Usage(core::tr("The passwords differ."));
    return first;
}

int serve(const std::string& dbPath, std::vector<std::string>& args) {
    hub::ServerOptions options;
    const std::string port = take(args, "--port");
    if (port.empty())
        throw Usage(core::tr("--port is required."));
    char* end = nullptr;
    const long p = std::strtol(port.c_str(), &end, 10);
    if (*end || p < 0 || p > 65535)
        throw Usage(
            core::fmt(core::tr("--port must be a number from 0 to 65535 (got \"{}\")."), port));
    options.port = static_cast<int>(p);
    options.bind = take(args, "--bind", "127.0.0.1");
    options.tlsCert = take(args, "--tls-cert");
    options.tlsKey = take(args, "--tls-key");
    const bool simulate = flag(args, "--simulate");
    const std::string noticeSpool = take(args, "--notice-spool", dbPath + ".notices");
    noMore(args);
    if (options.tlsCert.empty() != options.tlsKey.empty())
        throw Usage(core::tr("--tls-cert and --tls-key go together."));

    // Block the stop signals in every thread; the main thread waits for them below.
    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGINT);
    sigaddset(&stopSignals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);

    hub::HubStore store(dbPath);
    hub::HubAuth auth(store);
    hub::HubServer server(store, auth, options);
    server.start();
    // Notices to reporters go out through the spool whenever the hub serves.
    hub::NoticeDispatcher notices(store, noticeSpool);
    notices.start();
    std::unique_ptr<hub::Simulator> simulator;
    if (simulate) {
        simulator = std::make_unique<hub::Simulator>(store);
        simulator->start();
    }
    std::cout << "c175-hub listening on " << (options.tlsCert.empty() ? "http" : "https") << "://"
              << options.bind << ":" << server.port() << "/v1 (hub_seq " << store.currentSeq()
              << ")" << std::endl;
    int sig = 0;
    sigwait(&stopSignals, &sig);
    if (simulator)
        simulator->stop();
    notices.stop();
    server.stop();
    std::cout << "c175-hub stopped." << std::endl;
    return 0;
}

int user(const std::string& dbPath, std::vector<std::string>& args) {
    if (args.empty())
        throw Usage(core::tr("user needs add, passwd or list."));
    const std::string verb = args.front();
    args.erase(args.begin());
    const std::string actor =
        std::string("os:") + (std::getenv("USER") ? std::getenv("USER") : "hub");
    if (verb == "list") {
        noMore(args);
        auto db = db::openCache(dbPath);
        for (const auto& u : auth::AccountService(db).list())
            std::printf("%-20s %-18s %-6s %s\n", u.username.c_str(),
                        std::string(auth::roleName(u.role)).c_str(),
                        u.provinceCode.value_or("-").c_str(), u.disabled ? "disabled" : "");
        return 0;
    }
    if (args.empty())
        throw Usage(core::fmt(core::tr("user {} needs a user name."), verb));
    const std::string name = args.front();
    args.erase(args.begin());
    if (verb == "add") {
        const std::string roleText = take(args, "--role");
        const std::string display = take(args, "--display", name);
        const std::string province = take(args, "--province");
        noMore(args);
        const auto role = auth::parseRole(roleText);
        if (!role)
            throw Usage(core::fmt(
                core::tr("--role must be one of operator, case_officer, welfare_reviewer, "
                         "welfare_approver, analyst, admin (got \"{}\")."),
                roleText));
        auto db = db::openCache(dbPath);
        auth::AccountService(db).addUser(actor, name, display, *role,
                                         password(core::tr("Password: "), true),
                                         province.empty() ? std::nullopt : std::optional(province));
        std::cout << core::fmt(core::tr("User {} added."), name) << '\n';
        return 0;
    }
    if (verb == "passwd") {
        noMore(args);
        auto db = db::openCache(dbPath);
        auth::AccountService(db).setPassword(actor, name,
                                             password(core::tr("New password: "), true));
        std::cout << core::fmt(core::tr("Password of {} changed."), name) << '\n';
        return 0;
    }
    throw Usage(core::fmt(core::tr("Unknown user command \"{}\"."), verb));
}

int seedHub(const std::string& dbPath, std::vector<std::string>& args) {
    const auto scale = seed::parseScale(take(args, "--scale"));
    const std::string seedText = take(args, "--seed", "175");
    noMore(args);
    if (!scale)
        throw Usage(core::tr("--scale must be small or large."));
    seed::SeedOptions options;
    options.scale = *scale;
    char* end = nullptr;
    options.seed = std::strtoull(seedText.c_str(), &end, 10);
    if (*end || seedText.empty())
        throw Usage(core::fmt(core::tr("--seed must be a whole number (got \"{}\")."), seedText));
    options.geodataDir = seed::findGeodataDir();
    options.actor = "hub-seed";
    {
        auto db = db::openCache(dbPath);
        core::NoProgress progress;
        const auto report = seed::seedDemo(db, options, progress);
        if (!report.note.empty())
            std::cerr << report.note << '\n';
    }
    hub::HubStore store(dbPath); // sequences the new rows
    std::cout << core::fmt(core::tr("Seeded the hub {}; its sequence is at {}."), dbPath,
                           store.currentSeq())
              << '\n';
    return 0;
}

int statsHub(const std::string& dbPath, std::vector<std::string>& args) {
    flag(args, "--json");
    noMore(args);
    auto db = db::openCache(dbPath, db::OpenMode::ReadWriteExisting);
    std::string out = "{";
    for (const auto& [key, value] : stats::countAll(db)) {
        if (out.size() > 1)
            out += ", ";
        out += "\"" + key + "\": " + std::to_string(value);
    }
    std::cout << out << "}\n";
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    core::setLanguage(std::getenv("C175_LANG") ? std::getenv("C175_LANG") : "en",
                      core::defaultLocaleDir());
    std::vector<std::string> args(argv + 1, argv + argc);
    try {
        const std::string dbPath = take(args, "--db");
        if (args.empty() || args.front() == "--help" || args.front() == "-h") {
            std::cout << kUsage;
            return args.empty() ? 2 : 0;
        }
        if (dbPath.empty())
            throw Usage(core::tr("--db FILE is required."));
        const std::string command = args.front();
        args.erase(args.begin());
        if (command == "serve")
            return serve(dbPath, args);
        if (command == "user")
            return user(dbPath, args);
        if (command == "seed")
            return seedHub(dbPath, args);
        if (command == "stats")
            return statsHub(dbPath, args);
        throw Usage(core::fmt(core::tr("Unknown command \"{}\"."), command));
    } catch (const Usage& e) {
        std::cerr << "c175-hub: " << e.what() << "\n" << kUsage;
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "c175-hub: " << e.what() << '\n';
        return 1;
    }
}
