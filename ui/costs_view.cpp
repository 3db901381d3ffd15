// Kostnader: the cost items as an editable table, the funding, and each party's share
// for a chosen year as a table and a bar chart. Totals are core's, to the krona.
#include <imgui.h>
#include <algorithm>
#include <cmath>
#include "charts.h"
#include "a11y.h"
#include "fields.h"
#include "number_input.h"
#include "cascade.h"
#include "cost_edits.h"
#include "format.h"
#include "patch.h"
#include "views.h"
#include "wide_table.h"

namespace ui {

namespace {

// A table row that starts with the entity's name, required (an item, funding, in kind, an area).
void NameRow(App& app, const std::string& path, const std::string& name) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::SetNextItemWidth(-FLT_MIN);
    EditText(app, "##name", path + "/name", name, true);
}

// A year of an item's range; typing a first year after the last moves the last along (and says so).
void EditYear(App& app, const char* id, const std::string& path, int first_year, int last_year, bool first) {
    std::string text;
    int64_t value = first ? first_year : last_year;
    if (!TextInput(app, id, std::to_string(value), text)) return;
    sam::NumberInput n = sam::ReadNumber(text);
    if (!n.ok || n.value != std::floor(n.value) || n.value < 1900 || n.value > 2200) {
        std::string why = n.ok ? sam::TrF(app.lang, "ui.bad_int", {text, "1900", "2200"}) : sam::NumberInputMessage(app.lang, n, text);
        app.status = why;
        app.field_error = {ImGui::GetID(id), text, why};
        return;
    }
    std::string moved;
    sam::json patch = sam::SetYearRangePatch(path, first_year, last_year, first, (int)n.value, &moved);
    if (ApplyFieldEdit(app, patch, ImGui::GetID(id), text) && !moved.empty())
        app.status = sam::TrF(app.lang, moved == "last_year" ? "ui.last_year_moved" : "ui.first_year_moved", {std::to_string((int)n.value)});
}

std::string ItemPath(const std::string& id) { return "/cost_items/" + sam::PointerToken(id); }

void KeyEditor(App& app, const char* id, const std::string& path, const std::optional<sam::AllocationKey>& key, bool optional, float width) {
    ImGui::PushID(id);
    const char* current = key ? sam::TrEnum(app.lang, "key_kind", sam::ToString(key->kind)).data() : T(app, "ui.workspace_key");
    ImGui::SetNextItemWidth(width);
    if (ImGui::BeginCombo("##key", current)) {
        if (optional && ImGui::Selectable(T(app, "ui.workspace_key"), !key) && key) ApplyEdit(app, sam::json::array({sam::OpRemove(path)}));
        for (sam::KeyKind k : sam::AllValues<sam::KeyKind>()) {
            bool selected = key && key->kind == k;
            if (ImGui::Selectable(sam::TrEnum(app.lang, "key_kind", sam::ToString(k)).data(), selected) && !selected) {
                sam::json v = {{"kind", sam::ToString(k)}};
                if (k == sam::KeyKind::RegionSplit) v["region_percent"] = 50;
                if (k == sam::KeyKind::BasePlusPerCapita) v["base_fee"] = 0;
                if (k == sam::KeyKind::Fixed) v["shares"] = sam::json::object();
                ApplyEdit(app, sam::json::array({sam::OpAdd(path, v)}));
            }
        }
        ImGui::EndCombo();
    }
    ImGui::PopID();
}

int ChosenYear(App& app, const sam::Budget& b) { return sam::YearToShow(b, app.cost_year, app.today).year; }

}  // namespace

