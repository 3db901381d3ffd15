// Kostnader: the cost items as an editable table, the funding, and each party's share
// for a chosen year as a table and a bar chart. Totals are core's, to the krona.
#include <imgui.h>
#include <algorithm>
#include <cmath>
#include "charts.h"
#include "a11y.h"
#include "fields.h"
#include "number_input.h"
#include "cost_edits.h"
#include "format.h"
#include "patch.h"
#include "views.h"

namespace ui {

namespace {

// A year of an item's range; typing a first year after the last moves the last along (and says so).
void EditYear(App& app, const char* id, const std::string& item_id, const sam::CostItem& item, bool first) {
    std::string text;
    int64_t value = first ? item.first_year : item.last_year;
    if (!TextInput(app, id, std::to_string(value), text)) return;
    sam::NumberInput n = sam::ReadNumber(text);
    if (!n.ok || n.value != std::floor(n.value) || n.value < 1900 || n.value > 2200) {
        std::string why = n.ok ? sam::TrF(app.lang, "ui.bad_int", {text, "1900", "2200"}) : sam::NumberInputMessage(app.lang, n, text);
        app.status = why;
        app.field_error = {ImGui::GetID(id), text, why};
        return;
    }
    std::string moved;
    sam::json patch = sam::SetYearPatch(item_id, item, first, (int)n.value, &moved);
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
    ImGui::TextUnformatted(T(app, "ui.year"));
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
    if (!ImGui::BeginTable("##items", 8, flags)) return;
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
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::SetNextItemWidth(-FLT_MIN);
        EditText(app, "##name", path + "/name", item.name, true);
        if (!r.ok) { ImGui::TextColored(ImVec4(0.8f, 0.2f, 0.2f, 1), "! %s", sam::TrF(app.lang, r.error, r.args).c_str()); }
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
            ImGui::TextWrapped("%s", quantity);
        } else {
            ImGui::TextUnformatted(quantity);
            HelpTooltip(quantity);
        }
        ImGui::TableNextColumn();
        float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
        ImGui::SetNextItemWidth(half);
        EditYear(app, "##first", r.id, item, true);
        Mark(app, "first-year:" + r.id);
        ImGui::SameLine();
        ImGui::SetNextItemWidth(half);
        EditYear(app, "##last", r.id, item, false);
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
    ImGui::EndTable();
}

void AddItem(App& app, int year) {
    if (ApplyEdit(app, sam::NewCostItemPatch(app.doc.ws, T(app, "ui.new_item"), year))) app.status = T(app, "ui.item_added");
}

void FundingList(App& app) {
    const sam::Workspace& ws = app.doc.ws;
    if (ws.funding.empty()) return;
    ImGui::TextUnformatted(T(app, "ui.funding"));
    if (!ImGui::BeginTable("##funding", 4, ImGuiTableFlags_Borders | ImGuiTableFlags_SizingStretchProp)) return;
    ImGui::TableSetupColumn(T(app, "ui.name"), 0, 2.5f);
    ImGui::TableSetupColumn(T(app, "ui.amount_per_year"), 0, 1.3f);
    ImGui::TableSetupColumn(T(app, "ui.years"), 0, 1.3f);
    ImGui::TableSetupColumn(T(app, "ui.item"), 0, 1.8f);
    HeadersRow();
    for (auto& [id, f] : ws.funding) {
        std::string path = "/funding/" + sam::PointerToken(id);
        ImGui::PushID(id.c_str());
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::SetNextItemWidth(-FLT_MIN);
        EditText(app, "##name", path + "/name", f.name, true);
        ImGui::TableNextColumn();
        ImGui::SetNextItemWidth(-FLT_MIN);
        EditAmount(app, "##amount", path + "/amount", f.amount);
        ImGui::TableNextColumn();
        ImGui::Text("%d–%d", f.first_year, f.last_year);
        ImGui::TableNextColumn();
        auto item = ws.cost_items.find(f.cost_item);
        ImGui::TextUnformatted(item != ws.cost_items.end() ? item->second.name.c_str() : T(app, "ui.whole_budget"));
        ImGui::PopID();
    }
    ImGui::EndTable();
}

}  // namespace

