// TablePane: the search/list/count/detail layout shared by the pilot panes.
#include "common/table_pane.h"

#include "browse/cell_format.h"

#include <wx/button.h>
#include <wx/intl.h>
#include <wx/menu.h>
#include <wx/settings.h>
#include <wx/sizer.h>

namespace c175::panels {
namespace {

constexpr int kDebounceMs = 250;
constexpr int kDetailPairs = 3; // label/value pairs per detail line

int alignOf(browse::Align align) {
    switch (align) {
    case browse::Align::Left:
        return wxALIGN_LEFT;
    case browse::Align::Center:
        return wxALIGN_CENTER;
    case browse::Align::Right:
        return wxALIGN_RIGHT;
    }
    return wxALIGN_LEFT;
}

} // namespace

TablePane::TablePane(wxWindow* parent, PaneContext& context, PaneId id, browse::TableId table,
                     wxString title)
    : Pane(parent, wxID_ANY), m_context(context), m_id(id), m_table(table),
      m_title(std::move(title)),
      m_service(std::make_shared<browse::BrowseService>(*context.db, context.session, table)),
      m_model(new VirtualTableModel(m_service)),
      m_loader(std::make_unique<RowidLoader>(this, context.dbPath, context.db)), m_debounce(this) {
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    m_toolbar = new wxBoxSizer(wxHORIZONTAL);
    m_search = new wxSearchCtrl(this, wxID_ANY, wxString(), wxDefaultPosition,
                                wxSize(FromDIP(280), -1), wxTE_PROCESS_ENTER);
    m_search->ShowCancelButton(true);
    m_search->SetDescriptiveText(_("Search (accents optional)"));
    m_count = new wxStaticText(this, wxID_ANY, _("Loading…"));
    m_toolbar->Add(m_search, 0, wxALIGN_CENTER_VERTICAL);
    m_toolbar->AddStretchSpacer();
    m_toolbar->Add(m_count, 0, wxALIGN_CENTER_VERTICAL | wxLEFT, FromDIP(8));
    sizer->Add(m_toolbar, 0, wxEXPAND | wxALL, FromDIP(4));

    m_list = new wxDataViewCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                wxDV_SINGLE | wxDV_ROW_LINES);
    m_list->AssociateModel(m_model.get());
    m_model->setRowTone([this](const browse::Row& row) { return rowTone(row); });
    sizer->Add(m_list, 1, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(4));

    m_detailGrid = new wxFlexGridSizer(0, kDetailPairs * 2, FromDIP(2), FromDIP(8));
    for (int i = 0; i < kDetailPairs; ++i)
        m_detailGrid->AddGrowableCol(static_cast<size_t>(i * 2 + 1), 1);
    sizer->Add(m_detailGrid, 0, wxEXPAND | wxALL, FromDIP(6));
    SetSizer(sizer);

    buildColumns();
    buildDetail();
    buildShowOnMap();

    m_search->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { m_debounce.StartOnce(kDebounceMs); });
    m_search->Bind(wxEVT_SEARCH, [this](wxCommandEvent&) {
        m_debounce.Stop();
        m_query.filter = m_search->GetValue().utf8_string();
        startQuery();
    });
    m_search->Bind(wxEVT_SEARCH_CANCEL, [this](wxCommandEvent&) {
        m_debounce.Stop();
        m_search->ChangeValue(wxString());
        m_query.filter.clear();
        startQuery();
    });
    Bind(wxEVT_TIMER, [this](wxTimerEvent&) {
        const std::string filter = m_search->GetValue().utf8_string();
        if (filter != m_query.filter) {
            m_query.filter = filter;
            startQuery();
        }
    });
    m_list->Bind(wxEVT_DATAVIEW_SELECTION_CHANGED, [this](wxDataViewEvent&) {
        showDetail(selectedRow());
        onSelectionChanged(selectedRow());
    });
    // The control only shows the sort indicator; the order comes from a new rowid query.
    m_list->Bind(wxEVT_DATAVIEW_COLUMN_SORTED, [this](wxDataViewEvent& event) {
        const wxDataViewColumn* column = event.GetDataViewColumn();
        if (!column)
            return;
        m_query.sortColumn = static_cast<int>(column->GetModelColumn());
        m_query.ascending = column->IsSortOrderAscending();
        startQuery();
    });

    startQuery();
}