void YearCombo(App& app, const sam::Budget& b, int year) {
    ImGui::AlignTextToFramePadding();
    Say(T(app, "ui.year"));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 5);
    ImGuiID combo = ImGui::GetID("##year");
    bool open = ImGui::BeginCombo("##year", std::to_string(year).c_str());
    A11ySet(combo, Role::ComboBox, T(app, "ui.year"), std::to_string(year));
    if (open) {
        for (int y = b.first_year; y <= b.last_year; ++y) {
            if (ImGui::Selectable(std::to_string(y).c_str(), y == year)) app.cost_year = y;
            A11ySelected(y == year);
        }
        ImGui::EndCombo();
    }
    Mark(app, "year");
    sam::ShownYear shown = sam::YearToShow(b, app.cost_year, app.today);
    if (!shown.note.empty()) {   // not this year, and nobody chose it: say why
        ImGui::SameLine();
        ImGui::TextDisabled("(?)");
        HelpTooltip(sam::TrF(app.lang, shown.note, shown.args).c_str());
    }
}

namespace {

void ItemsTable(App& app, const sam::Budget& b, int year) {
    const sam::Workspace& ws = app.doc.ws;
    ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp;
    if (!BeginWideTable("##items", 8, flags, ImGui::GetFontSize() * 52)) return;
    ImGui::TableSetupColumn(T(app, "ui.item"), 0, 2.6f);
    ImGui::TableSetupColumn(T(app, "ui.fte"), 0, 0.8f);
    ImGui::TableSetupColumn(T(app, "ui.cost_per_fte"), 0, 1.3f);
    ImGui::TableSetupColumn(T(app, "ui.quantity"), 0, 2.0f);
    ImGui::TableSetupColumn(T(app, "ui.years"), 0, 1.3f);
    ImGui::TableSetupColumn(T(app, "ui.key"), 0, 1.6f);
    std::string year_col = std::to_string(year);
    ImGui::TableSetupColumn(year_col.c_str(), 0, 1.3f);
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFrameHeight());
    HeadersRow();
    std::vector<const sam::ItemResult*> rows;
    for (auto& r : b.items) if (!r.id.empty()) rows.push_back(&r);
    // A few dozen items: every row, the quantity wrapped. Hundreds: only the rows on screen,
    // which the clipper needs to be of one height, so the quantity keeps to one line.
    const bool one_line = rows.size() > 200;
    auto item_row = [&](int row) {
        const sam::ItemResult& r = *rows[row];
        auto it = ws.cost_items.find(r.id);
        if (it == ws.cost_items.end()) return;
        const sam::CostItem& item = it->second;
        std::string path = ItemPath(r.id);
        ImGui::PushID(r.id.c_str());
        NameRow(app, path, item.name);
        if (!r.ok) {
            std::string why = sam::TrF(app.lang, r.error, r.args);
            ImGui::TextColored(ImVec4(0.8f, 0.2f, 0.2f, 1), "! %s", why.c_str());
            A11yText(why);
        }
        ImGui::TableNextColumn();
        // A fixed amount, or FTE × cost per FTE: one click switches, at the same cost.
        if (item.amount) {
            if (EditButton(app, T(app, "ui.fixed_amount"), true)) ApplyEdit(app, sam::SwitchCostKindPatch(r.id, item));
            HelpTooltip(T(app, "ui.switch_to_fte"));
        } else {
            float button = ImGui::CalcTextSize("kr").x + ImGui::GetStyle().FramePadding.x * 2 + ImGui::GetStyle().ItemSpacing.x;
            ImGui::SetNextItemWidth(std::max(ImGui::GetContentRegionAvail().x - button, ImGui::GetFontSize() * 2));
            EditDecimal(app, "##fte", path + "/fte", item.fte);
            Mark(app, "fte:" + r.id);
            ImGui::SameLine();
            if (EditButton(app, "kr", true)) ApplyEdit(app, sam::SwitchCostKindPatch(r.id, item));
            HelpTooltip(T(app, "ui.switch_to_amount"));
        }
        Mark(app, "cost-kind:" + r.id);
        ImGui::TableNextColumn();
        ImGui::SetNextItemWidth(-FLT_MIN);
        if (item.amount) EditAmount(app, "##amount", path + "/amount", *item.amount);
        else EditAmount(app, "##cost", path + "/cost_per_fte", item.cost_per_fte);
        ImGui::TableNextColumn();
        const char* quantity = r.quantity_text.empty() ? "1" : r.quantity_text.c_str();
        if (!one_line) {
            SayWrapped(quantity);
        } else {
            Say(quantity);
            HelpTooltip(quantity);
        }
        ImGui::TableNextColumn();
        float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
        ImGui::SetNextItemWidth(half);
        EditYear(app, "##first", path, item.first_year, item.last_year, true);
        Mark(app, "first-year:" + r.id);
        ImGui::SameLine();
        ImGui::SetNextItemWidth(half);
        EditYear(app, "##last", path, item.first_year, item.last_year, false);
        ImGui::TableNextColumn();
        KeyEditor(app, "key", path + "/key", item.key, true, -FLT_MIN);
        ImGui::TableNextColumn();
        TextRight(sam::FormatKr(b.At(r.gross, year)).c_str());
        if (r.fte_total > 0)
            HelpTooltip(sam::TrF(app.lang, "ui.how_item", {sam::FormatFte(r.fte_total), sam::FormatKr((int64_t)r.implied_cost_per_fte),
                                                           sam::FormatKr(b.At(r.gross, year))}).c_str());
        ImGui::TableNextColumn();
        if (EditButton(app, "×", true)) ApplyEdit(app, sam::json::array({sam::OpRemove(path)}));
        HelpTooltip(T(app, "ui.remove_item"));
        ImGui::PopID();
    };
    if (one_line) {
        ImGuiListClipper clip;
        clip.Begin((int)rows.size());
        while (clip.Step())
            for (int row = clip.DisplayStart; row < clip.DisplayEnd; ++row) item_row(row);
    } else {
        for (int row = 0; row < (int)rows.size(); ++row) item_row(row);
    }
    // Funding and totals: the figures core computed.
    auto total_row = [&](const char* label, int64_t v, const std::string& how) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(label);
        A11yText(label);
        Mark(app, std::string("total:") + label);
        for (int c = 0; c < 5; ++c) ImGui::TableNextColumn();
        ImGui::TableNextColumn();
        TextRight(sam::FormatKr(v).c_str());
        if (!how.empty()) HelpTooltip(how.c_str());
        ImGui::TableNextColumn();
    };
    total_row(T(app, "ui.gross"), b.At(b.gross, year), "");
    if (b.At(b.funding, year)) total_row(T(app, "ui.funding"), -b.At(b.funding, year), "");
    total_row(T(app, "ui.net"), b.At(b.net, year),
              sam::TrF(app.lang, "ui.how_total", {sam::FormatKr(b.At(b.gross, year)), sam::FormatKr(b.At(b.funding, year)), sam::FormatKr(b.At(b.net, year))}));
    EndWideTable();
}

