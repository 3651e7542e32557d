// The "New tip-off" form: layout, live counter and unit, and filing through the intake service.
#include "tipoff/intake_dialog.h"
#include "common/stock_buttons.h"

#include "map/pick_point_dialog.h"

#include "core/errors.h"
#include "core/text_fold.h"
#include "geodata/units.h"
#include "tipoff/tipoff_types.h"
#include "values/geo_point.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/datectrl.h>
#include <wx/filedlg.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/statbox.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/textdlg.h>
#include <wx/timectrl.h>

#include <cmath>

namespace c175::panels {
namespace {

const wxColour kRed(0xc6, 0x28, 0x28);

wxString fromUtf8(const std::string& s) {
    return wxString::FromUTF8(s);
}

std::string trimmed(const wxString& s) {
    wxString t = s;
    t.Trim(true).Trim(false);
    return t.utf8_string();
}

// A number typed with either decimal separator ("21,0285" as Vietnamese write it).
std::optional<double> parseNumber(const wxString& text) {
    wxString t = text;
    t.Trim(true).Trim(false);
    t.Replace(",", ".");
    double value = 0;
    if (t.empty() || !t.ToCDouble(&value) || !std::isfinite(value))
        return std::nullopt;
    return value;
}

// The label a person sees for a field name the intake service reports.
wxString fieldLabel(const std::string& field) {
    if (field.rfind("evidence", 0) == 0)
        return field.find("description") != std::string::npos ? _("Evidence description")
                                                              : _("Evidence file");
    if (field.rfind("behaviours", 0) == 0)
        return _("Behaviours");
    static const std::map<std::string, wxString> labels = {
        {"crime_type", _("Crime type")},
        {"subtype", _("Subtype")},
        {"description", _("Description")},
        {"location", _("Location (GPS)")},
        {"address", _("Address")},
        {"occurred_at", _("Occurred at")},
        {"discovered_at", _("Discovered at")},
        {"channel", _("Channel")},
        {"people_involved", _("People involved")},
        {"objects_involved", _("Objects involved")},
        {"reporter", _("Reporter")},
        {"reporter.name", _("Reporter's name")},
        {"reporter.cccd", _("Reporter's CCCD")},
        {"reporter.phone", _("Reporter's phone")},
        {"reporter.email", _("Reporter's e-mail")},
        {"reporter.address", _("Reporter's address")},
        {"reporter.notify_by", _("Notify the reporter by")},
    };
    const auto it = labels.find(field);
    return it == labels.end() ? fromUtf8(field) : it->second;
}

wxStaticText* label(wxWindow* parent, const wxString& text) {
    return new wxStaticText(parent, wxID_ANY, text);
}

} // namespace

IntakeDialog::IntakeDialog(wxWindow* parent, db::Database& db, const auth::Session& session)
    : wxDialog(parent, wxID_ANY, _("New tip-off"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      m_db(db), m_session(session) {
    auto* columns = new wxBoxSizer(wxHORIZONTAL);
    columns->Add(buildCaseBox(this), 1, wxEXPAND | wxALL, FromDIP(6));
    auto* right = new wxBoxSizer(wxVERTICAL);
    right->Add(buildReporterBox(this), 0, wxEXPAND);
    right->Add(buildEvidenceBox(this), 1, wxEXPAND | wxTOP, FromDIP(6));
    columns->Add(right, 1, wxEXPAND | wxALL, FromDIP(6));

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(columns, 1, wxEXPAND);
    m_error = new wxStaticText(this, wxID_ANY, wxString());
    m_error->SetForegroundColour(kRed);
    sizer->Add(m_error, 0, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(12));
    sizer->Add(CreateSeparatedButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxALL, FromDIP(8));
    labelStockButtons(this);
    if (auto* ok = FindWindow(wxID_OK))
        ok->SetLabel(_("File tip-off"));
    SetSizerAndFit(sizer);
    CentreOnParent();

    fillSubtypes();
    updateCounter();
    updateUnit();
    updateReporterEnabled();
}

wxWindow* IntakeDialog::buildCaseBox(wxWindow* parent) {
    auto* panel = new wxPanel(parent);
    auto* box = new wxStaticBoxSizer(wxVERTICAL, panel, _("The tip-off"));
    wxWindow* b = box->GetStaticBox();
    auto* grid = new wxFlexGridSizer(2, FromDIP(4), FromDIP(8));
    grid->AddGrowableCol(1, 1);

    m_crimeType = new wxChoice(b, wxID_ANY);
    for (const auto type : tipoff::allCrimeTypes())
        m_crimeType->Append(fromUtf8(tipoff::crimeTypeLabel(type)));
    m_crimeType->SetSelection(0);
    m_subtype = new wxChoice(b, wxID_ANY);
    grid->Add(label(b, _("Crime type")), 0, wxALIGN_CENTER_VERTICAL);
    grid->Add(m_crimeType, 1, wxEXPAND);
    grid->Add(label(b, _("Subtype")), 0, wxALIGN_CENTER_VERTICAL);
    grid->Add(m_subtype, 1, wxEXPAND);

    m_description = new wxTextCtrl(b, wxID_ANY, wxString(), wxDefaultPosition,
                                   wxSize(FromDIP(360), FromDIP(110)), wxTE_MULTILINE);
    m_counter = new wxStaticText(b, wxID_ANY, wxString());
    auto* descriptionColumn = new wxBoxSizer(wxVERTICAL);
    descriptionColumn->Add(m_description, 1, wxEXPAND);
    descriptionColumn->Add(m_counter, 0, wxALIGN_RIGHT);
    grid->Add(label(b, _("Description")), 0, wxALIGN_TOP | wxTOP, FromDIP(4));
    grid->Add(descriptionColumn, 1, wxEXPAND);
    m_behaviours = new wxTextCtrl(b, wxID_ANY, wxString(), wxDefaultPosition,
                                  wxSize(-1, FromDIP(44)), wxTE_MULTILINE);
    m_behaviours->SetHint(_("One per line"));
    grid->Add(label(b, _("Behaviours")), 0, wxALIGN_TOP | wxTOP, FromDIP(4));
    grid->Add(m_behaviours, 1, wxEXPAND);

    m_latitude = new wxTextCtrl(b, wxID_ANY);
    m_latitude->SetHint(_("e.g. 21.0285"));
    m_longitude = new wxTextCtrl(b, wxID_ANY);
    m_longitude->SetHint(_("e.g. 105.8542"));
    auto* position = new wxBoxSizer(wxHORIZONTAL);
    position->Add(m_latitude, 1);
    position->Add(label(b, _("Longitude")), 0, wxALIGN_CENTER_VERTICAL | wxLEFT | wxRIGHT,
                  FromDIP(6));
    position->Add(m_longitude, 1);
    // "Pick on map…": the picker fills both fields; updateUnit() follows their text events.
    auto* pick = new wxButton(b, wxID_ANY, _("Pick on map…"), wxDefaultPosition, wxDefaultSize, 0,
                              wxDefaultValidator, "pick_on_map");
    position->Add(pick, 0, wxALIGN_CENTER_VERTICAL | wxLEFT, FromDIP(6));
    pick->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        const auto lat = parseNumber(m_latitude->GetValue());
        const auto lon = parseNumber(m_longitude->GetValue());
        std::optional<geodata::LonLat> typed;
        if (lat && lon && values::GeoPoint::inVietnamExtent(*lat, *lon))
            typed = geodata::LonLat{*lon, *lat};
        PickPointDialog picker(this, m_db, typed);
        if (picker.ShowModal() != wxID_OK || !picker.point())
            return;
        m_latitude->SetValue(wxString::FromCDouble(picker.point()->lat, 6));
        m_longitude->SetValue(wxString::FromCDouble(picker.point()->lon, 6));
    });
    grid->Add(label(b, _("Latitude")), 0, wxALIGN_CENTER_VERTICAL);
    grid->Add(position, 1, wxEXPAND);
    m_unit = new wxStaticText(b, wxID_ANY, wxString());
    grid->AddSpacer(0);
    grid->Add(m_unit, 1, wxEXPAND);
    m_address = new wxTextCtrl(b, wxID_ANY);
    grid->Add(label(b, _("Address")), 0, wxALIGN_CENTER_VERTICAL);
    grid->Add(m_address, 1, wxEXPAND);

    const wxDateTime now = wxDateTime::Now();
    const auto timeRow = [&](wxCheckBox*& known, wxDatePickerCtrl*& date, wxTimePickerCtrl*& time,
                             const wxDateTime& value) {
        known = new wxCheckBox(b, wxID_ANY, _("Known"));
        known->SetValue(true);
        date = new wxDatePickerCtrl(b, wxID_ANY, value);
        time = new wxTimePickerCtrl(b, wxID_ANY, value);
        auto* row = new wxBoxSizer(wxHORIZONTAL);
        row->Add(date, 0);
        row->Add(time, 0, wxLEFT, FromDIP(4));
        row->Add(known, 0, wxALIGN_CENTER_VERTICAL | wxLEFT, FromDIP(8));
        known->Bind(wxEVT_CHECKBOX, [date, time, known](wxCommandEvent&) {
            date->Enable(known->GetValue());
            time->Enable(known->GetValue());
        });
        return row;
    };
    grid->Add(label(b, _("Occurred at")), 0, wxALIGN_CENTER_VERTICAL);
    grid->Add(timeRow(m_occurredKnown, m_occurredDate, m_occurredTime, now - wxTimeSpan::Hours(1)));
    grid->Add(label(b, _("Discovered at")), 0, wxALIGN_CENTER_VERTICAL);
    grid->Add(timeRow(m_discoveredKnown, m_discoveredDate, m_discoveredTime, now));

    m_channel = new wxChoice(b, wxID_ANY);
    for (const auto channel : tipoff::allChannels())
        m_channel->Append(fromUtf8(tipoff::channelLabel(channel)));
    m_channel->SetSelection(0);
    grid->Add(label(b, _("Channel")), 0, wxALIGN_CENTER_VERTICAL);
    grid->Add(m_channel, 1, wxEXPAND);

    m_people = new wxSpinCtrl(b, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                              wxSP_ARROW_KEYS, 0, 100000, 0);
    m_objects = new wxSpinCtrl(b, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                               wxSP_ARROW_KEYS, 0, 100000, 0);
    auto* involved = new wxBoxSizer(wxHORIZONTAL);
    involved->Add(m_people, 1);
    involved->Add(label(b, _("Objects involved")), 0, wxALIGN_CENTER_VERTICAL | wxLEFT | wxRIGHT,
                  FromDIP(6));
    involved->Add(m_objects, 1);
    grid->Add(label(b, _("People involved")), 0, wxALIGN_CENTER_VERTICAL);
    grid->Add(involved, 1, wxEXPAND);

    box->Add(grid, 1, wxEXPAND | wxALL, FromDIP(4));
    panel->SetSizer(box);

    m_crimeType->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { fillSubtypes(); });
    m_description->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { updateCounter(); });
    m_latitude->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { updateUnit(); });
    m_longitude->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { updateUnit(); });

    m_fieldCtrls = {{"crime_type", m_crimeType},     {"subtype", m_subtype},
                    {"description", m_description},  {"behaviours", m_behaviours},
                    {"location", m_latitude},        {"address", m_address},
                    {"occurred_at", m_occurredDate}, {"discovered_at", m_discoveredDate},
                    {"channel", m_channel},          {"people_involved", m_people},
                    {"objects_involved", m_objects}};
    return panel;
}

