// The sign-in dialog: username and password checked by auth::AccountService (with lockout).
#pragma once
#include "dialog_base.h"

#include "auth/roles.h"

#include <optional>

class wxTextCtrl;
class wxStaticText;

namespace c175::db {
class Database;
}

namespace c175::app {

class LoginDialog : public DialogBase {
public:
    // `user` prefills the username (from --user or the last sign-in).
    LoginDialog(wxWindow* parent, Settings& settings, db::Database& db, const wxString& user);

    bool TransferDataToWindow() override;
    bool TransferDataFromWindow() override;

    // Set once a sign-in succeeded.
    const std::optional<auth::Session>& session() const { return m_session; }
    wxTextCtrl* usernameCtrl() const { return m_username; }
    wxTextCtrl* passwordCtrl() const { return m_password; }
    // The message shown for the last refused sign-in (empty when none).
    wxString errorText() const;

private:
    void onSignIn(wxCommandEvent& event);
    void showError(const wxString& message);

    db::Database& m_db;
    wxString m_user;
    wxTextCtrl* m_username = nullptr;
    wxTextCtrl* m_password = nullptr;
    wxStaticText* m_error = nullptr;
    wxString m_errorText; // as given, before wrapping
    std::optional<auth::Session> m_session;
};

} // namespace c175::app