void AddItem(App& app, int year) {
    if (ApplyEdit(app, sam::NewCostItemPatch(app.doc.ws, T(app, "ui.new_item"), year))) app.status = T(app, "ui.item_added");
}

// Each party's share this year and over all years; with contributions in kind, also what
// it gives in kind and what it then pays in money.
void PerPartyTable(App& app, const sam::Budget& b, int year) {
    const bool in_kind = !b.in_kind.empty();
    Say(T(app, "ui.cost_summary"));
    if (!BeginWideTable("##parties", in_kind ? 5 : 3, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg, ImGui::GetFontSize() * (in_kind ? 34 : 22))) return;
    std::string yc = std::to_string(year);
    std::string all = std::to_string(b.first_year) + "–" + std::to_string(b.last_year);
    ImGui::TableSetupColumn(T(app, "ui.party"), ImGuiTableColumnFlags_WidthStretch, 1.6f);
    ImGui::TableSetupColumn(yc.c_str(), ImGuiTableColumnFlags_WidthStretch, 1.2f);
    if (in_kind) {
        ImGui::TableSetupColumn(T(app, "ui.in_kind"), ImGuiTableColumnFlags_WidthStretch, 1.2f);
        ImGui::TableSetupColumn(T(app, "ui.in_money"), ImGuiTableColumnFlags_WidthStretch, 1.2f);
    }
    ImGui::TableSetupColumn(all.c_str(), ImGuiTableColumnFlags_WidthStretch, 1.2f);
    HeadersRow();
    int64_t sum = 0, sum_kind = 0, sum_cash = 0, sum_all = 0;
    for (auto& id : b.parties) {
        sum += b.PartyAt(id, year);
        sum_kind += b.InKindAt(id, year);
        sum_cash += b.CashAt(id, year);
        sum_all += b.PartyTotal(id);
    }
    auto row = [&](const char* name, int64_t share, int64_t kind, int64_t cash, int64_t total, const std::string& mark) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        Say(name);
        ImGui::TableNextColumn();
        TextRight(sam::FormatKr(share).c_str());
        if (!mark.empty()) Mark(app, mark);
        if (in_kind) {
            ImGui::TableNextColumn();
            TextRight(kind ? sam::FormatKr(kind).c_str() : "–");
            ImGui::TableNextColumn();
            TextRight(sam::FormatKr(cash).c_str());
        }
        ImGui::TableNextColumn();
        TextRight(sam::FormatKr(total).c_str());
    };
    ImGuiListClipper clip;
    clip.Begin((int)b.parties.size());
    while (clip.Step())
        for (int r = clip.DisplayStart; r < clip.DisplayEnd; ++r) {
            const std::string& id = b.parties[r];
            row(PartyName(app, id), b.PartyAt(id, year), b.InKindAt(id, year), b.CashAt(id, year), b.PartyTotal(id), "party-cost:" + id);
        }
    row(T(app, "ui.total"), sum, sum_kind, sum_cash, sum_all, "");
    EndWideTable();
    std::string key = sam::TrEnum(app.lang, "key_kind", sam::ToString(app.doc.ws.costs.key.kind)).data();
    SayDisabled(std::string(T(app, "ui.key")) + ": " + key);
}

