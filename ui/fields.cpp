#include "fields.h"

#include <cmath>

#include <imgui.h>
#include <cstdio>
#include <cstring>
#include "format.h"
#include "patch.h"

namespace ui {

bool TextInput(App& app, const char* id, const std::string& value, std::string& out, const char* hint) {
    ImGuiID gid = ImGui::GetID(id);
    // While a field is being edited its text lives in app.field_buf; the others show the value.
    char shown[sizeof app.field_buf];
    char* buf = app.field_id == gid ? app.field_buf : shown;
    if (buf == shown) std::snprintf(shown, sizeof shown, "%s", value.c_str());
    if (hint) ImGui::InputTextWithHint(id, hint, buf, sizeof app.field_buf);
    else ImGui::InputText(id, buf, sizeof app.field_buf);
    if (ImGui::IsItemActivated()) {
        app.field_id = gid;
        std::memcpy(app.field_buf, buf, sizeof app.field_buf);
    }
    bool done = ImGui::IsItemDeactivatedAfterEdit();
    if (done) out = buf;
    if (ImGui::IsItemDeactivated() && app.field_id == gid) app.field_id = 0;
    return done && out != value;
}

bool EditText(App& app, const char* id, const std::string& path, const std::string& value, bool required) {
    std::string text;
    if (!TextInput(app, id, value, text)) return false;
    if (text.empty()) {
        if (required) { app.status = T(app, "ui.required"); return false; }
        return ApplyEdit(app, sam::json::array({sam::OpRemove(path)}));
    }
    return ApplyEdit(app, sam::json::array({sam::OpAdd(path, text)}));
}

bool EditInt(App& app, const char* id, const std::string& path, int64_t value, int64_t lo, int64_t hi) {
    std::string text;
    if (!TextInput(app, id, std::to_string(value), text)) return false;
    std::optional<double> v = sam::ParseDecimal(text);
    // The range first: converting a number beyond int64's range is undefined.
    if (!v || *v < (double)lo || *v > (double)hi || *v != std::floor(*v)) {
        app.status = sam::TrF(app.lang, "ui.bad_int", {text, std::to_string(lo), std::to_string(hi)});
        return false;
    }
    return ApplyEdit(app, sam::json::array({sam::OpAdd(path, (int64_t)*v)}));
}

bool EditDecimal(App& app, const char* id, const std::string& path, double value) {
    std::string text;
    if (!TextInput(app, id, sam::FormatDecimal(value, 4), text)) return false;
    std::optional<double> v = sam::ParseDecimal(text);
    if (!v || *v < 0) { app.status = sam::TrF(app.lang, "ui.bad_decimal", {text}); return false; }
    return ApplyEdit(app, sam::json::array({sam::OpAdd(path, *v)}));
}

bool EditAmount(App& app, const char* id, const std::string& path, int64_t value) {
    std::string text;
    if (!TextInput(app, id, sam::FormatKr(value), text)) return false;
    std::optional<int64_t> v = sam::ParseAmount(text);
    if (!v || *v < 0) { app.status = sam::TrF(app.lang, "ui.bad_amount", {text}); return false; }
    return ApplyEdit(app, sam::json::array({sam::OpAdd(path, *v)}));
}

bool EditDate(App& app, const char* id, const std::string& path, const std::string& value) {
    std::string text;
    if (!TextInput(app, id, value, text, T(app, "ui.date_hint"))) return false;
    if (text.empty()) return ApplyEdit(app, sam::json::array({sam::OpRemove(path)}));
    if (!sam::IsValidDate(text)) { app.status = sam::TrF(app.lang, "err.bad_date", {text}); return false; }
    return ApplyEdit(app, sam::json::array({sam::OpAdd(path, text)}));
}

bool BeginEnumCombo(App&, const char* id, const char* current) {
    ImGui::SetNextItemWidth(-FLT_MIN);
    return ImGui::BeginCombo(id, current);
}

bool EnumItem(const char* label, bool selected) {
    bool clicked = ImGui::Selectable(label, selected);
    if (selected) ImGui::SetItemDefaultFocus();
    return clicked;
}

void EndEnumCombo() { ImGui::EndCombo(); }

}  // namespace ui
