// Paging rows of a pilot list into the data view control.
#include "common/virtual_table_model.h"

#include <wx/settings.h>

#include <algorithm>

namespace c175::panels {
namespace {

enum class Tone { Neutral, Good, Warning, Bad };

// How a status reads at a glance; the same codes mean the same across the pilot tables.
Tone toneOf(const browse::Column& column, const std::string& raw) {
    if (column.format != browse::Format::Status)
        return Tone::Neutral;
    if (column.key == "severity")
        return raw == "3" ? Tone::Bad : raw == "2" ? Tone::Warning : Tone::Neutral;
    if (raw == "fault" || raw == "offline" || raw == "rejected")
        return Tone::Bad;
    if (raw == "new" || raw == "maintenance" || raw == "under_review" || raw == "verifying")
        return Tone::Warning;
    if (raw == "online" || raw == "paid" || raw == "approved" || raw == "resolved" ||
        raw == "closed")
        return Tone::Good;
    return Tone::Neutral;
}

} // namespace

VirtualTableModel::VirtualTableModel(std::shared_ptr<browse::BrowseService> service)
    : wxDataViewVirtualListModel(0), m_service(std::move(service)) {}

void VirtualTableModel::setRowids(std::vector<std::int64_t> rowids) {
    m_rowids = std::move(rowids);
    m_pages.clear();
    m_lru.clear();
    Reset(static_cast<unsigned>(m_rowids.size()));
}

long VirtualTableModel::indexOf(std::int64_t rowid) const {
    const auto it = std::find(m_rowids.begin(), m_rowids.end(), rowid);
    return it == m_rowids.end() ? -1 : static_cast<long>(it - m_rowids.begin());
}

const VirtualTableModel::Page& VirtualTableModel::page(unsigned pageIndex) const {
    auto it = m_pages.find(pageIndex);
    if (it != m_pages.end()) {
        m_lru.splice(m_lru.begin(), m_lru, it->second.second);
        return it->second.first;
    }
    const std::size_t first = static_cast<std::size_t>(pageIndex) * kPageSize;
    const std::size_t last = std::min(m_rowids.size(), first + kPageSize);
    std::vector<std::int64_t> ids(m_rowids.begin() + static_cast<std::ptrdiff_t>(first),
                                  m_rowids.begin() + static_cast<std::ptrdiff_t>(last));
    Page rows;
    try {
        auto fetched = m_service->fetch(ids);
        // Keep index positions: a row deleted since the query leaves an empty slot.
        rows.resize(ids.size());
        std::size_t f = 0;
        for (std::size_t i = 0; i < ids.size() && f < fetched.size(); ++i)
            if (fetched[f].rowid == ids[i])
                rows[i] = std::move(fetched[f++]);
    } catch (const std::exception&) {
        rows.resize(ids.size()); // a failed page shows empty rows rather than ending the app
    }
    if (m_pages.size() >= kCachedPages) {
        m_pages.erase(m_lru.back());
        m_lru.pop_back();
    }
    m_lru.push_front(pageIndex);
    auto [pos, inserted] =
        m_pages.emplace(pageIndex, std::make_pair(std::move(rows), m_lru.begin()));
    return pos->second.first;
}

const browse::Row* VirtualTableModel::rowAt(unsigned row) const {
    if (row >= m_rowids.size())
        return nullptr;
    const Page& p = page(row / kPageSize);
    const browse::Row& r = p[row % kPageSize];
    return r.rowid == 0 ? nullptr : &r;
}

void VirtualTableModel::invalidate() {
    m_pages.clear();
    m_lru.clear();
    Reset(static_cast<unsigned>(m_rowids.size()));
}

void VirtualTableModel::invalidateRow(unsigned row) {
    auto it = m_pages.find(row / kPageSize);
    if (it != m_pages.end()) {
        m_lru.erase(it->second.second);
        m_pages.erase(it);
    }
    RowChanged(row);
}

void VirtualTableModel::GetValueByRow(wxVariant& variant, unsigned row, unsigned col) const {
    const browse::Row* r = rowAt(row);
    if (!r || col >= r->cells.size()) {
        variant = wxString();
        return;
    }
    variant = wxString::FromUTF8(r->cells[col]);
}

std::optional<RowTone> VirtualTableModel::rowTone(unsigned row) const {
    const browse::Row* r = m_rowTone ? rowAt(row) : nullptr;
    return r ? m_rowTone(*r) : std::nullopt;
}

bool VirtualTableModel::GetAttrByRow(unsigned row, unsigned col, wxDataViewItemAttr& attr) const {
    const browse::Row* r = rowAt(row);
    const auto& columns = m_service->spec().columns;
    if (!r || col >= columns.size() || col >= r->raw.size())
        return false;
    const bool alert = m_rowTone && m_rowTone(*r) == RowTone::Alert;
    if (alert) {
        // Light enough that the status colours stay readable on it.
        attr.SetBackgroundColour(wxColour(0xfd, 0xe4, 0xe4));
        attr.SetColour(wxColour(0xa3, 0x1a, 0x1a));
    }
    switch (toneOf(columns[col], r->raw[col])) {
    case Tone::Neutral:
        return alert;
    case Tone::Good:
        attr.SetColour(wxColour(0x1b, 0x7f, 0x3b));
        return true;
    case Tone::Warning:
        attr.SetColour(wxColour(0xb2, 0x6b, 0x00));
        return true;
    case Tone::Bad:
        attr.SetColour(wxColour(0xc6, 0x28, 0x28));
        attr.SetBold(true);
        return true;
    }
    return false;
}

} // namespace c175::panels
