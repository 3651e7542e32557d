#include "settings.h"

#include <wx/fileconf.h>
#include <wx/intl.h>
#include <wx/regex.h>

#include <filesystem>

namespace c175::app {

Settings::Settings(const std::string& path) : m_path(path) {
    std::error_code ec;
    std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ec);
    m_config = std::make_unique<wxFileConfig>(wxString(), wxString(), wxString::FromUTF8(path),
                                              wxString(), wxCONFIG_USE_LOCAL_FILE);
}

Settings::~Settings() {
    flush();
}

void Settings::flush() {
    m_config->Flush();
}

std::string Settings::language() const {
    const auto lang = m_config->Read("General/Language", "vi");
    return lang == "en" ? "en" : "vi";
}
void Settings::setLanguage(const std::string& lang) {
    m_config->Write("General/Language", wxString::FromUTF8(lang));
}

std::string Settings::cachePath() const {
    return m_config->Read("General/CachePath", "").utf8_string();
}
void Settings::setCachePath(const std::string& path) {
    m_config->Write("General/CachePath", wxString::FromUTF8(path));
}

wxString Settings::hubUrl() const {
    return m_config->Read("Sync/HubUrl", "");
}
void Settings::setHubUrl(const wxString& url) {
    m_config->Write("Sync/HubUrl", url);
}

wxString Settings::lastUser() const {
    return m_config->Read("Login/LastUser", "");
}
void Settings::setLastUser(const wxString& user) {
    m_config->Write("Login/LastUser", user);
}

wxString Settings::paneOrder(const std::string& role) const {
    return m_config->Read("Layout/" + wxString(role) + "/Order", "");
}
wxString Settings::frontPane(const std::string& role) const {
    return m_config->Read("Layout/" + wxString(role) + "/Front", "");
}
void Settings::setLayout(const std::string& role, const wxString& order, const wxString& front) {
    m_config->Write("Layout/" + wxString(role) + "/Order", order);
    m_config->Write("Layout/" + wxString(role) + "/Front", front);
}
void Settings::clearLayout(const std::string& role) {
    m_config->DeleteGroup("Layout/" + wxString(role));
}

std::optional<WindowPlace> Settings::windowPlace(const wxString& name) const {
    const wxString group = "Windows/" + name + "/";
    long x = 0, y = 0, w = 0, h = 0;
    if (!m_config->Read(group + "X", &x) || !m_config->Read(group + "Y", &y) ||
        !m_config->Read(group + "Width", &w) || !m_config->Read(group + "Height", &h) || w <= 0 ||
        h <= 0)
        return std::nullopt;
    WindowPlace place;
    place.rect = wxRect(int(x), int(y), int(w), int(h));
    place.maximized = m_config->ReadBool(group + "Maximized", false);
    return place;
}

void Settings::setWindowPlace(const wxString& name, const WindowPlace& place) {
    const wxString group = "Windows/" + name + "/";
    m_config->Write(group + "X", long(place.rect.x));
    m_config->Write(group + "Y", long(place.rect.y));
    m_config->Write(group + "Width", long(place.rect.width));
    m_config->Write(group + "Height", long(place.rect.height));
    m_config->Write(group + "Maximized", place.maximized);
}

wxString hubUrlProblem(const wxString& url) {
    if (url.empty())
        return {};
    // Host: a DNS name, IPv4 address or bracketed IPv6 address; the port is required because
    // the hub has no well-known one.
    static const wxRegEx pattern(
        R"(^https?://(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?):([0-9]{1,5})/?$)",
        wxRE_ADVANCED);
    if (!pattern.Matches(url))
        return _("Hub URL: expected http://host:port or https://host:port, for example "
                 "https://hub.c175.local:8443.");
    long port = 0;
    pattern.GetMatch(url, 3).ToLong(&port);
    if (port < 1 || port > 65535)
        return _("Hub URL: the port must be a number from 1 to 65535.");
    return {};
}

} // namespace c175::app
