// FiguresDialog: the period pickers, the KPI grid, the three charts (rendered by maps/charts to
// bitmaps) and the report buttons. The figures are computed on a worker with its own read-only
// connection: a pass over 100,000 tips takes about a second on a cold cache.
#include "tipoff/figures_dialog.h"

#include "db/database.h"

#include <sqlite3.h>

#include <wx/app.h>
#include <wx/bmpbuttn.h>
#include <wx/button.h>
#include <wx/datectrl.h>
#include <wx/dateevt.h>
#include <wx/display.h>
#include <wx/filedlg.h>
#include <wx/filesys.h>
#include <wx/fs_mem.h>
#include <wx/html/htmprint.h>
#include <wx/image.h>
#include <wx/intl.h>
#include <wx/msgdlg.h>
#include <wx/scrolwin.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/statbmp.h>
#include <wx/stattext.h>
#include <wx/weakref.h>

#include <chrono>
#include <cstring>
#include <mutex>

namespace c175::panels {

struct FiguresDialog::Job {
    std::mutex mutex;
    db::Database* db = nullptr; // the worker's connection while it computes
    bool cancelled = false;
    // A second reference, so the weak ref is released on the GUI thread (with the job).
    std::shared_ptr<wxWeakRef<FiguresDialog>> owner;

