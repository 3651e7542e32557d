#include "conflicts_dialog.h"

#include "protocol/json_text.h"

#include <wx/button.h>
#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/log.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textdlg.h>

namespace c175::app {

ConflictsDialog::ConflictsDialog(wxWindow* parent, db::Database& db, Resolver resolve)
    : wxDialog(parent, wxID_ANY, _("Conflicts"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER, "c175-conflicts-dialog"),
      m_db(db), m_resolve(std::move(resolve)) {
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    m_count = new wxStaticText(this, wxID_ANY, wxString());
    sizer->Add(m_count, 0, wxEXPAND | wxALL, 12);
    m_list = new wxListView(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(820, 320)),
                            wxLC_REPORT | wxLC_SINGLE_SEL);
    m_list->AppendColumn(_("Entity"));
    m_list->AppendColumn(_("Record"), wxLIST_FORMAT_LEFT, FromDIP(200));
    m_list->AppendColumn(_("Field"));
    // TRANSLATORS: the value both sides started from
    m_list->AppendColumn(_("Base"), wxLIST_FORMAT_LEFT, FromDIP(120));
    // TRANSLATORS: the value edited in this console
    m_list->AppendColumn(_("Mine"), wxLIST_FORMAT_LEFT, FromDIP(120));
    // TRANSLATORS: the value edited at the hub
    m_list->AppendColumn(_("Theirs"), wxLIST_FORMAT_LEFT, FromDIP(120));
    sizer->Add(m_list, 1, wxEXPAND | wxLEFT | wxRIGHT, 12);

    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    m_mine = new wxButton(this, wxID_ANY, _("Keep &mine"));
    m_theirs = new wxButton(this, wxID_ANY, _("Take &theirs"));
    m_edit = new wxButton(this, wxID_ANY, _("&Edit value..."));
    auto* close = new wxButton(this, wxID_CLOSE, _("Close"));
    buttons->Add(m_mine, 0, wxRIGHT, 8);
    buttons->Add(m_theirs, 0, wxRIGHT, 8);
    buttons->Add(m_edit, 0, wxRIGHT, 8);
    buttons->AddStretchSpacer();
    buttons->Add(close);
    sizer->Add(buttons, 0, wxEXPAND | wxALL, 12);
    SetSizerAndFit(sizer);
    SetEscapeId(wxID_CLOSE);

    m_mine->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { resolveSelected(sync::Decision::Mine); });
    m_theirs->Bind(wxEVT_BUTTON,
                   [this](wxCommandEvent&) { resolveSelected(sync::Decision::Theirs); });
    m_edit->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { onEdit(); });
    close->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { EndModal(wxID_CLOSE); });
    m_list->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent&) { updateButtons(); });
    m_list->Bind(wxEVT_LIST_ITEM_DESELECTED, [this](wxListEvent&) { updateButtons(); });
    refill();
}

wxString ConflictsDialog::displayValue(const std::optional<std::string>& json) {
    if (!json)
        return _("(unknown)");
    try {
        const auto value = sync::parseJson(*json);
        if (value.isString())
            return wxString::FromUTF8(value.asString());
        if (value.isNull())
            return wxString();
    } catch (const std::exception&) {
        // Not JSON after all: show it as stored.
    }
    return wxString::FromUTF8(*json);
}

std::string ConflictsDialog::typedToJson(const wxString& text, const std::string& like) {
    try {
        if (sync::parseJson(like).isString())
            return sync::toJson(sync::JsonValue(text.utf8_string()));
    } catch (const std::exception&) {
        // `like` unreadable: pass the text as typed; the engine checks it.
    }
    return text.utf8_string();
}

void ConflictsDialog::refill() {
    try {
        m_conflicts = sync::listConflicts(m_db, true);
    } catch (const std::exception& e) {
        wxLogError("Reading the conflicts failed: %s", wxString::FromUTF8(e.what()));
        m_conflicts.clear();
    }
    m_list->DeleteAllItems();
    for (size_t i = 0; i < m_conflicts.size(); ++i) {
        const auto& c = m_conflicts[i];
        const long row = m_list->InsertItem(long(i), wxString::FromUTF8(c.entity));
        m_list->SetItem(row, 1, wxString::FromUTF8(c.rowId));
        m_list->SetItem(row, 2, wxString::FromUTF8(c.field));
        m_list->SetItem(row, 3, displayValue(c.base));
        m_list->SetItem(row, 4, displayValue(c.mine));
        m_list->SetItem(row, 5, displayValue(c.theirs));
    }
    if (!m_conflicts.empty())
        m_list->Select(0);
    m_count->SetLabel(m_conflicts.empty()
                          ? _("No open conflicts.")
                          : wxString::Format(wxPLURAL("%zu field was changed both here and at "
                                                      "the hub. Choose the value to keep.",
                                                      "%zu fields were changed both here and at "
                                                      "the hub. Choose the value to keep.",
                                                      m_conflicts.size()),
                                             m_conflicts.size()));
    updateButtons();
}

void ConflictsDialog::updateButtons() {
    const bool any = m_list->GetFirstSelected() != -1;
    m_mine->Enable(any);
    m_theirs->Enable(any);
    m_edit->Enable(any);
}

bool ConflictsDialog::resolveSelected(sync::Decision decision, const wxString& edited) {
    const long row = m_list->GetFirstSelected();
    if (row < 0 || size_t(row) >= m_conflicts.size())
        return false;
    const auto& c = m_conflicts[size_t(row)];
    try {
        m_resolve(c.id, decision,
                  decision == sync::Decision::Edited ? typedToJson(edited, c.mine) : std::string());
    } catch (const std::exception& e) {
        wxMessageBox(wxString::FromUTF8(e.what()), _("Conflicts"), wxOK | wxICON_ERROR, this);
        return false;
    }
    refill();
    return true;
}

void ConflictsDialog::onEdit() {
    const long row = m_list->GetFirstSelected();
    if (row < 0 || size_t(row) >= m_conflicts.size())
        return;
    const auto& c = m_conflicts[size_t(row)];
    wxTextEntryDialog ask(this,
                          wxString::Format(_("The value of \"%s\" to keep for both sides:"),
                                           wxString::FromUTF8(c.field)),
                          _("Edit value"), displayValue(c.mine));
    if (ask.ShowModal() == wxID_OK)
        resolveSelected(sync::Decision::Edited, ask.GetValue());
}

} // namespace c175::app
