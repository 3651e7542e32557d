// c175ctl sub-commands register themselves here; main() parses the common options and dispatches.
#pragma once
#include <functional>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace c175::cli {

// What every command receives: the common options and its own arguments.
struct Context {
    std::string dbPath;            // --db FILE (empty when not given)
    std::vector<std::string> args; // the words after the command name
    std::string osUser;            // who runs c175ctl: the actor in the audit log
};

// Bad usage of a command: main() prints the message and the command's usage, exit 2.
class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct Command {
    std::string name;
    std::string usage; // one or more lines, "c175ctl --db FILE seed --scale small|large [--seed N]"
    std::string summary; // one line
    std::function<int(Context&)> run;
};

std::map<std::string, Command>& registry();

// In a command's .cpp: static const bool registered = c175::cli::registerCommand({...});
bool registerCommand(Command command);

// Small argument helpers shared by the commands.
// Takes "--name VALUE" out of args; nullopt-like empty when absent; throws UsageError when the
// value is missing.
std::string takeOption(std::vector<std::string>& args, const std::string& name,
                       const std::string& fallback = "");
bool takeFlag(std::vector<std::string>& args, const std::string& name);
// Fails with UsageError when words are left over.
void expectNoMore(const std::vector<std::string>& args);
// Requires --db; throws UsageError otherwise.
const std::string& requireDb(const Context& ctx);
// Password from C175_PASSWORD, else prompted on the terminal without echo (twice when `confirm`).
std::string readPassword(const std::string& prompt, bool confirm);

} // namespace c175::cli
