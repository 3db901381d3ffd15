// Ctrl+F: a search box over the workspace; picking a hit opens the view it lives in.
#include <imgui.h>
#include "search.h"
#include "views.h"

namespace ui {

namespace {

const char* KindKey(sam::HitKind k) {
    switch (k) {
        case sam::HitKind::Party: return "ui.party";
        case sam::HitKind::Body: return "ui.body";
        case sam::HitKind::Member: return "ui.member";
        case sam::HitKind::Matter: return "ui.matter";
        case sam::HitKind::CostItem: default: return "ui.item";
    }
}

void Go(App& app, const sam::SearchHit& h) {
    switch (h.kind) {
        case sam::HitKind::Party: app.view = View::Overview; break;
        case sam::HitKind::Body:
        case sam::HitKind::Member: app.view = View::Structure; app.selected_body = h.id; break;
        case sam::HitKind::Matter: app.view = View::Decisions; app.selected_matter = h.id; break;
        case sam::HitKind::CostItem: app.view = View::Costs; break;
    }
    app.search_open = false;
}

}  // namespace

void DrawSearch(App& app) {
    if (!app.search_open) return;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    float w = std::min(vp->WorkSize.x * 0.6f, ImGui::GetFontSize() * 36);
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + (vp->WorkSize.x - w) * 0.5f, vp->WorkPos.y + ImGui::GetFontSize() * 5));
    ImGui::SetNextWindowSize(ImVec2(w, 0));
    ImGui::SetNextWindowFocus();
    ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize;
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 2.0f);
    ImGui::Begin("##search", nullptr, flags);
    if (app.search_focus) { ImGui::SetKeyboardFocusHere(); app.search_focus = false; }
    ImGui::SetNextItemWidth(-FLT_MIN);
    bool enter = ImGui::InputTextWithHint("##q", T(app, "ui.search_hint"), app.search, sizeof app.search, ImGuiInputTextFlags_EnterReturnsTrue);
    Mark(app, "search");
    std::vector<sam::SearchHit> hits = sam::Search(app.doc.ws, app.search, 30);
    if (enter && !hits.empty()) Go(app, hits[0]);
    if (app.search[0] && hits.empty()) SayDisabled(T(app, "ui.no_hits"));
    for (size_t i = 0; i < hits.size() && app.search_open; ++i) {
        const sam::SearchHit& h = hits[i];
        ImGui::PushID((int)i);
        std::string label = h.text + (h.context.empty() ? "" : "  ·  " + h.context);
        if (ImGui::Selectable(label.c_str())) Go(app, h);
        ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - ImGui::CalcTextSize(T(app, KindKey(h.kind))).x);
        SayDisabled(T(app, KindKey(h.kind)));
        ImGui::PopID();
    }
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) app.search_open = false;
    ImGui::End();
    ImGui::PopStyleVar();
}

}  // namespace ui