void PerPartyChart(App& app, const sam::Budget& b, int year) {
    Say(sam::TrF(app.lang, "ui.chart_year", {std::to_string(year)}));
    std::vector<Bar> bars;
    for (auto& id : b.parties) {
        Bar bar;
        bar.label = PartyName(app, id);
        bar.value = (double)b.PartyAt(id, year);
        bar.text = sam::FormatKr(b.PartyAt(id, year));
        bars.push_back(bar);
    }
    BarChart("##bars", bars, 0, DefaultChartColors(false));
    Mark(app, "cost-chart");
}

void FundingList(App& app) {
    const sam::Workspace& ws = app.doc.ws;
    if (ws.funding.empty()) return;
    Say(T(app, "ui.funding"));
    if (!BeginWideTable("##funding", 4, ImGuiTableFlags_Borders | ImGuiTableFlags_SizingStretchProp, ImGui::GetFontSize() * 30)) return;
    ImGui::TableSetupColumn(T(app, "ui.name"), 0, 2.5f);
    ImGui::TableSetupColumn(T(app, "ui.amount_per_year"), 0, 1.3f);
    ImGui::TableSetupColumn(T(app, "ui.years"), 0, 1.3f);
    ImGui::TableSetupColumn(T(app, "ui.item"), 0, 1.8f);
    HeadersRow();
    for (auto& [id, f] : ws.funding) {
        std::string path = "/funding/" + sam::PointerToken(id);
        ImGui::PushID(id.c_str());
        NameRow(app, path, f.name);
        ImGui::TableNextColumn();
        ImGui::SetNextItemWidth(-FLT_MIN);
        EditAmount(app, "##amount", path + "/amount", f.amount);
        ImGui::TableNextColumn();
        Say(std::to_string(f.first_year) + "–" + std::to_string(f.last_year));
        ImGui::TableNextColumn();
        auto item = ws.cost_items.find(f.cost_item);
        Say(item != ws.cost_items.end() ? item->second.name.c_str() : T(app, "ui.whole_budget"));
        ImGui::PopID();
    }
    EndWideTable();
}

