#include "app.h"

#include "history.h"

#include <imgui.h>
#include "keys.h"
#include <algorithm>
#include <chrono>
#include <set>
#include "csv.h"
#include "diff.h"
#include "json_io.h"
#include "patch.h"
#include "utf8.h"
#include "validate.h"
#include "reach.h"
#include "views.h"

namespace ui {

const char* T(const App& app, const char* key) {
    // Tr returns views into the static table (or the key itself), both NUL-terminated.
    return sam::Tr(app.lang, key).data();
}

// The first problem, with its place in the file when it has one.
static std::string ProblemText(const App& app, const std::vector<sam::Problem>& problems) {
    if (problems.empty()) return "?";
    const sam::Problem& p = problems[0];
    return p.path.empty() ? p.Message(app.lang) : p.path + ": " + p.Message(app.lang);
}

// The paths a change wrote, for the derived figures: only what they reach is made again.
static void Touched(App& app, const sam::json& forward) {
    Derived& d = app.derived;
    if (d.touched_to != app.doc.revision || forward.is_null()) {   // a change not seen here came between
        d.touched.clear();
        d.touched_from = forward.is_null() ? ~0ull : app.doc.revision;
    }
    for (auto& p : sam::PatchPaths(forward)) d.touched.push_back(p);
    ++app.doc.revision;
    d.touched_to = app.doc.revision;
}

static void Changed(App& app, const sam::json& forward) {
    Touched(app, forward);
    if (app.platform.edited && !forward.is_null()) app.platform.edited(forward);
    if (app.platform.workspace_changed) app.platform.workspace_changed();
}

// Someone else's change, made in the model already: out of the user's Undo, and the figures
// it reaches made again.
static void RemoteChanged(App& app, const sam::json& change) {
    sam::NoteRemoteChange(app.doc.history, change);
    app.doc.open = true;
    Touched(app, change);
}

bool ReplaceWorkspace(App& app, sam::Workspace next) {
    if (!app.doc.open) {   // the first state (a kept copy opened offline): nothing to compare with
        app.doc.ws = std::move(next);
        app.doc.history = {};
        RemoteChanged(app, sam::json());
        return true;
    }
    // Others' changes go in as one change noted against the user's Undo, which stays.
    sam::json change = sam::DiffWorkspaces(app.doc.ws, next);
    if (change.empty()) return true;
    app.doc.ws = std::move(next);
    RemoteChanged(app, change);
    return true;
}

bool ApplyRemotePatch(App& app, const sam::json& patch) {
    sam::PatchResult r = sam::ApplyPatch(app.doc.ws, patch);
    if (!r.ok) return false;
    RemoteChanged(app, r.forward);
    return true;
}

bool OpenWorkspaceText(App& app, const std::string& text, const std::string& source, std::string* error) {
    return OpenLoaded(app, sam::LoadWorkspace(text), source, error);
}

bool OpenLoaded(App& app, sam::LoadResult r, const std::string& source, std::string* error) {
    if (!r.ok) {
        std::string msg = ProblemText(app, r.problems);
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
    app.derived.loaded_tally = std::move(r.decision_tally);
    app.derived.loaded_tally_revision = app.doc.revision;
    return true;
}

namespace {

// An edit refused by core: the reason in the status bar, and at the field it came from.
void Refused(App& app, const sam::PatchResult& r, unsigned field, const std::string& typed) {
    app.status = r.problems.empty() ? "?" : r.problems[0].Message(app.lang);
    if (field) app.field_error = {field, typed, app.status};
}

bool ApplyNow(App& app, const QueuedEdit& e) {
    switch (e.kind) {
        case QueuedEdit::Undo: return UndoEdit(app);
        case QueuedEdit::Redo: return RedoEdit(app);
        case QueuedEdit::Patch: break;
    }
    sam::PatchResult r = sam::Edit(app.doc.ws, app.doc.history, e.patch);
    if (!r.ok) { Refused(app, r, e.field, e.typed); return false; }
    if (e.field && app.field_error.id == e.field) app.field_error = {};
    Changed(app, r.forward);
    return true;
}

}  // namespace

bool ApplyEdit(App& app, const sam::json& patch) { return ApplyFieldEdit(app, patch, 0, ""); }

bool ApplyFieldEdit(App& app, const sam::json& patch, unsigned field, const std::string& typed) {
    if (app.read_only) {
        app.status = T(app, app.history_panel.swapped ? "ui.history_read_only" : "ui.read_only");
        return false;
    }
    QueuedEdit e{QueuedEdit::Patch, patch, field, typed};
    if (!app.in_frame) {
        if (!ApplyNow(app, e)) return false;
        app.status.clear();
        return true;
    }
    // During a frame the views still hold references into the model: the edit waits
    // until they are drawn (ApplyQueuedEdits). The caller may set a message meanwhile.
    app.status.clear();
    app.queued.push_back(std::move(e));
    return true;
}

void ApplyQueuedEdits(App& app) {
    app.in_frame = false;
    std::vector<QueuedEdit> queued;
    queued.swap(app.queued);
    for (auto& e : queued) ApplyNow(app, e);
}

bool ImportPartiesCsv(App& app, const std::string& text) {
    sam::PartiesCsv csv = sam::ParsePartiesCsv(text);
    if (!csv.ok) {
        app.status = app.lang == sam::Lang::Sv ? csv.error_sv : csv.error;
        return false;
    }
    if (csv.rows.empty()) {
        app.status = T(app, "ui.imported_none");
        return false;
    }
    const sam::Workspace& ws = app.doc.ws;
    sam::json patch = sam::json::array();
    std::map<std::string, sam::Party> taken = ws.parties;
    std::vector<std::string> participants = ws.costs.participants;
    int added = 0, updated = 0;
    for (const sam::PartyRow& row : csv.rows) {
        std::string id;
        for (auto& [pid, p] : ws.parties) if (p.name == row.name) id = pid;
        if (!id.empty()) {
            patch.push_back(sam::OpAdd("/parties/" + sam::PointerToken(id) + "/population", row.population));
            patch.push_back(sam::OpAdd("/parties/" + sam::PointerToken(id) + "/kind", sam::ToString(row.kind)));
            ++updated;
            continue;
        }
        id = sam::MakeId(row.name, taken);
        taken[id] = sam::Party{};
        patch.push_back(sam::OpAdd("/parties/" + sam::PointerToken(id), {{"name", row.name}, {"kind", sam::ToString(row.kind)}, {"population", row.population}}));
        if (row.kind == sam::PartyKind::Municipality) participants.push_back(id);
        ++added;
    }
    if (participants != ws.costs.participants) patch.push_back(sam::OpAdd("/costs/participants", participants));
    if (!ApplyEdit(app, patch)) return false;
    app.status = sam::TrF(app.lang, added == 1 ? "ui.imported_party" : "ui.imported_parties", {std::to_string(added), std::to_string(updated)});
    if (csv.encoding != "UTF-8") app.status += " " + sam::TrF(app.lang, "ui.imported_encoding", {csv.encoding});
    return true;
}

bool FileLoaded(App& app, const std::string& name, sam::LoadResult r) {
    if (!OpenLoaded(app, std::move(r), name)) return false;
    Changed(app, sam::json());   // the new workspace is what the platform keeps now
    app.status = sam::TrF(app.lang, "ui.opened", {name});
    return true;
}

bool FileOpened(App& app, const std::string& name, const std::string& text) {
    bool csv = name.size() > 4 && name.compare(name.size() - 4, 4, ".csv") == 0;
    if (csv) return ImportPartiesCsv(app, text);
    if (app.shared) {
        // The shared workspace takes the file's content as one change (Ctrl+Z undoes it).
        sam::LoadResult r = sam::LoadWorkspace(text);
        if (!r.ok) {
            app.status = name + ": " + ProblemText(app, r.problems);
            return false;
        }
        sam::json patch = sam::json::diff(sam::ToJson(app.doc.ws), sam::ToJson(r.workspace));
        if (patch.empty()) { app.status = sam::TrF(app.lang, "ui.opened", {name}); return true; }
        if (!ApplyEdit(app, patch)) return false;
        app.status = sam::TrF(app.lang, "ui.opened", {name});
        return true;
    }
    return FileLoaded(app, name, sam::LoadWorkspace(text));
}

void Mark(App& app, const std::string& name) {
    if (!app.test_mode) return;
    ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    app.rects.push_back({name, a.x, a.y, b.x - a.x, b.y - a.y});
}

namespace {

bool UndoOrRedo(App& app, bool undo) {
    if (app.read_only) return false;
    if (app.in_frame) {   // like any edit: after the views are drawn
        app.queued.push_back({undo ? QueuedEdit::Undo : QueuedEdit::Redo, nullptr, 0, ""});
        return true;
    }
    sam::json forward;
    std::string clash;
    bool ok = undo ? sam::Undo(app.doc.ws, app.doc.history, &forward, &clash)
                   : sam::Redo(app.doc.ws, app.doc.history, &forward, &clash);
    if (!ok) {
        if (!clash.empty()) app.status = sam::TrF(app.lang, undo ? "ui.undo_clash" : "ui.redo_clash", {clash});
        return false;
    }
    Changed(app, forward);
    return true;
}

}  // namespace

bool UndoEdit(App& app) { return UndoOrRedo(app, true); }
bool RedoEdit(App& app) { return UndoOrRedo(app, false); }

// The matters left after a whole new check: a few milliseconds' worth each frame, so that the
// window goes on drawing (a national workspace's 2 000 take most of a second in the browser).
// At least 16 each time: a county's workspace is whole in its first frame, on any machine.
static void ContinueMatterChecks(Derived& d, const sam::Workspace& ws, double ms = 6) {
    if (d.check_cache.unchecked.empty()) return;
    auto start = std::chrono::steady_clock::now();
    sam::ContinueChecks(d.check_cache, ws, 16);
    while (!d.check_cache.unchecked.empty() && std::chrono::steady_clock::now() - start < std::chrono::duration<double, std::milli>(ms))
        sam::ContinueChecks(d.check_cache, ws, 4);
}

bool ContinueBetweenFrames(App& app, double ms) {
    Derived& d = app.derived;
    if (d.check_cache.unchecked.empty() || d.revision != app.doc.revision) return false;
    ContinueMatterChecks(d, app.doc.ws, ms);
    return d.check_cache.unchecked.empty();
}

bool ChecksUnderWay(const App& app) { return !app.derived.check_cache.unchecked.empty(); }

void FinishChecks(App& app) {
    sam::ContinueChecks(app.derived.check_cache, app.doc.ws, app.derived.check_cache.unchecked.size());
}

static void Recompute(App& app) {
    if (app.derived.revision == app.doc.revision) {
        if (!app.platform.checks_between_frames) ContinueMatterChecks(app.derived, app.doc.ws);
        return;
    }
    Derived& d = app.derived;
    const sam::Workspace& ws = app.doc.ws;
    // What the edits since the last time reached (core/reach.h): a decision recomputes its
    // matter, not the national budget.
    bool known = d.touched_from == d.revision && d.touched_to == app.doc.revision && d.today == app.today;
    sam::Reach reach;
    if (known) reach = sam::ReachOf(d.touched);
    else reach.all = true;
    if (reach.all || reach.costs) {
        d.budget = sam::ComputeBudget(ws);
        d.scenarios.clear();
        for (auto& [id, s] : ws.scenarios) d.scenarios[id] = sam::ComputeBudget(ws, &s);
    }
    sam::UpdateChecks(d.check_cache, ws, app.today, known ? &d.touched : nullptr, &d.budget, /*defer_matters=*/true);
    ContinueMatterChecks(d, ws);
    if (reach.all || reach.matter_set) {
        bool loaded = d.loaded_tally && d.loaded_tally_revision == app.doc.revision;
        sam::DecisionTally tally = loaded ? std::move(*d.loaded_tally) : sam::TallyDecisions(ws);
        d.adoption = std::move(tally.by_matter);
        d.overdue = sam::OverdueMilestones(ws, app.today);
        d.matter_ids.clear();
        for (auto& [id, m] : ws.matters) d.matter_ids.push_back(id);
        d.deciding_parties.clear();
        for (auto& pid : tally.deciding) if (ws.parties.count(pid)) d.deciding_parties.push_back(pid);
        sam::SortPartiesSwedish(ws, d.deciding_parties);
    } else {
        for (auto& id : reach.matters) {
            auto m = ws.matters.find(id);
            if (m == ws.matters.end()) continue;
            d.adoption[id] = sam::CountAdoption(m->second);
        }
    }
    d.adopted = d.concerned = 0;
    for (auto& [id, counts] : d.adoption) {
        d.adopted += counts.adopted;
        d.concerned += counts.concerned;
    }
    d.loaded_tally.reset();
    d.touched.clear();
    d.touched_from = d.touched_to = app.doc.revision;
    d.today = app.today;
    d.revision = app.doc.revision;
}

void SetLook(App& app, bool dark, float scale, sam::Lang lang) {
    if (dark != app.dark) { app.dark = dark; app.style_dirty = true; }
    SetUiScale(app, scale);
    app.lang = lang;
}

bool MirrorWhole(const App& app) {
    if (!app.doc.open) return true;   // the portfolio, the empty app: a page's worth
    const sam::Workspace& ws = app.doc.ws;
    size_t years = (size_t)std::max(1, app.derived.budget.Years());
    size_t cells = ws.parties.size() * (ws.matters.size() + years + ws.scenarios.size() + 2) + ws.bodies.size() * 2 +
                   ws.cost_items.size() * (8 + years) + ws.in_kind.size() * 6 + ws.focus_areas.size() * 6;
    return cells <= kMirrorWholeCells;
}

void SetUiScale(App& app, float scale) {
    scale = std::clamp(scale, 0.75f, 2.0f);
    if (scale == app.ui_scale) return;
    app.ui_scale = scale;
    app.style_dirty = true;
}

static void Shortcuts(App& app) {
    ImGuiIO& io = ImGui::GetIO();
    if (app.presenting) {
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) SetPresenting(app, false);
        if (app.following) return;   // the facilitator moves the slides
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_RightArrow)) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_PageDown)) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Space)) ||
            ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_DownArrow)))
            GoToSlide(app, app.slide + 1);
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_LeftArrow)) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_PageUp)) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_UpArrow)))
            GoToSlide(app, app.slide - 1);
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Home))) GoToSlide(app, 0);
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_End))) GoToSlide(app, 1 << 20);
        return;
    }
    if (ImGui::IsKeyPressed(keys::kF5, false) && app.doc.open) SetPresenting(app, true);
    if (io.KeyCtrl && ImGui::IsKeyPressed(keys::kF, false) && app.doc.open) {
        app.search_open = true;
        app.search_focus = true;
    }
    if (io.KeyCtrl && (ImGui::IsKeyPressed(keys::kEqual, false) || ImGui::IsKeyPressed(keys::kKeypadAdd, false))) SetUiScale(app, app.ui_scale + 0.25f);
    if (io.KeyCtrl && (ImGui::IsKeyPressed(keys::kMinus, false) || ImGui::IsKeyPressed(keys::kKeypadSubtract, false))) SetUiScale(app, app.ui_scale - 0.25f);
    if (io.KeyCtrl && ImGui::IsKeyPressed(keys::kS, false)) SaveCopy(app);
    if (io.KeyCtrl && io.KeyShift && ImGui::IsKeyPressed(keys::kH, false) && app.doc.open) {   // Ctrl+H is the browser's own
        if (app.history_panel.open) { app.history_panel.open = false; ViewRevision(app, 0); }
        else OpenHistory(app);
    }
    if (io.KeyCtrl && ImGui::IsKeyPressed(keys::kO, false) && app.platform.open_file) app.platform.open_file(".json,.samverkan.json");
    if (io.WantTextInput) return;
    if (io.KeyCtrl && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Z), false)) {
        if (io.KeyShift) RedoEdit(app); else UndoEdit(app);
    }
    if (io.KeyCtrl && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Y), false)) RedoEdit(app);
    if (io.KeyCtrl && !io.KeyShift && ImGui::IsKeyPressed(keys::kC, false) && app.doc.open) CopyTable(app);
}