wxWindow* IntakeDialog::buildReporterBox(wxWindow* parent) {
    auto* panel = new wxPanel(parent);
    auto* box = new wxStaticBoxSizer(wxVERTICAL, panel, _("Reporter"));
    wxWindow* b = box->GetStaticBox();
    m_anonymous = new wxCheckBox(b, wxID_ANY, _("Anonymous reporter"));
    m_anonymous->SetValue(true);
    box->Add(m_anonymous, 0, wxALL, FromDIP(4));
    auto* grid = new wxFlexGridSizer(2, FromDIP(4), FromDIP(8));
    grid->AddGrowableCol(1, 1);
    const auto field = [&](wxTextCtrl*& ctrl, const wxString& text) {
        ctrl = new wxTextCtrl(b, wxID_ANY);
        grid->Add(label(b, text), 0, wxALIGN_CENTER_VERTICAL);
        grid->Add(ctrl, 1, wxEXPAND);
    };
    field(m_reporterName, _("Full name"));
    field(m_reporterCccd, _("CCCD"));
    field(m_reporterPhone, _("Phone"));
    field(m_reporterEmail, _("E-mail"));
    field(m_reporterAddress, _("Address"));
    m_notifyBy = new wxChoice(b, wxID_ANY);
    m_notifyBy->Append(_("From the contacts given"));
    m_notifyBy->Append(_("VNeID"));
    m_notifyBy->Append(_("SMS"));
    m_notifyBy->Append(_("E-mail"));
    m_notifyBy->SetSelection(0);
    grid->Add(label(b, _("Notify by")), 0, wxALIGN_CENTER_VERTICAL);
    grid->Add(m_notifyBy, 1, wxEXPAND);
    box->Add(grid, 0, wxEXPAND | wxALL, FromDIP(4));
    m_share = new wxCheckBox(b, wxID_ANY, _("The identity may be shared with other agencies"));
    box->Add(m_share, 0, wxALL, FromDIP(4));
    auto* sealed = new wxStaticText(
        b, wxID_ANY, _("The identity is sealed at once; lists and exports never show it."));
    sealed->SetForegroundColour(wxColour(0x55, 0x55, 0x55));
    box->Add(sealed, 0, wxALL, FromDIP(4));
    panel->SetSizer(box);

    m_anonymous->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) { updateReporterEnabled(); });
    m_fieldCtrls.insert({{"reporter", m_reporterName},
                         {"reporter.name", m_reporterName},
                         {"reporter.cccd", m_reporterCccd},
                         {"reporter.phone", m_reporterPhone},
                         {"reporter.email", m_reporterEmail},
                         {"reporter.address", m_reporterAddress},
                         {"reporter.notify_by", m_notifyBy}});
    return panel;
}