// Contributions in kind: what each party gives in staff or another resource, valued in kr,
// and whether it lowers the party's payment (against its share) or comes on top.
void InKindParty(App& app, const std::string& path, const sam::InKind& k) {
    ImGui::SetNextItemWidth(-FLT_MIN);
    if (!BeginEnumCombo(app, "##party", PartyName(app, k.party))) return;
    std::vector<std::string> ids;
    for (auto& [id, p] : app.doc.ws.parties) ids.push_back(id);
    sam::SortPartiesSwedish(app.doc.ws, ids);
    for (auto& id : ids)
        if (EnumItem(PartyName(app, id), id == k.party) && id != k.party) ApplyEdit(app, sam::json::array({sam::OpReplace(path + "/party", id)}));
    EndEnumCombo();
}

void InKindList(App& app, int year) {
    const sam::Workspace& ws = app.doc.ws;
    ImGui::TextUnformatted(T(app, "ui.in_kind_title"));
    A11yText(T(app, "ui.in_kind_title"), Role::Heading);
    ImGui::SameLine();
    if (EditButton(app, T(app, "ui.add_in_kind"), true) && !ws.parties.empty()) {
        std::string first = ws.costs.participants.empty() ? ws.parties.begin()->first : ws.costs.participants.front();
        if (ApplyEdit(app, sam::NewInKindPatch(ws, T(app, "ui.new_in_kind"), first, year))) app.status = T(app, "ui.in_kind_added");
    }
    Mark(app, "add-in-kind");
    HelpTooltip(T(app, "ui.add_in_kind_help"));
    if (ws.in_kind.empty()) return;
    if (!BeginWideTable("##inkind", 6, ImGuiTableFlags_Borders | ImGuiTableFlags_SizingStretchProp, ImGui::GetFontSize() * 46)) return;
    ImGui::TableSetupColumn(T(app, "ui.name"), 0, 2.5f);
    ImGui::TableSetupColumn(T(app, "ui.party"), 0, 1.5f);
    ImGui::TableSetupColumn(T(app, "ui.amount_per_year"), 0, 1.4f);
    ImGui::TableSetupColumn(T(app, "ui.years"), 0, 1.3f);
    ImGui::TableSetupColumn(T(app, "ui.against_share"), 0, 1.3f);
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFrameHeight());
    HeadersRow();
    for (auto& [id, k] : ws.in_kind) {
        std::string path = "/in_kind/" + sam::PointerToken(id);
        ImGui::PushID(id.c_str());
        NameRow(app, path, k.name);
        ImGui::TableNextColumn();
        InKindParty(app, path, k);
        ImGui::TableNextColumn();
        if (k.amount) {
            ImGui::SetNextItemWidth(-FLT_MIN);
            EditAmount(app, "##amount", path + "/amount", *k.amount);
            Mark(app, "in-kind-amount:" + id);
        } else {
            std::string staff = sam::FormatDecimal(k.fte, 2) + " × " + sam::FormatKr(k.cost_per_fte);
            ImGui::TextUnformatted(staff.c_str());
            A11yText(staff);
        }
        ImGui::TableNextColumn();
        float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
        ImGui::SetNextItemWidth(half);
        EditYear(app, "##first", path, k.first_year, k.last_year, true);
        ImGui::SameLine();
        ImGui::SetNextItemWidth(half);
        EditYear(app, "##last", path, k.first_year, k.last_year, false);
        ImGui::TableNextColumn();
        bool against = k.against_share;
        if (EditCheckbox(app, T(app, "ui.against_share_yes"), &against))
            ApplyEdit(app, sam::json::array({sam::OpReplace(path + "/against_share", against)}));
        HelpTooltip(T(app, "ui.against_share_help"));
        ImGui::TableNextColumn();
        if (EditButton(app, "×", true)) ApplyEdit(app, sam::json::array({sam::OpRemove(path)}));
        HelpTooltip(T(app, "ui.remove_in_kind"));
        ImGui::PopID();
    }
    EndWideTable();
}

