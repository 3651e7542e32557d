#include "app_log.h"

#include <wx/datetime.h>

#include <filesystem>

namespace c175::app {

FileLog::FileLog(const std::string& path) : m_path(path) {
    std::error_code ec;
    std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ec);
    m_file = std::fopen(path.c_str(), "a");
}

FileLog::~FileLog() {
    if (m_file)
        std::fclose(m_file);
}

void FileLog::DoLogRecord(wxLogLevel level, const wxString& msg, const wxLogRecordInfo&) {
    const char* tag = level <= wxLOG_Error ? "error" : level == wxLOG_Warning ? "warning" : "info";
    const auto line =
        wxString::Format("%s [%s] %s\n", wxDateTime::Now().FormatISOCombined(' '), tag, msg)
            .utf8_string();
    if (m_file) {
        std::fputs(line.c_str(), m_file);
        std::fflush(m_file);
    }
    if (level <= wxLOG_Warning)
        std::fputs(line.c_str(), stderr);
}

FileLog* installFileLog(const std::string& path) {
    auto* log = new FileLog(path);
    delete wxLog::SetActiveTarget(log);
    wxLog::SetVerbose(false);
    return log;
}

} // namespace c175::app