void DrawCosts(App& app) {
    const sam::Workspace& ws = app.doc.ws;
    const sam::Budget& b = app.derived.budget;
    if (b.Years() <= 0) {
        ImGui::TextDisabled("%s", T(app, "ui.no_costs"));
        if (EditButton(app, T(app, "ui.add_item"))) AddItem(app, ws.costs.base_year ? ws.costs.base_year : std::atoi(app.today.substr(0, 4).c_str()));
        return;
    }
    int year = ChosenYear(app, b);
    // The year, and the workspace's allocation key.
    YearCombo(app, b, year);
    ImGui::SameLine(0, ImGui::GetFontSize() * 2);
    ImGui::TextUnformatted(T(app, "ui.key"));
    ImGui::SameLine();
    KeyEditor(app, "wskey", "/costs/key", ws.costs.key, false, ImGui::GetFontSize() * 14);
    if (ws.costs.key.kind == sam::KeyKind::RegionSplit) {
        ImGui::SameLine();
        ImGui::TextUnformatted(T(app, "ui.region_percent"));
        ImGui::SameLine();
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 4);
        EditDecimal(app, "##regionpct", "/costs/key/region_percent", ws.costs.key.region_percent);
    } else if (ws.costs.key.kind == sam::KeyKind::BasePlusPerCapita) {
        ImGui::SameLine();
        ImGui::TextUnformatted(T(app, "ui.base_fee"));
        ImGui::SameLine();
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
        EditAmount(app, "##basefee", "/costs/key/base_fee", ws.costs.key.base_fee);
    }
    ImGui::SameLine();
    if (EditButton(app, T(app, "ui.add_item"))) AddItem(app, year);

    ItemsTable(app, b, year);
    FundingList(app);
    ImGui::Spacing();

    // Per party: a table (this year and all years) beside a bar chart of this year.
    float half = ImGui::GetContentRegionAvail().x * 0.45f;
    ImGui::BeginChild("##perparty", ImVec2(half, 0), false);
    ImGui::TextUnformatted(T(app, "ui.cost_summary"));
    if (ImGui::BeginTable("##parties", 3, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg)) {
        std::string yc = std::to_string(year);
        std::string all = std::to_string(b.first_year) + "–" + std::to_string(b.last_year);
        ImGui::TableSetupColumn(T(app, "ui.party"), ImGuiTableColumnFlags_WidthStretch, 1.6f);
        ImGui::TableSetupColumn(yc.c_str(), ImGuiTableColumnFlags_WidthStretch, 1.2f);
        ImGui::TableSetupColumn(all.c_str(), ImGuiTableColumnFlags_WidthStretch, 1.2f);
        HeadersRow();
        int64_t sum = 0, sum_all = 0;
        for (auto& id : b.parties) {
            sum += b.PartyAt(id, year);
            sum_all += b.PartyTotal(id);
        }
        ImGuiListClipper clip;
        clip.Begin((int)b.parties.size());
        while (clip.Step())
        for (int row = clip.DisplayStart; row < clip.DisplayEnd; ++row) {
            const std::string& id = b.parties[row];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(PartyName(app, id));
            ImGui::TableNextColumn();
            TextRight(sam::FormatKr(b.PartyAt(id, year)).c_str());
            Mark(app, "party-cost:" + id);
            ImGui::TableNextColumn();
            TextRight(sam::FormatKr(b.PartyTotal(id)).c_str());
        }
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(T(app, "ui.total"));
        ImGui::TableNextColumn();
        TextRight(sam::FormatKr(sum).c_str());
        ImGui::TableNextColumn();
        TextRight(sam::FormatKr(sum_all).c_str());
        ImGui::EndTable();
    }
    std::string key = sam::TrEnum(app.lang, "key_kind", sam::ToString(ws.costs.key.kind)).data();
    ImGui::TextDisabled("%s: %s", T(app, "ui.key"), key.c_str());
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("##chart", ImVec2(0, 0), false);
    ImGui::TextUnformatted(sam::TrF(app.lang, "ui.chart_year", {std::to_string(year)}).c_str());
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
    ImGui::EndChild();
}

}  // namespace ui