wxWindow* IntakeDialog::buildEvidenceBox(wxWindow* parent) {
    auto* panel = new wxPanel(parent);
    auto* box = new wxStaticBoxSizer(wxVERTICAL, panel, _("Evidence"));
    wxWindow* b = box->GetStaticBox();
    m_evidenceList = new wxListCtrl(b, wxID_ANY, wxDefaultPosition,
                                    wxSize(FromDIP(360), FromDIP(100)), wxLC_REPORT);
    m_evidenceList->AppendColumn(_("File"), wxLIST_FORMAT_LEFT, FromDIP(170));
    m_evidenceList->AppendColumn(_("Description"), wxLIST_FORMAT_LEFT, FromDIP(180));
    box->Add(m_evidenceList, 1, wxEXPAND | wxALL, FromDIP(4));
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    auto* add = new wxButton(b, wxID_ANY, _("Add file…"));
    auto* remove = new wxButton(b, wxID_ANY, _("Remove"));
    buttons->Add(add);
    buttons->Add(remove, 0, wxLEFT, FromDIP(4));
    buttons->AddStretchSpacer();
    buttons->Add(label(b, _("Photo, video or audio; checked by content")), 0,
                 wxALIGN_CENTER_VERTICAL | wxLEFT, FromDIP(8));
    box->Add(buttons, 0, wxEXPAND | wxALL, FromDIP(4));
    panel->SetSizer(box);

    add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { chooseEvidence(); });
    remove->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        const long item = m_evidenceList->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
        if (item < 0 || static_cast<std::size_t>(item) >= m_evidence.size())
            return;
        m_evidence.erase(m_evidence.begin() + item);
        m_evidenceList->DeleteItem(item);
    });
    m_fieldCtrls["evidence"] = m_evidenceList;
    return panel;
}

