// The console's log: every wxLog message goes to $XDG_STATE_HOME/c175/console.log (and errors
// to stderr), so a failure reported to a person is also on file.
#pragma once
#include <wx/log.h>

#include <cstdio>
#include <string>

namespace c175::app {

class FileLog : public wxLog {
public:
    // Appends to `path` (folders made as needed); when it cannot be opened, stderr only.
    explicit FileLog(const std::string& path);
    ~FileLog() override;
    FileLog(const FileLog&) = delete;
    FileLog& operator=(const FileLog&) = delete;
    const std::string& path() const { return m_path; }

protected:
    void DoLogRecord(wxLogLevel level, const wxString& msg, const wxLogRecordInfo& info) override;

private:
    std::string m_path;
    std::FILE* m_file = nullptr;
};

// Installs a FileLog as the active log target; returns it (owned by wxLog).
FileLog* installFileLog(const std::string& path);

} // namespace c175::app
