// A second password in one c175ctl run (a user's current password, a grantee's), read from its own
// environment variable or asked for, since C175_PASSWORD already carries the first one.
#pragma once
#include <string>

namespace c175::cli {

// Asks on the terminal without echo.
std::string askHidden(const std::string& prompt);
// The value of `envVar` when set and not empty, else asked for on the terminal without echo.
// Throws std::runtime_error naming `envVar` when there is neither.
std::string readSecondPassword(const char* envVar, const std::string& prompt);

} // namespace c175::cli
