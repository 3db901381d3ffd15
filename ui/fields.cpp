#include "fields.h"

#include "a11y.h"

#include <algorithm>
#include <cmath>

#include <imgui.h>
#include <cstdio>
#include <cstring>
#include "format.h"
#include "number_input.h"
#include "patch.h"

namespace ui {

namespace {

// Input that could not be read: kept in the field, with the reason beside it.
bool Refuse(App& app, const char* id, const std::string& typed, const std::string& message) {
    app.status = message;
    app.field_error = {ImGui::GetID(id), typed, message};
    return false;
}

// The edit of a field, applied (or refused) through core like every edit.
bool Commit(App& app, const char* id, const std::string& typed, sam::json op) {
    return ApplyFieldEdit(app, sam::json::array({std::move(op)}), ImGui::GetID(id), typed);
}

void ShowFieldError(const App& app) {
    ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    ImU32 red = ImGui::GetColorU32(ImVec4(0.8f, 0.1f, 0.1f, 1));
    ImGui::GetWindowDrawList()->AddRect(a, b, red, ImGui::GetStyle().FrameRounding, 0, 2.0f);
    ImGui::PushStyleColor(ImGuiCol_Text, red);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + std::max(b.x - a.x, ImGui::GetFontSize() * 14));
    ImGui::TextUnformatted(app.field_error.message.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
}

}  // namespace

bool TextInput(App& app, const char* id, const std::string& value, std::string& out, const char* hint) {
    ImGuiID gid = ImGui::GetID(id);
    bool refused = app.field_error.id == gid;
    // While a field is being edited its text lives in app.field_buf; the others show the
    // value, or what was typed when it was refused.
    char shown[sizeof app.field_buf];
    char* buf = app.field_id == gid ? app.field_buf : shown;
    if (buf == shown) std::snprintf(shown, sizeof shown, "%s", refused ? app.field_error.typed.c_str() : value.c_str());
    BeginReadOnly(app);
    if (hint) ImGui::InputTextWithHint(id, hint, buf, sizeof app.field_buf);
    else ImGui::InputText(id, buf, sizeof app.field_buf);
    A11yLast(Role::TextBox, "", buf);   // named by its column or the label before it
    EndReadOnly(app);
    if (app.test_mode) Mark(app, "field:" + std::to_string(gid));   // every field is a target for tests
    // Text wider than its field is whole in a tooltip (an item's or a party's long name).
    if (app.field_id != gid && ImGui::IsItemHovered() && ImGui::CalcTextSize(buf).x > ImGui::GetItemRectSize().x - ImGui::GetStyle().FramePadding.x * 2)
        ImGui::SetTooltip("%s", buf);
    if (ImGui::IsItemActivated()) {
        app.field_id = gid;
        std::memcpy(app.field_buf, buf, sizeof app.field_buf);
    }
    bool done = ImGui::IsItemDeactivatedAfterEdit();
    bool cancelled = ImGui::IsItemDeactivated() && !done && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape));
    if (done) out = buf;
    if (ImGui::IsItemDeactivated() && app.field_id == gid) app.field_id = 0;
    if (refused && cancelled) app.field_error = {};   // Esc: back to the stored value
    else if (refused) ShowFieldError(app);
    if (refused && done && out == value) app.field_error = {};
    return done && out != value;
}

bool EditText(App& app, const char* id, const std::string& path, const std::string& value, bool required) {
    std::string text;
    if (!TextInput(app, id, value, text)) return false;
    if (text.empty()) {
        if (required) return Refuse(app, id, text, T(app, "ui.required"));
        return Commit(app, id, text, sam::OpRemove(path));
    }
    return Commit(app, id, text, sam::OpAdd(path, text));
}

bool EditTextWith(App& app, const char* id, const std::string& value, const PatchFor& make, bool required) {
    std::string text;
    if (!TextInput(app, id, value, text)) return false;
    if (text.empty() && required) return Refuse(app, id, text, T(app, "ui.required"));
    return ApplyFieldEdit(app, make(text), ImGui::GetID(id), text);
}

bool EditDateWith(App& app, const char* id, const std::string& value, const PatchFor& make) {
    std::string text;
    if (!TextInput(app, id, value, text, T(app, "ui.date_hint"))) return false;
    std::string date = text.empty() ? "" : sam::NormalizeDate(text);
    if (!date.empty() && !sam::IsValidDate(date)) return Refuse(app, id, text, sam::TrF(app.lang, "err.bad_date", {text}));
    return ApplyFieldEdit(app, make(date), ImGui::GetID(id), text);
}

