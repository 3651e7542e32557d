// The Tip-offs pane's "Figures…" dialog: KPIs and charts over a period of receipt, recomputed on a
// worker when the period changes, with print, print preview and "Save report…" (HTML).
#pragma once
#include "charts.h"
#include "tipoff/report.h"

#include <wx/dialog.h>

#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

class wxDatePickerCtrl;
class wxDateTime;
class wxStaticBitmap;
class wxStaticText;
class wxButton;
class wxHtmlEasyPrinting;

namespace c175::db {
class Database;
}

namespace c175::panels {

class FiguresDialog : public wxDialog {
public:
    // `dbPath` is opened read-only on the worker; "" or ":memory:" computes on `db` directly.
    // `areaCode` scopes the figures (an area-bound session's province); "" = everywhere.
    FiguresDialog(wxWindow* parent, db::Database& db, std::string dbPath, std::string areaCode);
    ~FiguresDialog() override;

    // Sets the period (inclusive days) and recomputes.
    void setPeriod(const wxDateTime& from, const wxDateTime& to);
    // True while figures are being computed.
    bool busy() const { return m_busy; }
    // The figures shown, once computed.
    const std::optional<tipoff::ReportData>& figures() const { return m_data; }
    // The KPI values as shown (tipoff::reportKpis order).
    std::vector<wxString> kpiTexts() const;
    const std::vector<maps::ChartImage>& chartImages() const { return m_images; }
    // The last error shown ("" when none).
    wxString errorText() const;
    // Writes the printable report (charts as PNG data URIs); false with errorText() on failure.
    bool saveReport(const wxString& path);
    // The report as the printer gets it (charts as memory: images).
    wxString printableHtml();

    // Milliseconds the last computation took (worker) and the charts' rendering (GUI thread).
    long computeMs() const { return m_computeMs; }
    long renderMs() const { return m_renderMs; }

private:
    struct Job;
    void recompute();
    void cancelWorker();
    void onComputed(tipoff::ReportData data, const std::string& error, long ms);
    void showCharts();
    void showError(const wxString& text);
    std::optional<tipoff::ReportOptions> optionsFromPickers();
    void registerPrintImages();
    void onSave();

    db::Database& m_db;
    std::string m_dbPath;
    std::string m_areaCode;

    wxDatePickerCtrl* m_from = nullptr;
    wxDatePickerCtrl* m_to = nullptr;
    wxStaticText* m_state = nullptr;
    std::vector<wxStaticText*> m_kpiValues;
    std::vector<wxStaticBitmap*> m_chartViews;
    wxButton* m_print = nullptr;
    wxButton* m_preview = nullptr;
    wxButton* m_save = nullptr;
    std::unique_ptr<wxHtmlEasyPrinting> m_printer;

    std::optional<tipoff::ReportData> m_data;
    std::vector<maps::ChartImage> m_images;
    std::vector<std::string> m_memoryFiles; // registered with wxMemoryFSHandler
    bool m_busy = false;
    bool m_hasError = false; // m_state shows an error
    std::uint64_t m_generation = 0;
    std::shared_ptr<Job> m_job;
    std::thread m_worker;
    long m_computeMs = 0, m_renderMs = 0;
};

} // namespace c175::panels