void TablePane::buildColumns() {
    const auto& spec = m_service->spec();
    for (std::size_t i = 0; i < spec.columns.size(); ++i) {
        const auto& column = spec.columns[i];
        m_list->AppendTextColumn(wxString::FromUTF8(column.header), static_cast<unsigned>(i),
                                 wxDATAVIEW_CELL_INERT, FromDIP(column.width),
                                 static_cast<wxAlignment>(alignOf(column.align)),
                                 wxDATAVIEW_COL_RESIZABLE | wxDATAVIEW_COL_SORTABLE);
    }
    if (auto* sorted = m_list->GetColumn(static_cast<unsigned>(spec.defaultSortColumn)))
        sorted->SetSortOrder(spec.defaultAscending);
}

void TablePane::buildDetail() {
    m_detailGrid->Clear(true);
    m_detailValues.clear();
    for (const auto& column : m_service->spec().columns) {
        auto* label = new wxStaticText(this, wxID_ANY, wxString::FromUTF8(column.header) + ":");
        label->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
        auto* value = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                                       wxST_ELLIPSIZE_END);
        m_detailGrid->Add(label, 0, wxALIGN_CENTER_VERTICAL);
        m_detailGrid->Add(value, 1, wxEXPAND | wxALIGN_CENTER_VERTICAL);
        m_detailValues.push_back(value);
    }
    Layout();
}

void TablePane::setTable(browse::TableId table) {
    if (table == m_table)
        return;
    m_service = std::make_shared<browse::BrowseService>(*m_context.db, m_context.session, table);
    m_table = table;
    m_model = new VirtualTableModel(m_service); // the pointer takes the new model's reference
    m_list->ClearColumns();
    m_list->AssociateModel(m_model.get());
    m_model->setRowTone([this](const browse::Row& row) { return rowTone(row); });
    m_query = {};
    m_loaded = false;
    m_keepSelection.reset();
    m_search->ChangeValue(wxString());
    buildColumns();
    buildDetail();
    startQuery();
}

void TablePane::reload() {
    m_model->invalidate();
    startQuery();
}

long TablePane::shownRowCount() const {
    return m_loaded ? static_cast<long>(m_model->GetCount()) : -1;
}

void TablePane::focusSearch() {
    m_search->SetFocus();
    m_search->SelectAll();
}

void TablePane::startQuery() {
    if (const auto* row = selectedRow())
        m_keepSelection = row->rowid;
    m_count->SetLabel(_("Loading…"));
    m_toolbar->Layout();
    m_loader->start(m_context.session, m_table, m_query,
                    [this](std::vector<std::int64_t> rowids, const std::string& error) {
                        onRowids(std::move(rowids), error);
                    });
}

void TablePane::onRowids(std::vector<std::int64_t> rowids, const std::string& error) {
    if (!error.empty()) {
        m_count->SetLabel(_("The list could not be read."));
        if (m_context.setStatus)
            m_context.setStatus(wxString::FromUTF8(error));
        return;
    }
    m_model->setRowids(std::move(rowids));
    m_loaded = true;
    showCount();
    if (m_pendingRecord) {
        const std::string record = *m_pendingRecord;
        m_pendingRecord.reset();
        selectRecord(record);
    } else if (m_keepSelection) {
        selectRowid(*m_keepSelection);
    } else {
        showDetail(nullptr);
        onSelectionChanged(nullptr);
    }
    m_keepSelection.reset();
}

void TablePane::showCount() {
    const auto n = static_cast<long>(m_model->GetCount());
    const wxString number = wxString::FromUTF8(browse::formatThousands(n));
    if (m_query.filter.empty())
        m_count->SetLabel(wxString::Format(wxPLURAL("%s row", "%s rows", n), number));
    else
        m_count->SetLabel(wxString::Format(wxPLURAL("%s row matches", "%s rows match", n), number));
    m_toolbar->Layout();
}