bool EditList(App& app, const char* id, const std::vector<std::string>& items, std::vector<std::string>& out, bool dates,
              const std::string& name, const char* add_hint) {
    ImGui::PushID(id);
    const float width = ImGui::GetFontSize() * (dates ? 8 : 14);
    // A typed value, or "" when it is refused at its field (a date that is no date).
    auto accept = [&](const char* field, const std::string& typed) -> std::string {
        std::string v = dates && !typed.empty() ? sam::NormalizeDate(typed) : typed;
        if (dates && !v.empty() && !sam::IsValidDate(v)) { Refuse(app, field, typed, sam::TrF(app.lang, "err.bad_date", {typed})); return ""; }
        return v;
    };
    bool changed = false;
    for (size_t i = 0; i < items.size() && !changed; ++i) {
        ImGui::PushID((int)i);
        ImGui::SetNextItemWidth(width);
        std::string text;
        if (TextInput(app, "##item", items[i], text, dates ? T(app, "ui.date_hint") : nullptr)) {
            out = items;
            if (text.empty()) { out.erase(out.begin() + (long)i); changed = true; }
            else if (std::string v = accept("##item", text); !v.empty()) { out[i] = v; changed = true; }
        }
        A11yLast(Role::TextBox, name + " " + std::to_string(i + 1));
        ImGui::SameLine();
        if (EditButton(app, "×", true)) { out = items; out.erase(out.begin() + (long)i); changed = true; }
        A11yLast(Role::Button, sam::TrF(app.lang, "ui.remove_entry", {name + " " + std::to_string(i + 1)}));
        ImGui::PopID();
    }
    ImGui::SetNextItemWidth(width);
    std::string added;
    if (!changed && TextInput(app, "##new", "", added, add_hint) && !added.empty())
        if (std::string v = accept("##new", added); !v.empty()) { out = items; out.push_back(v); changed = true; }
    A11yLast(Role::TextBox, add_hint ? add_hint : name);
    ImGui::PopID();
    return changed;
}

bool EditInt(App& app, const char* id, const std::string& path, int64_t value, int64_t lo, int64_t hi) {
    std::string text;
    if (!TextInput(app, id, std::to_string(value), text)) return false;
    sam::NumberInput n = sam::ReadNumber(text);
    // The range first: converting a number beyond int64's range is undefined.
    if (!n.ok || n.value < (double)lo || n.value > (double)hi || n.value != std::floor(n.value)) {
        std::string why = n.ok ? sam::TrF(app.lang, "ui.bad_int", {text, std::to_string(lo), std::to_string(hi)}) : sam::NumberInputMessage(app.lang, n, text);
        return Refuse(app, id, text, why);
    }
    return Commit(app, id, text, sam::OpAdd(path, (int64_t)n.value));
}

bool EditDecimal(App& app, const char* id, const std::string& path, double value) {
    std::string text;
    if (!TextInput(app, id, sam::FormatDecimal(value, 4), text)) return false;
    sam::NumberInput n = sam::ReadNumber(text);
    if (!n.ok) return Refuse(app, id, text, sam::NumberInputMessage(app.lang, n, text));
    if (n.value < 0) return Refuse(app, id, text, sam::TrF(app.lang, "ui.bad_decimal", {text}));
    return Commit(app, id, text, sam::OpAdd(path, n.value));
}

bool EditAmount(App& app, const char* id, const std::string& path, int64_t value) {
    std::string text;
    if (!TextInput(app, id, sam::FormatKr(value), text)) return false;
    sam::NumberInput n = sam::ReadAmount(text);
    if (!n.ok) return Refuse(app, id, text, sam::NumberInputMessage(app.lang, n, text));
    if (n.value < 0) return Refuse(app, id, text, sam::TrF(app.lang, "ui.bad_amount", {text}));
    return Commit(app, id, text, sam::OpAdd(path, (int64_t)n.value));
}

bool EditDate(App& app, const char* id, const std::string& path, const std::string& value) {
    std::string text;
    if (!TextInput(app, id, value, text, T(app, "ui.date_hint"))) return false;
    if (text.empty()) return Commit(app, id, text, sam::OpRemove(path));
    std::string date = sam::NormalizeDate(text);   // 2023-2-3 is 2023-02-03
    if (!sam::IsValidDate(date)) return Refuse(app, id, text, sam::TrF(app.lang, "err.bad_date", {text}));
    return Commit(app, id, text, sam::OpAdd(path, date));
}

void BeginReadOnly(const App& app) {
    if (app.read_only) ImGui::BeginDisabled();
}

void EndReadOnly(const App& app) {
    if (!app.read_only) return;
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("%s", T(app, "ui.view_mode_help"));
}

bool EditButton(App& app, const char* label, bool small, ImVec2 size) {
    BeginReadOnly(app);
    bool clicked = small ? ImGui::SmallButton(label) : ImGui::Button(label, size);
    EndReadOnly(app);
    if (app.test_mode) Mark(app, std::string("edit:") + label + ":" + std::to_string(ImGui::GetID(label)));
    return clicked && !app.read_only;
}

bool EditCheckbox(App& app, const char* label, bool* value) {
    BeginReadOnly(app);
    bool changed = ImGui::Checkbox(label, value);
    EndReadOnly(app);
    if (app.test_mode) Mark(app, std::string("check:") + label + ":" + std::to_string(ImGui::GetID(label)));
    return changed && !app.read_only;
}

bool BeginEnumCombo(App& app, const char* id, const char* current, const std::string& name) {
    ImGui::SetNextItemWidth(-FLT_MIN);
    BeginReadOnly(app);
    ImGuiID combo = ImGui::GetID(id);
    bool open = ImGui::BeginCombo(id, current);
    A11ySet(combo, Role::ComboBox, name, current);
    EndReadOnly(app);
    if (app.test_mode) Mark(app, std::string("combo:") + std::to_string(ImGui::GetID(id)));
    return open;
}

bool EnumItem(const char* label, bool selected) {
    bool clicked = ImGui::Selectable(label, selected);
    A11ySelected(selected);
    if (selected) ImGui::SetItemDefaultFocus();
    return clicked;
}

void EndEnumCombo() { ImGui::EndCombo(); }

}  // namespace ui
