#include "console_app.h"

#include "app_log.h"
#include "app_paths.h"
#include "i18n_setup.h"
#include "login_dialog.h"
#include "main_frame.h"
#include "screenshots.h"

#include "auth/accounts.h"
#include "db/migrations.h"

#include <wx/cmdline.h>
#include <wx/image.h>
#include <wx/intl.h>
#include <wx/log.h>
#include <wx/msgdlg.h>
#include <wx/textctrl.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>

namespace c175::app {
namespace {

// --lang must be known before wxApp parses the command line, so that its help is translated.
std::string langFromArgs(int argc, wxChar** argv) {
    for (int i = 1; i < argc; ++i) {
        const wxString arg(argv[i]);
        if (arg == "--lang" && i + 1 < argc)
            return wxString(argv[i + 1]).utf8_string();
        if (arg.StartsWith("--lang="))
            return arg.Mid(7).utf8_string();
    }
    return {};
}

wxString currentExceptionText() {
    try {
        throw;
    } catch (const std::exception& e) {
        return wxString::FromUTF8(e.what());
    } catch (...) {
        return _("an unknown error");
    }
}

} // namespace

bool ConsoleApp::OnInit() {
    useUtf8Locale();
    SetAppName("c175");
    SetAppDisplayName("C175 Console");
    installFileLog(logFilePath());
    wxInitAllImageHandlers();
    m_settings = std::make_unique<Settings>(configFilePath());
    std::string lang = langFromArgs(argc, argv);
    setupTranslations(lang.empty() ? m_settings->language() : lang);
    if (!wxApp::OnInit())
        return false;
    if (m_options.lang != lang) // the parsed value wins (e.g. "--lang en" after a bad one)
        setupTranslations(m_options.lang.empty() ? m_settings->language() : m_options.lang);
    try {
        if (!start())
            m_skipLoop = true;
    } catch (...) {
        fail(wxString::Format(_("C175 Console could not start: %s"), currentExceptionText()));
    }
    return true;
}

int ConsoleApp::OnRun() {
    if (m_skipLoop)
        return m_exitCode;
    const int code = wxApp::OnRun();
    return m_exitCode != 0 ? m_exitCode : code;
}

int ConsoleApp::OnExit() {
    if (m_settings)
        m_settings->flush();
    return wxApp::OnExit();
}

void ConsoleApp::OnInitCmdLine(wxCmdLineParser& parser) {
    wxApp::OnInitCmdLine(parser);
    parser.AddOption("", "db", _("the cache file to open"));
    parser.AddOption("", "lang", _("the language of this run: vi or en"));
    parser.AddOption("", "user", _("the username to fill in the sign-in dialog"));
    parser.AddOption("", "hub", _("the sync hub for this run, http(s)://host:port"));
    parser.AddOption("", "screenshots",
                     _("sign in as --user with the password in C175_PASSWORD, save a PNG of "
                       "every pane into this folder, print the paths and quit"));
    parser.AddSwitch("", "report-startup",
                     _("sign in as --user (password in C175_PASSWORD), print startup_ms and "
                       "rss_mb, and quit"));
    parser.AddSwitch("", "version", _("print the version and quit"));
}

bool ConsoleApp::OnCmdLineParsed(wxCmdLineParser& parser) {
    if (!wxApp::OnCmdLineParsed(parser))
        return false;
    if (parser.Found("version")) {
        std::printf("c175-console %s\n", C175_VERSION);
        m_skipLoop = true;
        return true;
    }
    wxString value;
    if (parser.Found("db", &value))
        m_options.dbPath = value.utf8_string();
    if (parser.Found("lang", &value)) {
        if (value != "vi" && value != "en") {
            wxLogError(_("--lang: expected vi or en, not \"%s\"."), value);
            return false;
        }
        m_options.lang = value.utf8_string();
    }
    if (parser.Found("user", &value))
        m_options.user = value.utf8_string();
    if (parser.Found("hub", &value)) {
        if (const wxString problem = hubUrlProblem(value); !problem.empty()) {
            wxLogError("--hub: %s", problem);
            return false;
        }
        m_options.hubUrl = value.utf8_string();
    }
    if (parser.Found("screenshots", &value))
        m_options.screenshotsDir = value.utf8_string();
    m_options.reportStartup = parser.Found("report-startup");
    return true;
}

bool ConsoleApp::start() {
    if (m_skipLoop) // --version
        return false;
    std::string path = m_options.dbPath;
    if (path.empty())
        path = m_settings->cachePath();
    if (path.empty()) {
        path = defaultCachePath();
        std::error_code ec;
        std::filesystem::create_directories(dataDir(), ec);
    }
    auto db = openCache(path);
    if (!db)
        return false;
    auto session = signIn(*db);
    if (!session)
        return false;
    auto* frame = showFrame(std::move(db), *session);
    if (m_options.unattended()) {
        frame->setSaveLayoutOnClose(false);
        // "Usable" = shown, laid out and idle: the first idle event after Show().
        frame->Bind(wxEVT_IDLE, [this, frame](wxIdleEvent& event) {
            event.Skip();
            static bool done = false;
            if (done)
                return;
            done = true;
            CallAfter([this, frame] { runUnattended(frame); });
        });
    }
    return true;
}

std::unique_ptr<db::Database> ConsoleApp::openCache(const std::string& path) {
    try {
        auto db = std::make_unique<db::Database>(db::openCache(path));
        wxLogMessage("Opened the cache %s", wxString::FromUTF8(path));
        return db;
    } catch (const std::exception& e) {
        fail(wxString::FromUTF8(e.what()));
        return nullptr;
    }
}

std::optional<auth::Session> ConsoleApp::signIn(db::Database& db) {
    if (db.scalarInt("SELECT COUNT(*) FROM users") == 0) {
        const wxString file = wxString::FromUTF8(db.path());
        fail(wxString::Format(_("The cache \"%s\" has no accounts yet. Fill it with demo data "
                                "(c175ctl --db \"%s\" seed --scale small) or add an account "
                                "(c175ctl --db \"%s\" user add NAME --role admin)."),
                              file, file, file));
        return std::nullopt;
    }
    if (m_options.unattended()) {
        const char* password = std::getenv("C175_PASSWORD");
        if (m_options.user.empty() || !password || !*password) {
            fail(_("An unattended run needs --user NAME and the password in C175_PASSWORD."), 2);
            return std::nullopt;
        }
        try {
            m_signInPassword = wxString::FromUTF8(password);
            return auth::AccountService(db).login(m_options.user, password);
        } catch (const std::exception& e) {
            fail(wxString::FromUTF8(e.what()));
            return std::nullopt;
        }
    }
    const wxString user =
        !m_options.user.empty() ? wxString::FromUTF8(m_options.user) : m_settings->lastUser();
    LoginDialog dialog(nullptr, *m_settings, db, user);
    if (dialog.ShowModal() != wxID_OK || !dialog.session()) {
        wxLogMessage("Sign-in cancelled.");
        return std::nullopt; // exit status 0: cancelling is not an error
    }
    m_signInPassword = dialog.passwordCtrl()->GetValue();
    return dialog.session();
}

MainFrame* ConsoleApp::showFrame(std::unique_ptr<db::Database> db, auth::Session session) {
    wxLogMessage("Signed in as %s (%s)", wxString::FromUTF8(session.username),
                 wxString(auth::roleName(session.role).data()));
    FrameHooks hooks;
    hooks.openCache = [this](const std::string& path) { switchCache(path); };
    auto* frame = new MainFrame(*m_settings, std::move(db), std::move(session), hooks);
    if (!m_options.hubUrl.empty())
        frame->setHubForThisRun(wxString::FromUTF8(m_options.hubUrl));
    if (!m_options.unattended())
        frame->startSync(m_signInPassword);
    m_signInPassword.clear();
    frame->Show();
    SetTopWindow(frame);
    return frame;
}

void ConsoleApp::switchCache(const std::string& path) {
    std::unique_ptr<db::Database> db;
    try {
        db = std::make_unique<db::Database>(db::openCache(path));
    } catch (const std::exception& e) {
        wxLogError("%s", wxString::FromUTF8(e.what()));
        wxMessageBox(wxString::FromUTF8(e.what()), _("Open cache"), wxOK | wxICON_ERROR,
                     GetTopWindow());
        return;
    }
    LoginDialog dialog(GetTopWindow(), *m_settings, *db, m_settings->lastUser());
    if (dialog.ShowModal() != wxID_OK || !dialog.session())
        return;
    m_signInPassword = dialog.passwordCtrl()->GetValue();
    auto* old = GetTopWindow();
    showFrame(std::move(db), *dialog.session());
    if (old)
        old->Close(true);
}

void ConsoleApp::runUnattended(MainFrame* frame) {
    if (m_options.reportStartup) {
        std::printf("startup_ms: %.0f\n", msSinceProcessStart());
        std::fflush(stdout);
    }
    const auto panes = frame->panes();
    if (!m_options.screenshotsDir.empty()) {
        const auto paths = savePaneScreenshots(*frame, m_options.screenshotsDir);
        for (const auto& path : paths)
            std::printf("%s\n", path.c_str());
        std::fflush(stdout);
        if (paths.size() != panes.size())
            m_exitCode = 1;
    } else {
        for (auto* pane : panes) {
            if (pane)
                frame->showPane(pane->id());
            settle(150);
        }
    }
    if (m_options.reportStartup) {
        std::printf("rss_mb: %.1f\n", residentMiB());
        std::fflush(stdout);
    }
    frame->Close(true);
    ExitMainLoop();
}

void ConsoleApp::fail(const wxString& message, int code) {
    wxLogError("%s", message);
    if (!m_options.unattended())
        wxMessageBox(message, _("C175 Console"), wxOK | wxICON_ERROR);
    m_exitCode = code;
    m_skipLoop = true;
}

void ConsoleApp::reportException(const wxString& what) {
    wxLogError("%s", what);
    if (!m_options.unattended())
        wxMessageBox(wxString::Format(_("%s\n\nDetails are in the log: %s"), what,
                                      wxString::FromUTF8(logFilePath())),
                     _("C175 Console"), wxOK | wxICON_ERROR, GetTopWindow());
}

bool ConsoleApp::OnExceptionInMainLoop() {
    const wxString text = currentExceptionText();
    reportException(wxString::Format(_("An action failed: %s"), text));
    if (m_options.unattended()) {
        m_exitCode = 1;
        return false;
    }
    return true; // the data layer rolled back; the window stays usable
}

void ConsoleApp::OnUnhandledException() {
    const wxString text = currentExceptionText();
    reportException(wxString::Format(_("C175 Console must close: %s"), text));
    m_exitCode = 1;
}

} // namespace c175::app