void IntakeDialog::fillSubtypes() {
    const int index = m_crimeType->GetSelection();
    m_subtype->Clear();
    m_subtype->Append(_("(unspecified)"));
    if (index >= 0)
        for (const auto& subtype :
             tipoff::subtypesOf(tipoff::allCrimeTypes()[static_cast<std::size_t>(index)]))
            if (!subtype.empty())
                m_subtype->Append(fromUtf8(tipoff::subtypeLabel(subtype)),
                                  new wxStringClientData(fromUtf8(subtype)));
    m_subtype->SetSelection(0);
}

void IntakeDialog::updateCounter() {
    const auto n = core::utf8Length(m_description->GetValue().utf8_string());
    m_counterRed = n > tipoff::kMaxDescription;
    // TRANSLATORS: characters typed / the most allowed, under the description.
    m_counter->SetLabel(wxString::Format(_("%lu/%lu"), static_cast<unsigned long>(n),
                                         static_cast<unsigned long>(tipoff::kMaxDescription)));
    m_counter->SetForegroundColour(m_counterRed ? kRed : GetForegroundColour());
    m_counter->Refresh();
    if (m_counter->GetContainingSizer())
        m_counter->GetContainingSizer()->Layout();
}

void IntakeDialog::updateUnit() {
    const auto lat = parseNumber(m_latitude->GetValue());
    const auto lon = parseNumber(m_longitude->GetValue());
    wxString text;
    wxColour colour = wxColour(0x55, 0x55, 0x55);
    if (m_latitude->GetValue().empty() && m_longitude->GetValue().empty()) {
        text = _("Type a GPS position to find its administrative unit.");
    } else if (!lat || !lon) {
        text = _("Latitude and longitude must both be numbers.");
        colour = kRed;
    } else if (!values::GeoPoint::inVietnamExtent(*lat, *lon)) {
        text = _("This position is outside Vietnam.");
        colour = kRed;
    } else {
        try {
            if (auto commune = geodata::locate(m_db, *lon, *lat, "commune")) {
                const auto province = geodata::findUnit(m_db, commune->parentCode);
                text = wxString::Format(_("Resolves to: %s, %s"), fromUtf8(commune->name),
                                        province ? fromUtf8(province->name) : wxString());
            } else if (auto province = geodata::locate(m_db, *lon, *lat)) {
                text = wxString::Format(_("Resolves to: %s"), fromUtf8(province->name));
            } else {
                text = _("No administrative unit holds this position (at sea?).");
            }
        } catch (const std::exception& e) {
            text = fromUtf8(e.what());
            colour = kRed;
        }
    }
    m_unit->SetLabel(text);
    m_unit->SetForegroundColour(colour);
}