    void cancel() {
        std::lock_guard lock(mutex);
        cancelled = true;
        if (db)
            sqlite3_interrupt(db->handle());
    }
};

namespace {

// Chart sizes on screen (pixels): the two bar charts side by side, the weeks below them.
constexpr int kBarChartWidth = 540, kBarChartHeight = 360;
constexpr int kWeekChartWidth = 1090, kWeekChartHeight = 300;

wxImage toImage(const maps::ChartImage& chart) {
    wxImage image(chart.width, chart.height, false);
    std::memcpy(image.GetData(), chart.rgb.data(), chart.rgb.size());
    return image;
}

std::string dayOf(const wxDateTime& date) {
    return date.FormatISODate().utf8_string();
}

} // namespace

FiguresDialog::FiguresDialog(wxWindow* parent, db::Database& db, std::string dbPath,
                             std::string areaCode)
    : wxDialog(parent, wxID_ANY, _("Tip-off figures"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER | wxMAXIMIZE_BOX),
      m_db(db), m_dbPath(std::move(dbPath)), m_areaCode(std::move(areaCode)) {
    auto* top = new wxBoxSizer(wxVERTICAL);

    auto* period = new wxBoxSizer(wxHORIZONTAL);
    const wxDateTime today = wxDateTime::Today();
    m_from = new wxDatePickerCtrl(this, wxID_ANY, today - wxDateSpan::Days(89), wxDefaultPosition,
                                  wxDefaultSize, wxDP_DROPDOWN | wxDP_SHOWCENTURY);
    m_to = new wxDatePickerCtrl(this, wxID_ANY, today, wxDefaultPosition, wxDefaultSize,
                                wxDP_DROPDOWN | wxDP_SHOWCENTURY);
    // TRANSLATORS: "Received from <date> to <date>": the period the figures cover.
    period->Add(new wxStaticText(this, wxID_ANY, _("Received from")), 0, wxALIGN_CENTER_VERTICAL);
    period->Add(m_from, 0, wxALIGN_CENTER_VERTICAL | wxLEFT, FromDIP(6));
    // TRANSLATORS: between the two dates of "Received from <date> to <date>".
    period->Add(new wxStaticText(this, wxID_ANY, _("to")), 0, wxALIGN_CENTER_VERTICAL | wxLEFT,
                FromDIP(6));
    period->Add(m_to, 0, wxALIGN_CENTER_VERTICAL | wxLEFT, FromDIP(6));
    m_state = new wxStaticText(this, wxID_ANY, wxString());
    m_state->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    period->Add(m_state, 1, wxALIGN_CENTER_VERTICAL | wxLEFT, FromDIP(16));
    top->Add(period, 0, wxEXPAND | wxALL, FromDIP(10));

    // The KPIs: three per line, a small grey label above a large value.
    auto* kpis = new wxFlexGridSizer(0, 3, FromDIP(10), FromDIP(28));
    for (const auto& kpi : tipoff::reportKpis({})) {
        auto* cell = new wxBoxSizer(wxVERTICAL);
        auto* label = new wxStaticText(this, wxID_ANY, wxString::FromUTF8(kpi.label));
        label->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
        auto* value = new wxStaticText(this, wxID_ANY, "…");
        value->SetFont(value->GetFont().Bold().Scaled(1.35f));
        cell->Add(label);
        cell->Add(value, 0, wxTOP, FromDIP(2));
        kpis->Add(cell);
        m_kpiValues.push_back(value);
    }
    top->Add(kpis, 0, wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(12));

    auto* scroll = new wxScrolledWindow(this, wxID_ANY);
    scroll->SetBackgroundColour(*wxWHITE);
    auto* charts = new wxBoxSizer(wxVERTICAL);
    auto* bars = new wxBoxSizer(wxHORIZONTAL);
    for (int i = 0; i < 3; ++i) {
        const bool week = i == 2;
        wxBitmap blank(week ? kWeekChartWidth : kBarChartWidth,
                       week ? kWeekChartHeight : kBarChartHeight);
        auto* view = new wxStaticBitmap(scroll, wxID_ANY, blank);
        m_chartViews.push_back(view);
        if (week)
            charts->Add(view, 0, wxALL, FromDIP(4));
        else
            bars->Add(view, 0, wxALL, FromDIP(4));
    }
    charts->Insert(0, bars);
    scroll->SetSizer(charts);
    scroll->SetScrollRate(FromDIP(10), FromDIP(10));
    scroll->FitInside();
    top->Add(scroll, 1, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(8));

    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    m_preview = new wxButton(this, wxID_ANY, _("Print preview…"));
    m_print = new wxButton(this, wxID_PRINT, _("Print…"));
    m_save = new wxButton(this, wxID_SAVE, _("Save report…"));
    m_save->SetToolTip(_("Save the report as an HTML file with the charts inside"));
    buttons->Add(m_preview);
    buttons->Add(m_print, 0, wxLEFT, FromDIP(6));
    buttons->Add(m_save, 0, wxLEFT, FromDIP(6));
    buttons->AddStretchSpacer();
    buttons->Add(new wxButton(this, wxID_CLOSE, _("Close")));
    SetEscapeId(wxID_CLOSE);
    top->Add(buttons, 0, wxEXPAND | wxALL, FromDIP(10));
    SetSizer(top);

    // Everything fits on a 1600x1000 screen; smaller screens scroll the charts.
    const int display = wxDisplay::GetFromWindow(parent ? parent : this);
    const wxRect screen =
        wxDisplay(display == wxNOT_FOUND ? 0u : static_cast<unsigned>(display)).GetClientArea();
    const wxSize want(kWeekChartWidth + FromDIP(60),
                      kBarChartHeight + kWeekChartHeight + FromDIP(290));
    SetSize(wxSize(std::min(want.x, screen.width - 40), std::min(want.y, screen.height - 40)));
    SetMinSize(wxSize(FromDIP(640), FromDIP(480)));
    CentreOnParent();

    m_from->Bind(wxEVT_DATE_CHANGED, [this](wxDateEvent&) { recompute(); });
    m_to->Bind(wxEVT_DATE_CHANGED, [this](wxDateEvent&) { recompute(); });
    m_preview->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (m_data)
            m_printer->PreviewText(printableHtml());
    });
    m_print->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (m_data)
            m_printer->PrintText(printableHtml());
    });
    m_save->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { onSave(); });

    m_printer = std::make_unique<wxHtmlEasyPrinting>(_("Tip-off report"), this);
    m_printer->SetFooter(_("Page @PAGENUM@ of @PAGESCNT@"), wxPAGE_ALL);
    recompute();
}

FiguresDialog::~FiguresDialog() {
    cancelWorker();
    for (const auto& name : m_memoryFiles)
        wxMemoryFSHandler::RemoveFile(wxString::FromUTF8(name));
}

void FiguresDialog::setPeriod(const wxDateTime& from, const wxDateTime& to) {
    m_from->SetValue(from);
    m_to->SetValue(to);
    recompute();
}

