// The Conflicts view: fields changed both here and at the hub, each settled as mine / theirs /
// an edited value.
#pragma once
#include "engine/conflicts.h"

#include <wx/dialog.h>

#include <functional>
#include <string>
#include <vector>

class wxButton;
class wxListView;
class wxStaticText;

namespace c175::db {
class Database;
}

namespace c175::app {

class ConflictsDialog : public wxDialog {
public:
    // `resolve(id, decision, editedJson)` settles one conflict (audited and pushed by the engine).
    using Resolver = std::function<void(const std::string&, sync::Decision, const std::string&)>;
    ConflictsDialog(wxWindow* parent, db::Database& db, Resolver resolve);

    void refill();
    wxListView* list() const { return m_list; }
    const std::vector<sync::Conflict>& conflicts() const { return m_conflicts; }
    // Settles the selected row; `edited` is the text typed for Decision::Edited.
    bool resolveSelected(sync::Decision decision, const wxString& edited = wxString());

    // A JSON value as a person reads it (strings without quotes, null as empty).
    static wxString displayValue(const std::optional<std::string>& json);
    // The typed text as a JSON value of the same kind as `like` (text stays text).
    static std::string typedToJson(const wxString& text, const std::string& like);

private:
    void onEdit();
    void updateButtons();

    db::Database& m_db;
    Resolver m_resolve;
    std::vector<sync::Conflict> m_conflicts;
    wxListView* m_list = nullptr;
    wxStaticText* m_count = nullptr;
    wxButton* m_mine = nullptr;
    wxButton* m_theirs = nullptr;
    wxButton* m_edit = nullptr;
};

} // namespace c175::app