void IntakeDialog::updateReporterEnabled() {
    const bool identified = !m_anonymous->GetValue();
    for (wxWindow* w :
         std::initializer_list<wxWindow*>{m_reporterName, m_reporterCccd, m_reporterPhone,
                                          m_reporterEmail, m_reporterAddress, m_share, m_notifyBy})
        w->Enable(identified);
}

void IntakeDialog::chooseEvidence() {
    wxFileDialog chooser(this, _("Choose evidence files"), wxString(), wxString(),
                         _("Photos, videos and audio") +
                             "|*.jpg;*.jpeg;*.png;*.gif;*.webp;*.mp4;*.mov;*.webm;*.mp3;*.m4a;*."
                             "wav;*.ogg|" +
                             _("All files") + "|*",
                         wxFD_OPEN | wxFD_FILE_MUST_EXIST | wxFD_MULTIPLE);
    if (chooser.ShowModal() != wxID_OK)
        return;
    wxArrayString paths;
    chooser.GetPaths(paths);
    for (const auto& path : paths) {
        const wxString description = wxGetTextFromUser(_("What does this file show?"),
                                                       _("Evidence description"), wxString(), this);
        addEvidence(path, description);
    }
}

void IntakeDialog::addEvidence(const wxString& path, const wxString& description) {
    m_evidence.push_back({path.utf8_string(), trimmed(description)});
    const long item = m_evidenceList->InsertItem(m_evidenceList->GetItemCount(), path);
    m_evidenceList->SetItem(item, 1, description);
}

std::string IntakeDialog::timeOf(const wxCheckBox* known, const wxDatePickerCtrl* date,
                                 const wxTimePickerCtrl* time) const {
    if (!known->GetValue())
        return {};
    wxDateTime when = date->GetValue();
    int h = 0, m = 0, s = 0;
    time->GetTime(&h, &m, &s);
    when.SetHour(static_cast<wxDateTime::wxDateTime_t>(h));
    when.SetMinute(static_cast<wxDateTime::wxDateTime_t>(m));
    when.SetSecond(static_cast<wxDateTime::wxDateTime_t>(s));
    // The pickers show local time: write it with the local offset, as the service asks.
    const long offset =
        wxDateTime::TimeZone(wxDateTime::Local).GetOffset() + (when.IsDST() == 1 ? 3600 : 0);
    const long minutes = std::labs(offset) / 60;
    return (when.Format("%Y-%m-%dT%H:%M:%S") +
            wxString::Format("%c%02ld:%02ld", offset < 0 ? '-' : '+', minutes / 60, minutes % 60))
        .utf8_string();
}

