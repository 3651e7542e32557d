// The console's own settings (language, cache, hub URL, layouts, window places) in console.ini.
#pragma once
#include <wx/gdicmn.h>
#include <wx/string.h>

#include <memory>
#include <optional>
#include <string>

class wxFileConfig;

namespace c175::app {

// Saved size and place of a top-level window.
struct WindowPlace {
    wxRect rect;
    bool maximized = false;
};

class Settings {
public:
    // Reads `path` (an INI file; created on the first flush). Folders are made as needed.
    explicit Settings(const std::string& path);
    ~Settings();
    Settings(const Settings&) = delete;
    Settings& operator=(const Settings&) = delete;

    const std::string& path() const { return m_path; }

    // "vi" (the default) or "en".
    std::string language() const;
    void setLanguage(const std::string& lang);
    // Empty = the default cache ($XDG_DATA_HOME/c175/cache.db).
    std::string cachePath() const;
    void setCachePath(const std::string& path);
    // Empty = sync not configured.
    wxString hubUrl() const;
    void setHubUrl(const wxString& url);
    wxString lastUser() const;
    void setLastUser(const wxString& user);

    // Tab layout of the main frame per role: pane keys in order, and the one in front.
    wxString paneOrder(const std::string& role) const;
    wxString frontPane(const std::string& role) const;
    void setLayout(const std::string& role, const wxString& order, const wxString& front);
    void clearLayout(const std::string& role);

    std::optional<WindowPlace> windowPlace(const wxString& name) const;
    void setWindowPlace(const wxString& name, const WindowPlace& place);

    // Writes the file now (also done on destruction).
    void flush();

private:
    std::string m_path;
    std::unique_ptr<wxFileConfig> m_config;
};

// Empty when `url` is empty (sync off) or an http(s)://host:port URL; otherwise a translated
// sentence naming the field and the rule.
wxString hubUrlProblem(const wxString& url);

} // namespace c175::app