std::vector<wxString> FiguresDialog::kpiTexts() const {
    std::vector<wxString> out;
    for (const auto* value : m_kpiValues)
        out.push_back(value->GetLabel());
    return out;
}

wxString FiguresDialog::errorText() const {
    return m_hasError ? m_state->GetLabel() : wxString();
}

std::optional<tipoff::ReportOptions> FiguresDialog::optionsFromPickers() {
    tipoff::ReportOptions options;
    options.fromDay = dayOf(m_from->GetValue());
    options.toDay = dayOf(m_to->GetValue());
    options.areaCode = m_areaCode;
    if (m_from->GetValue().IsLaterThan(m_to->GetValue())) {
        showError(_("The start of the period comes after its end."));
        return std::nullopt;
    }
    return options;
}

void FiguresDialog::cancelWorker() {
    if (m_job)
        m_job->cancel();
    if (m_worker.joinable())
        m_worker.join();
    m_job.reset();
}

void FiguresDialog::recompute() {
    const auto options = optionsFromPickers();
    if (!options)
        return;
    cancelWorker();
    const std::uint64_t generation = ++m_generation;
    m_busy = true;
    m_hasError = false;
    m_state->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    m_state->SetLabel(_("Computing the figures…"));
    for (auto* b : {m_print, m_preview, m_save})
        b->Enable(false);

    if (m_dbPath.empty() || m_dbPath == ":memory:") {
        // No file a second connection could open: compute here.
        const auto start = std::chrono::steady_clock::now();
        tipoff::ReportData data;
        std::string error;
        try {
            data = tipoff::collectReport(m_db, *options);
        } catch (const std::exception& e) {
            error = e.what();
        }
        onComputed(std::move(data), error,
                   static_cast<long>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                         std::chrono::steady_clock::now() - start)
                                         .count()));
        return;
    }

    auto job = std::make_shared<Job>();
    auto owner = std::make_shared<wxWeakRef<FiguresDialog>>(this); // made on the GUI thread
    job->owner = owner;
    m_job = job;
    m_worker = std::thread([job, owner, generation, path = m_dbPath, options = *options] {
        const auto start = std::chrono::steady_clock::now();
        tipoff::ReportData data;
        std::string error;
        try {
            db::Database db(path, db::OpenMode::ReadOnly);
            {
                std::lock_guard lock(job->mutex);
                if (job->cancelled)
                    return;
                job->db = &db;
            }
            try {
                data = tipoff::collectReport(db, options);
            } catch (const std::exception& e) {
                error = e.what();
            }
            std::lock_guard lock(job->mutex);
            job->db = nullptr;
        } catch (const std::exception& e) {
            error = e.what();
        }
        const long ms = static_cast<long>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                              std::chrono::steady_clock::now() - start)
                                              .count());
        std::lock_guard lock(job->mutex);
        if (job->cancelled || !wxTheApp)
            return;
        wxTheApp->CallAfter([owner, generation, data = std::move(data), error, ms]() mutable {
            FiguresDialog* dialog = owner->get();
            if (dialog && generation == dialog->m_generation)
                dialog->onComputed(std::move(data), error, ms);
        });
    });
}

void FiguresDialog::showError(const wxString& text) {
    m_hasError = true;
    m_state->SetForegroundColour(wxColour(0xc6, 0x28, 0x28));
    m_state->SetLabel(text);
    Layout();
}

void FiguresDialog::onComputed(tipoff::ReportData data, const std::string& error, long ms) {
    m_busy = false;
    m_computeMs = ms;
    if (!error.empty()) {
        m_data.reset();
        showError(wxString::FromUTF8(error));
        return;
    }
    m_data = std::move(data);
    const auto kpis = tipoff::reportKpis(m_data->stats);
    for (std::size_t i = 0; i < kpis.size() && i < m_kpiValues.size(); ++i)
        m_kpiValues[i]->SetLabel(wxString::FromUTF8(kpis[i].value));
    showCharts();
    for (auto* b : {m_print, m_preview, m_save})
        b->Enable(true);
    if (errorText().empty()) {
        m_state->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
        m_state->SetLabel(wxString::Format(_("%s; computed in %ld ms."),
                                           wxString::FromUTF8(tipoff::periodText(m_data->options)),
                                           m_computeMs + m_renderMs));
    }
    Layout();
}

