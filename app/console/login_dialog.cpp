#include "login_dialog.h"

#include "app_icon.h"

#include "auth/accounts.h"
#include "db/database.h"

#include <wx/button.h>
#include <wx/intl.h>
#include <wx/log.h>
#include <wx/sizer.h>
#include <wx/statbmp.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/utils.h>

namespace c175::app {

LoginDialog::LoginDialog(wxWindow* parent, Settings& settings, db::Database& db,
                         const wxString& user)
    : DialogBase(parent, settings, "login", _("Sign in to C175 Console")), m_db(db), m_user(user) {
    auto* top = new wxBoxSizer(wxVERTICAL);
    auto* header = new wxBoxSizer(wxHORIZONTAL);
    wxBitmap logo;
    logo.CopyFromIcon(appIcon(48));
    header->Add(new wxStaticBitmap(this, wxID_ANY, logo), 0, wxRIGHT, 12);
    auto* titles = new wxBoxSizer(wxVERTICAL);
    auto* name = new wxStaticText(this, wxID_ANY, _("C175 Console"));
    name->SetFont(name->GetFont().Bold().Scaled(1.3f));
    titles->Add(name, 0, wxBOTTOM, 4);
    titles->Add(new wxStaticText(this, wxID_ANY, _("Sign in with your C175 account.")));
    header->Add(titles, 1, wxALIGN_CENTER_VERTICAL);
    top->Add(header, 0, wxEXPAND | wxALL, 12);

    auto* grid = new wxFlexGridSizer(2, wxSize(8, 8));
    grid->AddGrowableCol(1);
    grid->Add(new wxStaticText(this, wxID_ANY, _("&Username:")), 0, wxALIGN_CENTER_VERTICAL);
    m_username = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxSize(260, -1));
    m_username->SetName("username");
    grid->Add(m_username, 1, wxEXPAND);
    grid->Add(new wxStaticText(this, wxID_ANY, _("&Password:")), 0, wxALIGN_CENTER_VERTICAL);
    m_password =
        new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxSize(260, -1), wxTE_PASSWORD);
    m_password->SetName("password");
    grid->Add(m_password, 1, wxEXPAND);
    top->Add(grid, 0, wxEXPAND | wxLEFT | wxRIGHT, 12);

    m_error = new wxStaticText(this, wxID_ANY, "");
    m_error->SetForegroundColour(wxColour(176, 0, 32));
    top->Add(m_error, 0, wxEXPAND | wxALL, 12);

    auto* buttons = new wxStdDialogButtonSizer();
    auto* signIn = new wxButton(this, wxID_OK, _("&Sign in"));
    signIn->SetDefault();
    buttons->AddButton(signIn);
    buttons->AddButton(new wxButton(this, wxID_CANCEL, _("Cancel")));
    buttons->Realize();
    top->Add(buttons, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 12);

    signIn->Bind(wxEVT_BUTTON, &LoginDialog::onSignIn, this);
    Bind(
        wxEVT_BUTTON, [this](wxCommandEvent&) { finish(wxID_CANCEL); }, wxID_CANCEL);
    finishLayout(top);
    TransferDataToWindow();
}

bool LoginDialog::TransferDataToWindow() {
    m_username->ChangeValue(m_user);
    m_password->ChangeValue("");
    (m_user.empty() ? m_username : m_password)->SetFocus();
    return true;
}

bool LoginDialog::TransferDataFromWindow() {
    m_user = m_username->GetValue().Strip(wxString::both);
    if (m_user.empty()) {
        showError(_("Username: enter the name of your account."));
        m_username->SetFocus();
        return false;
    }
    return true;
}

wxString LoginDialog::errorText() const {
    return m_errorText;
}

void LoginDialog::showError(const wxString& message) {
    m_errorText = message;
    m_error->SetLabel(message);
    m_error->Wrap(FromDIP(360));
    GetSizer()->Layout();
    Fit();
}

void LoginDialog::onSignIn(wxCommandEvent&) {
    if (!TransferDataFromWindow())
        return;
    const std::string password = m_password->GetValue().utf8_string();
    try {
        wxBusyCursor busy; // the password KDF takes a moment by design
        auth::AccountService accounts(m_db);
        m_session = accounts.login(m_user.utf8_string(), password);
    } catch (const auth::LoginError& e) {
        wxLogMessage("Sign-in refused for \"%s\": %s", m_user, wxString::FromUTF8(e.what()));
        showError(wxString::FromUTF8(e.what()));
        m_password->Clear();
        m_password->SetFocus();
        return;
    } catch (const std::exception& e) {
        wxLogError("Sign-in failed for \"%s\": %s", m_user, wxString::FromUTF8(e.what()));
        showError(wxString::FromUTF8(e.what()));
        return;
    }
    settings().setLastUser(m_user);
    finish(wxID_OK);
}

} // namespace c175::app