// Focus areas: national or the county's own; which bodies, matters and cost items follow each,
// and the items' net this year (an item with several areas split evenly, as in the report).
const std::string& Title(const sam::Body& b) { return b.name; }
const std::string& Title(const sam::Matter& m) { return m.title; }
const std::string& Title(const sam::CostItem& c) { return c.name; }

// A combo of checkboxes: which of a collection's members carry this focus area.
struct TagColumn {
    const char* id;           // ImGui id
    const char* collection;   // the JSON collection; with the focus area's id, the test mark
    const char* one;          // "{0} organ"
    const char* many;
    const char* heading;      // the column's heading, in the combo's accessible name
};

template <class Members>
void FocusTags(App& app, const TagColumn& c, const Members& members, const std::string& focus_id, const std::string& focus_name) {
    int tagged = 0;
    for (auto& [mid, m] : members) tagged += std::count(m.focus.begin(), m.focus.end(), focus_id) > 0;
    std::string label = sam::TrF(app.lang, tagged == 1 ? c.one : c.many, {std::to_string(tagged)});
    std::string name = std::string(T(app, c.heading)) + ": " + focus_name;
    ImGui::SetNextItemWidth(-FLT_MIN);
    bool open = BeginEnumCombo(app, c.id, label.c_str(), name);
    Mark(app, std::string("focus-") + c.collection + ":" + focus_id);   // "focus-bodies:barn-unga"
    if (!open) return;
    for (auto& [mid, m] : members) {
        bool on = std::count(m.focus.begin(), m.focus.end(), focus_id) > 0;
        ImGui::PushID(mid.c_str());
        std::string path = std::string("/") + c.collection + "/" + sam::PointerToken(mid);
        if (EditCheckbox(app, Title(m).c_str(), &on)) ApplyEdit(app, sam::TagFocusPatch(path, m.focus, focus_id, on));
        ImGui::PopID();
    }
    EndEnumCombo();
}

void FocusAreaList(App& app, const sam::Budget& b, int year) {
    const sam::Workspace& ws = app.doc.ws;
    ImGui::TextUnformatted(T(app, "ui.focus_areas"));
    A11yText(T(app, "ui.focus_areas"), Role::Heading);
    ImGui::SameLine();
    if (EditButton(app, T(app, "ui.add_focus"), true) && ApplyEdit(app, sam::NewFocusAreaPatch(ws, T(app, "ui.new_focus"), false)))
        app.status = T(app, "ui.focus_added");
    Mark(app, "add-focus");
    if (ws.focus_areas.empty()) return;
    std::string net = sam::TrF(app.lang, "ui.net_year", {std::to_string(year)});
    if (!BeginWideTable("##focus", 7, ImGuiTableFlags_Borders | ImGuiTableFlags_SizingStretchProp, ImGui::GetFontSize() * 54)) return;
    ImGui::TableSetupColumn(T(app, "ui.name"), 0, 2.6f);
    ImGui::TableSetupColumn(T(app, "ui.national"), 0, 1.0f);
    ImGui::TableSetupColumn(T(app, "ui.bodies"), 0, 1.3f);
    ImGui::TableSetupColumn(T(app, "ui.matters"), 0, 1.3f);
    ImGui::TableSetupColumn(T(app, "ui.items"), 0, 1.3f);
    ImGui::TableSetupColumn(net.c_str(), 0, 1.2f);
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFrameHeight());
    HeadersRow();
    for (auto& [id, f] : ws.focus_areas) {
        std::string path = "/focus_areas/" + sam::PointerToken(id);
        ImGui::PushID(id.c_str());
        NameRow(app, path, f.name);
        ImGui::TableNextColumn();
        bool national = f.national;
        if (EditCheckbox(app, T(app, "ui.national_yes"), &national)) ApplyEdit(app, sam::json::array({sam::OpReplace(path + "/national", national)}));
        ImGui::TableNextColumn();
        FocusTags(app, {"##bodies", "bodies", "ui.focus_bodies_one", "ui.focus_bodies", "ui.bodies"}, ws.bodies, id, f.name);
        ImGui::TableNextColumn();
        FocusTags(app, {"##matters", "matters", "ui.focus_matters_one", "ui.focus_matters", "ui.matters"}, ws.matters, id, f.name);
        ImGui::TableNextColumn();
        FocusTags(app, {"##items", "cost_items", "ui.focus_items_one", "ui.focus_items", "ui.items"}, ws.cost_items, id, f.name);
        ImGui::TableNextColumn();
        auto it = b.per_focus.find(id);
        TextRight(sam::FormatKr(it == b.per_focus.end() ? 0 : b.At(it->second, year)).c_str());
        ImGui::TableNextColumn();
        if (EditButton(app, "×", true)) ApplyEdit(app, sam::DeleteFocusAreaPatch(ws, id));
        HelpTooltip(T(app, "ui.remove_focus"));
        ImGui::PopID();
    }
    EndWideTable();
}

}  // namespace

