// A pane built around one pilot list: search box, virtual list, row count and a detail strip.
#pragma once
#include "browse/browse_service.h"
#include "common/pane.h"
#include "common/rowid_loader.h"
#include "common/virtual_table_model.h"

#include <wx/dataview.h>
#include <wx/srchctrl.h>
#include <wx/stattext.h>
#include <wx/timer.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

class wxBoxSizer;
class wxButton;
class wxFlexGridSizer;

namespace c175::panels {

class TablePane : public Pane {
public:
    // Throws auth::AccessDenied when the session may not view the table.
    TablePane(wxWindow* parent, PaneContext& context, PaneId id, browse::TableId table,
              wxString title);

    PaneId id() const override { return m_id; }
    wxString title() const override { return m_title; }
    void reload() override;
    // -1 while the first query of the list is still running.
    long shownRowCount() const override;
    void focusSearch() override;
    void selectRecord(const std::string& recordId) override;

    // Shows another table in the same pane (the map list's province/commune switch).
    void setTable(browse::TableId table);
    browse::TableId table() const { return m_table; }
    bool loading() const { return m_loader->busy(); }

protected:
    PaneContext& context() { return m_context; }
    // The row of the toolbar where a pane adds its buttons (after the search box).
    wxBoxSizer* toolbar() { return m_toolbar; }
    // Called after the selection changed or the selected row was re-read; nullptr = none.
    virtual void onSelectionChanged(const browse::Row* row);
    const browse::Row* selectedRow() const;
    // Index of the spec column with this key, or -1.
    int columnIndex(const std::string& key) const;
    // Re-reads the selected row from the cache (after an edit of it).
    void refreshSelectedRow();
    // A tone for the whole row (an overdue case in red); nullopt = the cells' own colours only.
    virtual std::optional<RowTone> rowTone(const browse::Row&) const { return std::nullopt; }

private:
    void buildColumns();
    void buildDetail();
    void startQuery();
    void onRowids(std::vector<std::int64_t> rowids, const std::string& error);
    void showCount();
    void showDetail(const browse::Row* row);
    void selectRowid(std::int64_t rowid);
    // "Show on map" (button, context menu, Ctrl+M) for specs with a mapRecordPrefix.
    void buildShowOnMap();
    void showOnMap();

    PaneContext& m_context;
    PaneId m_id;
    browse::TableId m_table;
    wxString m_title;
    std::shared_ptr<browse::BrowseService> m_service;
    wxObjectDataPtr<VirtualTableModel> m_model;
    std::unique_ptr<RowidLoader> m_loader;

    wxBoxSizer* m_toolbar = nullptr;
    wxSearchCtrl* m_search = nullptr;
    wxStaticText* m_count = nullptr;
    wxButton* m_showOnMap = nullptr; // null when the rows have no place on the map
    wxDataViewCtrl* m_list = nullptr;
    wxFlexGridSizer* m_detailGrid = nullptr;
    std::vector<wxStaticText*> m_detailValues;
    wxTimer m_debounce;

    browse::Query m_query;
    bool m_loaded = false;
    std::optional<std::int64_t> m_keepSelection; // rowid to select again after a query
    std::optional<std::string> m_pendingRecord;  // selectRecord() before the rows arrived
};

} // namespace c175::panels