static void Views(App& app);

void Frame(App& app) {
    ++app.frames;
    app.in_frame = true;   // edits wait until the frame's views are drawn
    app.rects.clear();
    PastBegin(app);        // a revision picked in Historik is drawn in place of today's
    Shortcuts(app);
    if (app.presenting && app.doc.open) {
        Recompute(app);
        DrawPresentation(app);
    } else {
        Views(app);
    }
    PastEnd(app);
}

static void Views(App& app) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                             ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::Begin("##samverkan", nullptr, flags);
    if (app.doc.open) Recompute(app);
    DrawHeader(app);
    ImGui::Separator();
    if (app.view == View::Portfolio && app.portfolio.open) {
        ImGui::BeginChild("##view", ImVec2(0, -StatusBarHeight(app, ImGui::GetContentRegionAvail().x)), false);
        DrawPortfolio(app);
        ImGui::EndChild();
    } else if (!app.doc.open) {
        Say(T(app, "ui.no_workspace"));
    } else {
        ImGui::BeginChild("##view", ImVec2(0, -StatusBarHeight(app, ImGui::GetContentRegionAvail().x)), false);
        switch (app.view) {
            case View::Overview: DrawOverview(app); break;
            case View::Structure: DrawStructure(app); break;
            case View::Decisions: DrawDecisions(app); break;
            case View::Costs: DrawCosts(app); break;
            case View::Scenarios: DrawScenarios(app); break;
            case View::Portfolio: break;
        }
        ImGui::EndChild();
    }
    DrawStatusBar(app);
    ImGui::End();
    if (app.doc.open) DrawSearch(app);
    if (app.doc.open) DrawHistory(app);
    if (app.doc.open) DrawReportDialog(app);
    DrawAuthorDialog(app);
}

}  // namespace ui