void DrawCosts(App& app) {
    const sam::Workspace& ws = app.doc.ws;
    const sam::Budget& b = app.derived.budget;
    if (b.Years() <= 0) {
        SayDisabled(T(app, "ui.no_costs"));
        if (EditButton(app, T(app, "ui.add_item"))) AddItem(app, ws.costs.base_year ? ws.costs.base_year : std::atoi(app.today.substr(0, 4).c_str()));
        return;
    }
    int year = ChosenYear(app, b);
    // The year, and the workspace's allocation key.
    YearCombo(app, b, year);
    ImGui::SameLine(0, ImGui::GetFontSize() * 2);
    Say(T(app, "ui.key"));
    ImGui::SameLine();
    KeyEditor(app, "wskey", "/costs/key", ws.costs.key, false, ImGui::GetFontSize() * 14);
    if (ws.costs.key.kind == sam::KeyKind::RegionSplit) {
        ImGui::SameLine();
        Say(T(app, "ui.region_percent"));
        ImGui::SameLine();
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 4);
        EditDecimal(app, "##regionpct", "/costs/key/region_percent", ws.costs.key.region_percent);
    } else if (ws.costs.key.kind == sam::KeyKind::BasePlusPerCapita) {
        ImGui::SameLine();
        Say(T(app, "ui.base_fee"));
        ImGui::SameLine();
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
        EditAmount(app, "##basefee", "/costs/key/base_fee", ws.costs.key.base_fee);
    }
    ImGui::SameLine();
    if (EditButton(app, T(app, "ui.add_item"))) AddItem(app, year);

    ItemsTable(app, b, year);
    FundingList(app);
    InKindList(app, year);
    FocusAreaList(app, b, year);
    ImGui::Spacing();

    // Per party: a table (this year and all years) beside a bar chart of this year; in a
    // narrow window (320 CSS px, 400 % zoom) one below the other.
    const bool narrow = ImGui::GetContentRegionAvail().x < ImGui::GetFontSize() * 36;
    if (narrow) {
        PerPartyTable(app, b, year);
        ImGui::Spacing();
        PerPartyChart(app, b, year);
        return;
    }
    ImGui::BeginChild("##perparty", ImVec2(ImGui::GetContentRegionAvail().x * (b.in_kind.empty() ? 0.45f : 0.6f), 0), false);
    PerPartyTable(app, b, year);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("##chart", ImVec2(0, 0), false);
    PerPartyChart(app, b, year);
    ImGui::EndChild();
}

}  // namespace ui