void FiguresDialog::showCharts() {
    const auto start = std::chrono::steady_clock::now();
    m_images.clear();
    try {
        for (std::size_t i = 0; i < m_data->charts.size() && i < m_chartViews.size(); ++i) {
            const bool week = m_data->charts[i].kind == tipoff::ReportChart::Kind::Columns;
            auto spec =
                maps::chartSpecOf(m_data->charts[i], week ? kWeekChartWidth : kBarChartWidth,
                                  week ? kWeekChartHeight : kBarChartHeight);
            m_images.push_back(maps::renderChart(spec));
            m_chartViews[i]->SetBitmap(wxBitmap(toImage(m_images.back())));
        }
        m_state->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    } catch (const std::exception& e) {
        showError(
            wxString::Format(_("The charts could not be drawn: %s"), wxString::FromUTF8(e.what())));
    }
    m_renderMs = static_cast<long>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                       std::chrono::steady_clock::now() - start)
                                       .count());
}

void FiguresDialog::registerPrintImages() {
    static const bool handlerAdded = [] {
        wxFileSystem::AddHandler(new wxMemoryFSHandler);
        if (!wxImage::FindHandler(wxBITMAP_TYPE_PNG))
            wxImage::AddHandler(new wxPNGHandler);
        return true;
    }();
    (void)handlerAdded;
    for (const auto& name : m_memoryFiles)
        wxMemoryFSHandler::RemoveFile(wxString::FromUTF8(name));
    m_memoryFiles.clear();
    if (!m_data)
        return;
    // At the printable report's size, the same images as the saved file.
    const auto tag = reinterpret_cast<std::uintptr_t>(this);
    for (std::size_t i = 0; i < m_data->charts.size(); ++i) {
        const std::string png =
            maps::encodePng(maps::renderChart(maps::chartSpecOf(m_data->charts[i])));
        const std::string name =
            "c175-figures-" + std::to_string(tag) + "-" + std::to_string(i) + ".png";
        wxMemoryFSHandler::AddFileWithMimeType(wxString::FromUTF8(name), png.data(), png.size(),
                                               "image/png");
        m_memoryFiles.push_back(name);
    }
}

wxString FiguresDialog::printableHtml() {
    if (!m_data)
        return wxString();
    try {
        registerPrintImages();
    } catch (const std::exception& e) {
        showError(
            wxString::Format(_("The charts could not be drawn: %s"), wxString::FromUTF8(e.what())));
    }
    const auto files = m_memoryFiles;
    return wxString::FromUTF8(
        tipoff::reportHtml(*m_data, [&files](const tipoff::ReportChart&, std::size_t i) {
            return i < files.size() ? "memory:" + files[i] : std::string();
        }));
}

bool FiguresDialog::saveReport(const wxString& path) {
    if (!m_data)
        return false;
    try {
        const std::string html =
            tipoff::reportHtml(*m_data, [](const tipoff::ReportChart& chart, std::size_t) {
                return maps::reportChartDataUri(chart);
            });
        tipoff::writeReportFile(path.utf8_string(), html);
        return true;
    } catch (const std::exception& e) {
        showError(wxString::FromUTF8(e.what()));
        return false;
    }
}

void FiguresDialog::onSave() {
    if (!m_data)
        return;
    const wxString name =
        wxString::Format("tipoff-report-%s-%s.html", wxString::FromUTF8(m_data->options.fromDay),
                         wxString::FromUTF8(m_data->options.toDay));
    wxFileDialog dialog(this, _("Save report"), wxString(), name, _("HTML files (*.html)|*.html"),
                        wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (dialog.ShowModal() != wxID_OK)
        return;
    if (saveReport(dialog.GetPath()))
        m_state->SetLabel(wxString::Format(_("Report saved to %s."), dialog.GetPath()));
    else
        wxMessageBox(errorText(), _("Save report"), wxOK | wxICON_ERROR, this);
}

} // namespace c175::panels
