// The application object: options, logging, languages, opening the cache, sign-in, the frame,
// and the central report of uncaught exceptions.
#pragma once
#include "settings.h"

#include "auth/roles.h"
#include "db/database.h"

#include <wx/app.h>

#include <memory>
#include <optional>
#include <string>

namespace c175::app {

class MainFrame;

struct ConsoleOptions {
    std::string dbPath;         // --db FILE (empty: from Preferences, else the default cache)
    std::string lang;           // --lang vi|en (empty: from Preferences)
    std::string user;           // --user NAME: prefills the sign-in
    std::string hubUrl;         // --hub URL: the sync hub for this run (Preferences otherwise)
    std::string screenshotsDir; // --screenshots DIR: unattended run saving one PNG per pane
    bool reportStartup = false; // --report-startup: print startup_ms and rss_mb, then quit
    bool unattended() const { return !screenshotsDir.empty() || reportStartup; }
};

class ConsoleApp : public wxApp {
public:
    bool OnInit() override;
    int OnRun() override;
    int OnExit() override;
    void OnInitCmdLine(wxCmdLineParser& parser) override;
    bool OnCmdLineParsed(wxCmdLineParser& parser) override;
    bool OnExceptionInMainLoop() override;
    void OnUnhandledException() override;

private:
    bool start();
    std::unique_ptr<db::Database> openCache(const std::string& path);
    std::optional<auth::Session> signIn(db::Database& db);
    MainFrame* showFrame(std::unique_ptr<db::Database> db, auth::Session session);
    void switchCache(const std::string& path);
    void runUnattended(MainFrame* frame);
    // Shows (or, unattended, prints) one sentence, logs it, and ends with a non-zero status.
    void fail(const wxString& message, int code = 1);
    void reportException(const wxString& where);

    ConsoleOptions m_options;
    std::unique_ptr<Settings> m_settings;
    // The password typed at sign-in, until the frame's sync takes it (memory only, never stored).
    wxString m_signInPassword;
    int m_exitCode = 0;
    bool m_skipLoop = false;
};

} // namespace c175::app
