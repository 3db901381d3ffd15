// Historik: who changed what, newest first, from the server; one revision can be looked at
// read-only and made the newest again. Also who the user is ("Vem är du?") and who else
// has the workspace open.
#include <imgui.h>
#include <cstring>
#include "describe.h"
#include "diff.h"
#include "fields.h"
#include "format.h"
#include "json_io.h"
#include "json_scan.h"
#include "patch.h"
#include "utf8.h"
#include "views.h"

namespace ui {

void OpenHistory(App& app) {
    HistoryPanel& h = app.history_panel;
    h.open = true;
    h.error.clear();
    if (!app.platform.fetch_history) return;   // no server: DrawHistory says where history is kept
    h.loading = true;
    app.platform.fetch_history();
}

bool TakeHistory(App& app, int status, const std::string& body) {
    HistoryPanel& h = app.history_panel;
    h.loading = false;
    sam::json j = sam::ReadJson(body);
    if (status != 200 || !j.is_object() || !j.contains("history") || !j["history"].is_array()) {
        h.error = status == 0 ? T(app, "ui.history_offline") : sam::TrF(app.lang, "ui.history_failed", {std::to_string(status)});
        return false;
    }
    h.error.clear();
    h.lines.clear();
    for (const sam::json& r : j["history"]) {
        RevisionLine line{sam::IntOf(r, "revision"), sam::LocalDateTime(sam::TextOf(r, "time")), sam::TextOf(r, "author"), sam::TextOf(r, "summary")};
        if (line.revision > 0) h.lines.push_back(std::move(line));
    }
    return true;
}

void ViewRevision(App& app, int64_t revision) {
    HistoryPanel& h = app.history_panel;
    bool newest = !h.lines.empty() && revision == h.lines.front().revision;
    h.past_ready = false;
    h.past = {};
    h.viewing = newest || !app.platform.fetch_revision ? 0 : revision;
    if (h.viewing) app.platform.fetch_revision(revision);
}

bool TakeRevision(App& app, int64_t revision, int status, const std::string& body) {
    HistoryPanel& h = app.history_panel;
    if (revision != h.viewing) return false;   // another was chosen meanwhile
    sam::json j = sam::ReadJson(body);
    sam::LoadResult r;
    if (status == 200 && j.is_object() && j.contains("state")) r = sam::LoadWorkspace(sam::JsonText(j["state"]));
    if (!r.ok) {
        h.viewing = 0;
        h.error = sam::TrF(app.lang, "ui.history_revision_failed", {std::to_string(revision)});
        return false;
    }
    h.past = std::move(r.workspace);
    h.past_ready = true;
    h.past_revision = (1ull << 63) | (uint64_t)revision;   // its own key for the derived figures
    return true;
}

// Frame() draws the past revision in place of the workspace; the real one is back before
// anything else (others' changes, the queued edits) touches it.
void PastBegin(App& app) {
    HistoryPanel& h = app.history_panel;
    h.swapped = h.viewing && h.past_ready && app.doc.open;
    if (!h.swapped) return;
    std::swap(app.doc.ws, h.past);
    std::swap(app.doc.revision, h.past_revision);
    h.read_only_before = app.read_only;
    app.read_only = true;
}

void PastEnd(App& app) {
    HistoryPanel& h = app.history_panel;
    if (!h.swapped) return;
    h.swapped = false;
    std::swap(app.doc.ws, h.past);
    std::swap(app.doc.revision, h.past_revision);
    app.read_only = h.read_only_before;
    if (h.restore) {
        h.restore = false;
        RestoreRevision(app);
    }
}

bool RestoreRevision(App& app) {
    HistoryPanel& h = app.history_panel;
    if (h.swapped) { h.restore = true; return true; }   // once the frame is over
    if (!h.viewing || !h.past_ready || app.read_only) return false;
    // One edit from today's workspace to the old one: sent like any change, undone with Ctrl+Z.
    sam::json patch = sam::DiffWorkspaces(app.doc.ws, h.past);
    int64_t revision = h.viewing;
    ViewRevision(app, 0);
    if (patch.empty()) {
        app.status = sam::TrF(app.lang, "ui.history_same", {std::to_string(revision)});
        return true;
    }
    if (!ApplyEdit(app, patch)) return false;
    app.status = sam::TrF(app.lang, "ui.history_restored", {std::to_string(revision)});
    return true;
}

namespace {

void PastBanner(App& app) {
    HistoryPanel& h = app.history_panel;
    std::string when, who;
    for (auto& l : h.lines) if (l.revision == h.viewing) { when = l.time; who = l.author; }
    SayWrapped(sam::TrF(app.lang, h.past_ready ? "ui.history_viewing" : "ui.history_fetching", {std::to_string(h.viewing), when, who}));
    if (!h.past_ready) return;
    ImGui::BeginDisabled(h.read_only_before);
    if (ImGui::Button(T(app, "ui.history_restore"))) RestoreRevision(app);
    ImGui::EndDisabled();
    Mark(app, "history-restore");
    HelpTooltip(T(app, h.read_only_before ? "ui.history_restore_view" : "ui.history_restore_help"));
    ImGui::SameLine();
    if (ImGui::Button(T(app, "ui.history_now"))) ViewRevision(app, 0);
    Mark(app, "history-now");
    ImGui::Separator();
}

void Lines(App& app) {
    HistoryPanel& h = app.history_panel;
    for (size_t i = 0; i < h.lines.size(); ++i) {
        const RevisionLine& l = h.lines[i];
        ImGui::PushID((int)i);
        bool selected = l.revision == h.viewing || (h.viewing == 0 && i == 0);
        std::string head = sam::TrF(app.lang, i == 0 ? "ui.history_line_now" : "ui.history_line", {std::to_string(l.revision), l.time, l.author});
        // The whole entry is one item: a screen reader reads the time, who and what at once.
        // The text wraps inside it (a Selectable's own label does not).
        float wrap = ImGui::GetContentRegionAvail().x;
        ImVec2 at = ImGui::GetCursorPos();
        float height = ImGui::CalcTextSize(head.c_str(), nullptr, false, wrap).y + ImGui::GetStyle().ItemSpacing.y +
                       ImGui::CalcTextSize(l.summary.c_str(), nullptr, false, wrap).y;
        if (ImGui::Selectable("##revision", selected, 0, ImVec2(0, height))) ViewRevision(app, l.revision);
        A11yLast(Role::Button, head + ". " + l.summary);
        A11ySelected(selected);
        Mark(app, "history:" + std::to_string(l.revision));
        ImVec2 after = ImGui::GetCursorPos();
        ImGui::SetCursorPos(at);
        ImGui::PushTextWrapPos(at.x + wrap);
        ImGui::TextDisabled("%s", head.c_str());
        ImGui::TextUnformatted(l.summary.c_str());
        ImGui::PopTextWrapPos();
        ImGui::SetCursorPos(after);
        ImGui::PopID();
    }
}

}  // namespace

void DrawHistory(App& app) {
    HistoryPanel& h = app.history_panel;
    if (!h.open) return;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    float w = std::min(vp->WorkSize.x * 0.45f, ImGui::GetFontSize() * 30);
    float top = ImGui::GetFontSize() * 4;
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x - w, vp->WorkPos.y + top));
    ImGui::SetNextWindowSize(ImVec2(w, vp->WorkSize.y - top - ImGui::GetFrameHeightWithSpacing() * 2));
    ImGuiWindowFlags flags = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings;
    std::string title = std::string(T(app, "ui.history")) + "###history";
    bool open = true;
    ImGui::Begin(title.c_str(), &open, flags);
    A11yText(T(app, "ui.history"), Role::Heading);
    if (h.viewing) PastBanner(app);
    if (!app.platform.fetch_history) SayWrapped(T(app, "ui.history_local"));
    if (!h.waiting.empty()) {
        Say(sam::TrF(app.lang, "ui.history_waiting", {std::to_string(h.waiting.size())}));
        for (auto& line : h.waiting) SayWrapped("• " + line);
        ImGui::Separator();
    }
    if (!h.error.empty()) SayWrapped(h.error);
    if (h.loading && h.lines.empty()) SayDisabled(T(app, "ui.history_loading"));
    Lines(app);
    if (ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows) && !ImGui::GetIO().WantTextInput &&
        ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false))
        open = false;
    ImGui::End();
    if (!open) {
        h.open = false;
        ViewRevision(app, 0);
    }
}