tipoff::IntakeInput IntakeDialog::input() const {
    tipoff::IntakeInput in;
    const int type = m_crimeType->GetSelection();
    if (type >= 0)
        in.crimeType =
            tipoff::crimeTypeName(tipoff::allCrimeTypes()[static_cast<std::size_t>(type)]);
    const int subtype = m_subtype->GetSelection();
    if (subtype > 0)
        if (auto* data = dynamic_cast<wxStringClientData*>(
                m_subtype->GetClientObject(static_cast<unsigned>(subtype))))
            in.subtype = data->GetData().utf8_string();
    in.description = trimmed(m_description->GetValue());
    for (const auto& line : wxSplit(m_behaviours->GetValue(), '\n'))
        if (!trimmed(line).empty())
            in.behaviours.push_back(trimmed(line));
    const bool latTyped = !trimmed(m_latitude->GetValue()).empty();
    const bool lonTyped = !trimmed(m_longitude->GetValue()).empty();
    if (latTyped || lonTyped) {
        // A value that is not a number reaches the service as out of range, which names the field.
        in.latitude =
            latTyped ? parseNumber(m_latitude->GetValue()).value_or(NAN) : std::optional<double>{};
        in.longitude =
            lonTyped ? parseNumber(m_longitude->GetValue()).value_or(NAN) : std::optional<double>{};
    }
    in.address = trimmed(m_address->GetValue());
    in.occurredAt = timeOf(m_occurredKnown, m_occurredDate, m_occurredTime);
    in.discoveredAt = timeOf(m_discoveredKnown, m_discoveredDate, m_discoveredTime);
    const int channel = m_channel->GetSelection();
    if (channel >= 0)
        in.channel = tipoff::channelName(tipoff::allChannels()[static_cast<std::size_t>(channel)]);
    in.peopleInvolved = m_people->GetValue();
    in.objectsInvolved = m_objects->GetValue();
    in.evidence = m_evidence;
    in.anonymous = m_anonymous->GetValue();
    if (!m_anonymous->GetValue()) {
        in.reporter.name = trimmed(m_reporterName->GetValue());
        in.reporter.cccd = trimmed(m_reporterCccd->GetValue());
        in.reporter.phone = trimmed(m_reporterPhone->GetValue());
        in.reporter.email = trimmed(m_reporterEmail->GetValue());
        in.reporter.address = trimmed(m_reporterAddress->GetValue());
        in.reporter.shareWithAgencies = m_share->GetValue();
        static const char* const notify[] = {"", "vneid", "sms", "email"};
        const int n = m_notifyBy->GetSelection();
        in.reporter.notifyBy = n > 0 && n < 4 ? notify[n] : "";
    }
    return in;
}

bool IntakeDialog::TransferDataFromWindow() {
    m_result.reset();
    m_error->SetLabel(wxString());
    try {
        tipoff::IntakeService service(m_db);
        m_result = service.file(m_session, input());
        return true;
    } catch (const core::ValidationError& e) {
        showError(e.field(), e.rule());
    } catch (const std::exception& e) {
        m_error->SetLabel(fromUtf8(e.what()));
        m_error->Wrap(GetClientSize().x - FromDIP(24));
    }
    Layout();
    return false;
}

void IntakeDialog::showError(const std::string& field, const std::string& rule) {
    // TRANSLATORS: a form field's label and the rule its value broke.
    m_error->SetLabel(wxString::Format(_("%s: %s"), fieldLabel(field), fromUtf8(rule)));
    m_error->Wrap(GetClientSize().x - FromDIP(24));
    std::string key = field;
    if (const auto bracket = key.find('['); bracket != std::string::npos)
        key = key.substr(0, bracket);
    const auto it = m_fieldCtrls.find(key);
    if (it != m_fieldCtrls.end() && it->second->IsEnabled())
        it->second->SetFocus();
}

wxString IntakeDialog::counterText() const {
    return m_counter->GetLabel();
}

wxString IntakeDialog::unitText() const {
    return m_unit->GetLabel();
}

wxString IntakeDialog::errorText() const {
    return m_error->GetLabel();
}

} // namespace c175::panels
