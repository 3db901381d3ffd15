#include "sync_glue.h"

#include "describe.h"
#include "json_io.h"
#include "json_scan.h"
#include "patch.h"

namespace ui {

void ShowSyncState(App& app, sam::Sync& sync) {
    ReplaceWorkspace(app, sam::SyncLocalState(sync));
    if (!sync.dropped.empty()) {
        app.status = sam::TrF(app.lang, "ui.sync_dropped", {sync.dropped});
        sync.dropped.clear();
    }
    NoteHistoryChange(app, sync);
}

void NoteHistoryChange(App& app, const sam::Sync& sync) {
    HistoryPanel& h = app.history_panel;
    if (!h.open) return;
    // The list again (a change of ours or someone else's), and what waits here, in words:
    // each waiting change described against the server's state with those before it applied.
    if (app.platform.fetch_history && !h.loading) {
        h.loading = true;
        app.platform.fetch_history();
    }
    h.waiting.clear();
    if (sync.pending.empty()) return;
    sam::Workspace ws = sync.confirmed;
    for (const sam::json& p : sync.pending) {
        h.waiting.push_back(sam::DescribePatchLine(ws, p, app.lang));
        sam::ApplyPatch(ws, p);
    }
}

bool TakeSyncState(App& app, sam::Sync& sync, int status, std::string_view body, std::string* state_text) {
    sam::json envelope;
    std::string state;
    if (!sam::SplitStateAnswer(body, envelope, state)) {   // an error's answer: what it says of the access
        TakeAccess(app, status, sam::ReadJson(body));
        return false;
    }
    TakeAccess(app, status, envelope);
    if (status != 200 || sam::IntOf(envelope, "revision", -1) < 0) return false;
    sam::LoadResult r = sam::LoadWorkspace(state);
    if (!r.ok) return false;
    sam::SyncStart(sync, std::move(r.workspace), sam::IntOf(envelope, "revision"));   // what waits stays in line
    ShowSyncState(app, sync);
    if (state_text) *state_text = std::move(state);
    return true;
}

bool TakeSyncAnswer(App& app, sam::Sync& sync, int status, const std::string& body, bool* retry_later) {
    std::string why;
    std::optional<sam::json> j = sam::ParseJsonLimited(body, why);   // a server's answer is outside input too
    sam::SyncReply r = sam::SyncAnswer(sync, status, j ? *j : sam::json());
    if (r.conflict) {
        app.conflict_text = sam::TrF(app.lang, "ui.sync_conflict", {r.conflict_path.empty() ? "?" : r.conflict_path, std::to_string(r.conflict_revision)});
        return false;   // waits for the user's answer, in flight
    }
    if (r.read_only) app.read_only = true;
    if (r.archived) app.archived = true;
    if (r.revoked) app.link_revoked = app.read_only = true;
    if (retry_later) *retry_later = r.retry_later;
    return r.rebuild;
}

bool TakeSyncEvent(App& app, sam::Sync& sync, const std::string& data) {
    std::string why;
    std::optional<sam::json> e = sam::ParseJsonLimited(data, why);
    if (!e || !e->is_object() || !e->contains("revision") || !(*e)["revision"].is_number_integer() || !e->contains("patch")) return false;
    const sam::json& patch = (*e)["patch"];
    if (!sam::SyncRemote(sync, (*e)["revision"].get<int64_t>(), patch)) return false;
    // The usual case: nothing of ours on top, so the app's workspace is the server's and
    // takes the patch as `confirmed` did (milliseconds, where building the state is seconds
    // in a national workspace).
    if (sam::SyncNothingLocal(sync) && ApplyRemotePatch(app, patch)) {
        NoteHistoryChange(app, sync);
        return false;
    }
    return true;
}

void SetSyncText(App& app, const sam::Sync& sync, bool online, bool connecting) {
    std::string waiting = std::to_string(sam::SyncWaiting(sync)), rev = std::to_string(sync.revision);
    if (app.link_revoked) app.sync_text = sam::Tr(app.lang, "ui.link_revoked");
    else if (app.archived) app.sync_text = sam::Tr(app.lang, "ui.archived");
    else if (app.read_only) app.sync_text = sam::TrF(app.lang, "ui.sync_view", {rev});
    else if (!online && connecting) app.sync_text = sam::Tr(app.lang, "ui.sync_connecting");
    else if (!online) app.sync_text = sam::TrF(app.lang, "ui.sync_offline", {waiting});
    else if (sam::SyncWaiting(sync)) app.sync_text = sam::TrF(app.lang, "ui.sync_sending", {waiting});
    else app.sync_text = sam::TrF(app.lang, "ui.sync_online", {rev});
    if (!app.present.empty() && online) {
        std::string names;
        for (auto& n : app.present) names += (names.empty() ? "" : ", ") + n;
        app.sync_text += " · " + sam::TrF(app.lang, "ui.present_now", {names});
    }
}

bool TakeAccess(App& app, int status, const sam::json& body) {
    if (status == 401) {
        app.link_revoked = app.read_only = true;   // what waits stays kept; nothing new is taken
        return false;
    }
    if (status != 200 || !body.is_object()) return false;
    app.archived = sam::BoolOf(body, "archived");
    app.read_only = sam::TextOf(body, "access") == "view";
    app.link_revoked = false;
    return true;
}

void TakeArchived(App& app, const std::string& data, bool can_edit) {
    std::string why;
    std::optional<sam::json> e = sam::ParseJsonLimited(data, why);
    if (!e || !e->is_object() || !e->contains("archived") || !(*e)["archived"].is_boolean()) return;
    app.archived = (*e)["archived"].get<bool>();
    app.read_only = app.archived || !can_edit;
}

}  // namespace ui