// ---- Who the user is, and who else is here -------------------------------------------

void SetAuthor(App& app, const std::string& name, const std::string& organisation) {
    app.author.name = sam::CutUtf8(name, 60);
    app.author.organisation = sam::CutUtf8(organisation, 60);
    app.author.asked = true;
    if (app.platform.author_changed) app.platform.author_changed();
}

std::string AuthorHeader(const Author& a) {
    std::string text = a.name;
    if (!a.organisation.empty()) text += (text.empty() ? "" : ", ") + a.organisation;
    for (char& c : text) if ((unsigned char)c < 0x20 || c == 0x7F) c = ' ';
    return sam::PercentEncode(sam::CutUtf8(sam::RepairUtf8(text), 80));
}

void DrawAuthorDialog(App& app) {
    if (app.ask_author) {
        std::snprintf(app.author_name, sizeof app.author_name, "%s", app.author.name.c_str());
        std::snprintf(app.author_org, sizeof app.author_org, "%s", app.author.organisation.c_str());
        ImGui::OpenPopup("###author");
        app.ask_author = false;
    }
    std::string title = std::string(T(app, "ui.author_title")) + "###author";
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 26);
    SayWrapped(T(app, "ui.author_help"));
    ImGui::PopTextWrapPos();
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 18);
    bool enter = ImGui::InputText(T(app, "ui.author_name"), app.author_name, sizeof app.author_name, ImGuiInputTextFlags_EnterReturnsTrue);
    Mark(app, "author-name");
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 18);
    enter |= ImGui::InputText(T(app, "ui.author_org"), app.author_org, sizeof app.author_org, ImGuiInputTextFlags_EnterReturnsTrue);
    Mark(app, "author-org");
    if (ImGui::Button(T(app, "ui.author_save")) || enter) {
        SetAuthor(app, app.author_name, app.author_org);
        app.status = app.author.name.empty() ? T(app, "ui.author_anonymous") : sam::TrF(app.lang, "ui.author_saved", {app.author.name});
        ImGui::CloseCurrentPopup();
    }
    Mark(app, "author-save");
    ImGui::SameLine();
    if (ImGui::Button(T(app, "ui.author_later")) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) {
        app.author.asked = true;   // asked once; the status bar's button asks again
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

void TakePresence(App& app, const std::string& data) {
    sam::json j = sam::ReadJson(data);
    app.present.clear();
    if (!j.is_object() || !j.contains("names") || !j["names"].is_array()) return;
    for (const sam::json& n : j["names"])
        if (n.is_string() && std::find(app.present.begin(), app.present.end(), n.get<std::string>()) == app.present.end())
            app.present.push_back(sam::CutUtf8(n.get<std::string>(), 120));
}

}  // namespace ui