const browse::Row* TablePane::selectedRow() const {
    const wxDataViewItem item = m_list->GetSelection();
    if (!item.IsOk())
        return nullptr;
    return m_model->rowAt(m_model->GetRow(item));
}

int TablePane::columnIndex(const std::string& key) const {
    const auto& columns = m_service->spec().columns;
    for (std::size_t i = 0; i < columns.size(); ++i)
        if (columns[i].key == key)
            return static_cast<int>(i);
    return -1;
}

void TablePane::selectRowid(std::int64_t rowid) {
    const long index = m_model->indexOf(rowid);
    if (index < 0) {
        m_list->UnselectAll();
        showDetail(nullptr);
        onSelectionChanged(nullptr);
        return;
    }
    const wxDataViewItem item = m_model->GetItem(static_cast<unsigned>(index));
    m_list->Select(item);
    m_list->EnsureVisible(item);
    showDetail(selectedRow());
    onSelectionChanged(selectedRow());
}

void TablePane::selectRecord(const std::string& recordId) {
    if (!m_loaded) {
        m_pendingRecord = recordId;
        return;
    }
    const auto rowid = m_service->rowidOf(recordId);
    if (!rowid) {
        if (m_context.setStatus)
            m_context.setStatus(_("That record is not in this list."));
        return;
    }
    if (m_model->indexOf(*rowid) < 0 && !m_query.filter.empty()) {
        // Filtered out: show the whole list, then select it.
        m_search->ChangeValue(wxString());
        m_query.filter.clear();
        m_pendingRecord = recordId;
        startQuery();
        return;
    }
    selectRowid(*rowid);
}

void TablePane::refreshSelectedRow() {
    const wxDataViewItem item = m_list->GetSelection();
    if (!item.IsOk())
        return;
    m_model->invalidateRow(m_model->GetRow(item));
    showDetail(selectedRow());
    onSelectionChanged(selectedRow());
}

void TablePane::buildShowOnMap() {
    if (m_service->spec().mapRecordPrefix.empty())
        return;
    m_showOnMap = new wxButton(this, wxID_ANY, _("Show on map"));
    m_showOnMap->SetToolTip(_("Centre the map on the selected row (Ctrl+M)"));
    m_showOnMap->Enable(false);
    m_toolbar->Insert(1, m_showOnMap, 0, wxALIGN_CENTER_VERTICAL | wxLEFT, FromDIP(8));
    m_showOnMap->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { showOnMap(); });
    m_list->Bind(wxEVT_DATAVIEW_ITEM_CONTEXT_MENU, [this](wxDataViewEvent& event) {
        if (!event.GetItem().IsOk() || !selectedRow())
            return;
        wxMenu menu;
        menu.Append(wxID_ANY, _("Show on map\tCtrl+M"));
        menu.Bind(wxEVT_MENU, [this](wxCommandEvent&) { showOnMap(); });
        PopupMenu(&menu);
    });
    // A key hook rather than an accelerator table: panes set their own tables (Ctrl+N).
    Bind(wxEVT_CHAR_HOOK, [this](wxKeyEvent& event) {
        if (event.GetModifiers() == wxMOD_CONTROL && event.GetKeyCode() == 'M' && selectedRow())
            showOnMap();
        else
            event.Skip();
    });
}

void TablePane::showOnMap() {
    const browse::Row* row = selectedRow();
    const std::string& prefix = m_service->spec().mapRecordPrefix;
    if (row && !prefix.empty() && m_context.openRecord)
        m_context.openRecord(PaneId::Map, prefix + row->recordId);
}

void TablePane::showDetail(const browse::Row* row) {
    if (m_showOnMap)
        m_showOnMap->Enable(row != nullptr);
    for (std::size_t i = 0; i < m_detailValues.size(); ++i) {
        const wxString text =
            row && i < row->cells.size() ? wxString::FromUTF8(row->cells[i]) : wxString();
        m_detailValues[i]->SetLabel(text);
        m_detailValues[i]->SetToolTip(text);
    }
}

void TablePane::onSelectionChanged(const browse::Row*) {}

} // namespace c175::panels
