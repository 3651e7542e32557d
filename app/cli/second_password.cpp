#include "second_password.h"

#include "core/i18n.h"

#include <cstdlib>
#include <iostream>
#include <stdexcept>
#include <termios.h>
#include <unistd.h>

namespace c175::cli {

std::string askHidden(const std::string& prompt) {
    std::cerr << prompt << std::flush;
    termios old{};
    tcgetattr(STDIN_FILENO, &old);
    termios quiet = old;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    std::string line;
    std::getline(std::cin, line);
    tcsetattr(STDIN_FILENO, TCSANOW, &old);
    std::cerr << "\n";
    return line;
}

std::string readSecondPassword(const char* envVar, const std::string& prompt) {
    if (const char* env = std::getenv(envVar); env && *env)
        return env;
    if (!isatty(STDIN_FILENO))
        throw std::runtime_error(
            core::fmt(core::tr("No password: set {} or run on a terminal."), envVar));
    return askHidden(prompt);
}

} // namespace c175::cli
