// What the web and desktop apps do alike with the sync logic of core/sync.h: show the
// local state (others' changes as a patch, the user's Undo kept), take a server's answer
// or event, and word the connection for the status bar. Transport and timers stay theirs.
#pragma once
#include <string>
#include "app.h"
#include "sync.h"

namespace ui {

// The server's state plus what waits, into the app; a dropped change is said in the status bar.
void ShowSyncState(App& app, sam::Sync& sync);
// Historik, when open, fetches its list again and words what waits here.
void NoteHistoryChange(App& app, const sam::Sync& sync);
// The server's answer to a GET of the workspace (fetched again after a gap, a reset or a
// clash): the state under what waits, shown. False when it brings no state (said per access).
// With `state_text`, the state's text is handed back there (to keep as the copy's base).
bool TakeSyncState(App& app, sam::Sync& sync, int status, std::string_view body, std::string* state_text = nullptr);
// An answer to the change in flight (HTTP status 0: no answer); true when the state must be shown again.
// `retry_later` is set when the platform should wait before sending again.
bool TakeSyncAnswer(App& app, sam::Sync& sync, int status, const std::string& body, bool* retry_later);
// An event's data (`{"revision", "patch", …}`). With nothing of the user's waiting it goes
// into the app's workspace at once; true when the whole local state must be shown again.
bool TakeSyncEvent(App& app, sam::Sync& sync, const std::string& data);
// The status bar's word on the connection: revoked, archived, view link, connecting, offline,
// sending or in sync. `connecting`: following has not started, or its stream has not opened
// yet and has not failed (not offline: nothing has gone wrong).
void SetSyncText(App& app, const sam::Sync& sync, bool online, bool connecting = false);
// What the server says of the link and workspace (its GET answer: "access", "archived",
// "link"); false for a 401 (the link is revoked), which is noted in the app.
bool TakeAccess(App& app, int status, const sam::json& body);
// An "archived" event ({"archived": true|false}); `can_edit`: the link itself may edit.
void TakeArchived(App& app, const std::string& data, bool can_edit);

}  // namespace ui
