// A wxDataViewVirtualListModel over a pilot list: row index -> rowid, rows paged in on demand.
#pragma once
#include "browse/browse_service.h"

#include <wx/dataview.h>

#include <cstdint>
#include <functional>
#include <list>
#include <memory>
#include <optional>
#include <unordered_map>
#include <vector>

namespace c175::panels {

// How a whole row reads, over the colours of its status cells: Alert = light red row with dark
// red text (an overdue case).
enum class RowTone { Alert };
// Decides a row's tone from its cells (raw values); nullopt = no tone.
using RowToneFn = std::function<std::optional<RowTone>(const browse::Row&)>;

// The control asks for cells by row index; the model maps the index to a rowid and reads the
// page holding it (kPageSize rows in one query), keeping the last few pages. Sorting and
// filtering hand it a new rowid vector (the index); the data itself is never re-sorted here.
class VirtualTableModel : public wxDataViewVirtualListModel {
public:
    static constexpr unsigned kPageSize = 100;
    static constexpr std::size_t kCachedPages = 24;

    explicit VirtualTableModel(std::shared_ptr<browse::BrowseService> service);

    // Replaces the rows shown (after a query) and tells the control.
    void setRowids(std::vector<std::int64_t> rowids);
    const std::vector<std::int64_t>& rowids() const { return m_rowids; }
    // Index of a rowid in the list, or -1.
    long indexOf(std::int64_t rowid) const;
    // The row at an index, paged in when needed; nullptr past the end or when it vanished.
    const browse::Row* rowAt(unsigned row) const;
    // Forgets cached pages (after an edit or a sync) and repaints the given row, or all rows.
    void invalidate();
    void invalidateRow(unsigned row);
    const browse::TableSpec& spec() const { return m_service->spec(); }
    // The per-table row tone (TablePane::rowTone); empty = cells only.
    void setRowTone(RowToneFn rowTone) { m_rowTone = std::move(rowTone); }
    std::optional<RowTone> rowTone(unsigned row) const;

    void GetValueByRow(wxVariant& variant, unsigned row, unsigned col) const override;
    bool GetAttrByRow(unsigned row, unsigned col, wxDataViewItemAttr& attr) const override;
    bool SetValueByRow(const wxVariant&, unsigned, unsigned) override { return false; }

private:
    using Page = std::vector<browse::Row>; // row i of the page = index page*kPageSize + i
    const Page& page(unsigned pageIndex) const;

    std::shared_ptr<browse::BrowseService> m_service;
    RowToneFn m_rowTone;
    std::vector<std::int64_t> m_rowids;
    // Least recently used pages at the back.
    mutable std::list<unsigned> m_lru;
    mutable std::unordered_map<unsigned, std::pair<Page, std::list<unsigned>::iterator>> m_pages;
};

} // namespace c175::panels
