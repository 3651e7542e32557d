// c175-console: the desk program of Centre 175 (everything but this line lives in c175_app).
#include "console_app.h"

wxIMPLEMENT_APP(c175::app::ConsoleApp);
