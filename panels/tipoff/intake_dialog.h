// The "New tip-off" form: collects an IntakeInput, files it through tipoff::IntakeService and
// shows the service's ValidationError next to the field it names.
#pragma once
#include "auth/roles.h"
#include "db/database.h"
#include "tipoff/intake.h"

#include <wx/dialog.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

class wxCheckBox;
class wxChoice;
class wxDatePickerCtrl;
class wxListCtrl;
class wxSpinCtrl;
class wxStaticText;
class wxTextCtrl;
class wxTimePickerCtrl;

namespace c175::panels {

class IntakeDialog : public wxDialog {
public:
    IntakeDialog(wxWindow* parent, db::Database& db, const auth::Session& session);

    // Files the tip-off (OK runs it). False, with the error shown and its control focused, when
    // the service refuses it; nothing is stored then.
    bool TransferDataFromWindow() override;
    // What the form holds now, as the intake service takes it.
    tipoff::IntakeInput input() const;
    // Set after a successful TransferDataFromWindow().
    const std::optional<tipoff::IntakeResult>& result() const { return m_result; }

    // Adds an evidence file without the file chooser (the chooser's button ends up here too).
    void addEvidence(const wxString& path, const wxString& description);

    // For tests and the pane.
    wxChoice* crimeTypeCtrl() const { return m_crimeType; }
    wxChoice* subtypeCtrl() const { return m_subtype; }
    wxChoice* channelCtrl() const { return m_channel; }
    wxTextCtrl* descriptionCtrl() const { return m_description; }
    wxTextCtrl* latitudeCtrl() const { return m_latitude; }
    wxTextCtrl* longitudeCtrl() const { return m_longitude; }
    wxTextCtrl* addressCtrl() const { return m_address; }
    wxCheckBox* anonymousCtrl() const { return m_anonymous; }
    wxTextCtrl* reporterNameCtrl() const { return m_reporterName; }
    wxString counterText() const;
    bool counterIsRed() const { return m_counterRed; }
    wxString unitText() const;
    wxString errorText() const;

private:
    wxWindow* buildCaseBox(wxWindow* parent);
    wxWindow* buildReporterBox(wxWindow* parent);
    wxWindow* buildEvidenceBox(wxWindow* parent);
    void fillSubtypes();
    void updateCounter();
    void updateUnit();
    void updateReporterEnabled();
    void chooseEvidence();
    void showError(const std::string& field, const std::string& rule);
    std::string timeOf(const wxCheckBox* known, const wxDatePickerCtrl* date,
                       const wxTimePickerCtrl* time) const;

    db::Database& m_db;
    auth::Session m_session;
    std::optional<tipoff::IntakeResult> m_result;
    std::vector<tipoff::EvidenceInput> m_evidence;
    bool m_counterRed = false;

    wxChoice* m_crimeType = nullptr;
    wxChoice* m_subtype = nullptr;
    wxTextCtrl* m_description = nullptr;
    wxStaticText* m_counter = nullptr;
    wxTextCtrl* m_behaviours = nullptr;
    wxTextCtrl* m_latitude = nullptr;
    wxTextCtrl* m_longitude = nullptr;
    wxStaticText* m_unit = nullptr;
    wxTextCtrl* m_address = nullptr;
    wxCheckBox* m_occurredKnown = nullptr;
    wxDatePickerCtrl* m_occurredDate = nullptr;
    wxTimePickerCtrl* m_occurredTime = nullptr;
    wxCheckBox* m_discoveredKnown = nullptr;
    wxDatePickerCtrl* m_discoveredDate = nullptr;
    wxTimePickerCtrl* m_discoveredTime = nullptr;
    wxChoice* m_channel = nullptr;
    wxSpinCtrl* m_people = nullptr;
    wxSpinCtrl* m_objects = nullptr;
    wxListCtrl* m_evidenceList = nullptr;
    wxCheckBox* m_anonymous = nullptr;
    wxTextCtrl* m_reporterName = nullptr;
    wxTextCtrl* m_reporterCccd = nullptr;
    wxTextCtrl* m_reporterPhone = nullptr;
    wxTextCtrl* m_reporterEmail = nullptr;
    wxTextCtrl* m_reporterAddress = nullptr;
    wxCheckBox* m_share = nullptr;
    wxChoice* m_notifyBy = nullptr;
    wxStaticText* m_error = nullptr;
    // Field name as the service reports it -> the control to focus.
    std::map<std::string, wxWindow*> m_fieldCtrls;
};

} // namespace c175::panels
