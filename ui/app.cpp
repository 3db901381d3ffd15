#include "app.h"

#include <imgui.h>
#include "json_io.h"
#include "validate.h"
#include "views.h"

namespace ui {

const char* T(const App& app, const char* key) {
    // Tr returns views into the static table (or the key itself), both NUL-terminated.
    return sam::Tr(app.lang, key).data();
}

static void Changed(App& app, const sam::json& forward) {
    ++app.doc.revision;
    if (app.platform.edited) app.platform.edited(forward);
    if (app.platform.workspace_changed) app.platform.workspace_changed(sam::SaveWorkspace(app.doc.ws));
}

bool ReplaceWorkspace(App& app, const sam::json& state) {
    sam::LoadResult r = sam::LoadWorkspace(state.dump());
    if (!r.ok) return false;
    app.doc.ws = std::move(r.workspace);
    app.doc.history = {};
    app.doc.open = true;
    ++app.doc.revision;
    return true;
}

bool OpenWorkspaceText(App& app, const std::string& text, const std::string& source, std::string* error) {
    sam::LoadResult r = sam::LoadWorkspace(text);
    if (!r.ok) {
        std::string msg = r.problems.empty() ? "?" : r.problems[0].path + ": " + r.problems[0].Message(app.lang);
        if (error) *error = msg;
        app.status = msg;
        return false;
    }
    app.doc.ws = std::move(r.workspace);
    app.doc.history = {};
    app.doc.open = true;
    app.doc.source = source;
    app.selected_matter.clear();
    ++app.doc.revision;
    return true;
}

bool ApplyEdit(App& app, const sam::json& patch) {
    if (app.read_only) {
        app.status = T(app, "ui.read_only");
        return false;
    }
    sam::PatchResult r = sam::Edit(app.doc.ws, app.doc.history, patch);
    if (!r.ok) {
        app.status = r.problems.empty() ? "?" : r.problems[0].Message(app.lang);
        return false;
    }
    app.status.clear();
    Changed(app, r.forward);
    return true;
}

bool UndoEdit(App& app) {
    sam::json forward;
    if (app.read_only || !sam::Undo(app.doc.ws, app.doc.history, &forward)) return false;
    Changed(app, forward);
    return true;
}

bool RedoEdit(App& app) {
    sam::json forward;
    if (app.read_only || !sam::Redo(app.doc.ws, app.doc.history, &forward)) return false;
    Changed(app, forward);
    return true;
}

static void Recompute(App& app) {
    if (app.derived.revision == app.doc.revision) return;
    app.derived.budget = sam::ComputeBudget(app.doc.ws);
    app.derived.checks = sam::CheckConsistency(app.doc.ws, app.today);
    app.derived.revision = app.doc.revision;
}

static void Shortcuts(App& app) {
    ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput) return;
    if (io.KeyCtrl && ImGui::IsKeyPressed(ImGuiKey_Z, false)) {
        if (io.KeyShift) RedoEdit(app); else UndoEdit(app);
    }
    if (io.KeyCtrl && ImGui::IsKeyPressed(ImGuiKey_Y, false)) RedoEdit(app);
}

void Frame(App& app) {
    ++app.frames;
    Shortcuts(app);
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                             ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::Begin("##samverkan", nullptr, flags);
    if (app.doc.open) Recompute(app);
    DrawHeader(app);
    ImGui::Separator();
    if (!app.doc.open) {
        ImGui::TextUnformatted(T(app, "ui.no_workspace"));
    } else {
        ImGui::BeginChild("##view", ImVec2(0, -ImGui::GetFrameHeightWithSpacing()), false);
        switch (app.view) {
            case View::Overview: DrawOverview(app); break;
            case View::Structure: DrawStructure(app); break;
            case View::Decisions: DrawDecisions(app); break;
            case View::Costs: DrawCosts(app); break;
            case View::Scenarios: DrawScenarios(app); break;
        }
        ImGui::EndChild();
    }
    DrawStatusBar(app);
    ImGui::End();
}

}  // namespace ui
