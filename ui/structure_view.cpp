// Struktur: the bodies as a tree by parent, with level, target group and mandate.
#include <imgui.h>
#include "views.h"

namespace ui {

namespace {

void BodyNode(App& app, const std::string& id, int depth) {
    const sam::Workspace& ws = app.doc.ws;
    const sam::Body& b = ws.bodies.at(id);
    std::string label = b.name;
    if (b.repeat) label += "  × " + std::to_string(b.repeat->count) + " " + std::string(sam::Tr(app.lang, "ui.per_municipality"));
    label += "  (" + std::string(sam::TrEnum(app.lang, "level", sam::ToString(b.level))) + ")";
    bool has_children = false;
    for (auto& [cid, c] : ws.bodies) has_children |= c.parent == id;
    ImGuiTreeNodeFlags flags = ImGuiTreeNodeFlags_DefaultOpen | ImGuiTreeNodeFlags_SpanAvailWidth;
    bool open = ImGui::TreeNodeEx(id.c_str(), flags, "%s", label.c_str());
    if (open) {
        ImGui::PushTextWrapPos(0);
        if (b.meetings_per_year) ImGui::TextDisabled("%s", sam::TrF(app.lang, "ui.meetings_per_year", {std::to_string(b.meetings_per_year)}).c_str());
        for (auto& task : b.mandate) ImGui::BulletText("%s", task.c_str());
        for (auto& [mid, m] : b.members)
            ImGui::TextDisabled("%s, %s, %s", m.name.empty() ? "–" : m.name.c_str(), m.role.c_str(), PartyName(app, m.party));
        ImGui::PopTextWrapPos();
        if (has_children && depth < 32)
            for (auto& [cid, c] : ws.bodies)
                if (c.parent == id) BodyNode(app, cid, depth + 1);
        ImGui::TreePop();
    }
}

}  // namespace

void DrawStructure(App& app) {
    for (auto& [id, b] : app.doc.ws.bodies)
        if (b.parent.empty()) BodyNode(app, id, 0);
}

}  // namespace ui
