// Keeping a client's workspace in step with the server: local changes wait in line and
// go out one at a time against the newest revision the client has seen; the server's
// events are applied in order; the local state is always the server's plus what waits.
// Transport (fetch, EventSource, cpp-httplib) is the platform's; this is the logic.
#pragma once
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>
#include "json_io.h"
#include "model.h"

namespace sam {

struct Sync {
    Workspace confirmed;               // the server's state at `revision`, in core's model (a
                                       // national workspace is 46 MB of JSON: a tree of it costs
                                       // seconds to build in the browser and most of its heap)
    int64_t revision = 0;
    std::map<int64_t, json> accepted;  // our changes the server accepted, until their events come
    std::deque<json> pending;          // our changes not yet accepted, oldest first
    bool in_flight = false;            // pending.front() is on its way
    std::vector<std::pair<int64_t, json>> early;   // events that came while a change was in flight
    bool online = false;
    bool needs_state = false;          // an event was missed: fetch the state again
    std::string dropped;               // why the last local change was dropped ("" if none)
    std::string client;                // who this copy is (the platform gives it a random id), kept offline
    int64_t sent = 0;                  // changes that have left the line (accepted or refused), kept offline
    // The kept copy in two parts (SyncSaveBase, SyncSaveLine): the server's changes applied
    // to `confirmed` since its base was last kept, and whether there is a kept base at all.
    std::vector<std::pair<int64_t, json>> since_base;
    bool base_kept = false;
};

// The server's answer to GET /api/workspaces/ID ({"access", …, "revision", "state"}) split
// without parsing the state: the envelope as JSON, and the state's text. The server writes
// "state" last; an answer written otherwise is parsed whole and the state written out again.
// False when the answer is not such an object.
bool SplitStateAnswer(std::string_view body, json& envelope, std::string& state);
// The same for any object whose member `key` is an object written last (a kept base's
// "confirmed").
bool SplitLastMember(std::string_view body, std::string_view key, json& envelope, std::string& value);
// Where the object `key` written last lies in `body`, with no copy and no look inside it: for a
// caller that reads `value` with a strict parser next (LoadWorkspace refuses text after the
// object and nesting too deep) and falls back to SplitLastMember when that fails. False when
// `body` is not written that way.
bool FindLastMember(std::string_view body, std::string_view key, json& envelope, std::string_view& value);
// Where FindLastMember takes that value from, found in the first part of `body` as it
// arrives (a download read while it comes): npos while `"key":` has not come.
size_t FindMemberStart(std::string_view received, std::string_view key);

// A server's state answer read while it downloads: the model is read from the state as its
// entities come whole (PieceLoad), so little is left to read once the last byte is there.
struct StateAnswerPieces {
    size_t state_at = std::string_view::npos;   // where the state begins in the answer
    std::unique_ptr<PieceLoad> load;
    bool given_up = false;   // not an answer this reads: the whole one is read as before
    // `received`: all of the answer that has come (the same bytes at its front each time).
    void Feed(std::string_view received, bool complete);
    // The model read, when it is the one LoadWorkspace reads from `state` (FindLastMember's
    // value in the whole `answer`, which lies in the same memory); otherwise nothing.
    std::optional<LoadResult> Take(std::string_view answer, std::string_view state);
};

void SyncStart(Sync& s, Workspace state, int64_t revision);   // keeps what waits in line
void SyncLocalEdit(Sync& s, const json& forward);         // a change the app made (saved-form patch)
// The change to send now and its base revision, or nothing (none waiting, or one in flight).
std::optional<std::pair<json, int64_t>> SyncNext(Sync& s);
// The Idempotency-Key of the change first in line: the same change sent again (its answer was
// lost, or the page was reloaded before it came, or its own event came first and the base moved)
// has the same key, so the server applies it once; the next change, or another client's
// identical one, has another. "" until the platform has set `client`.
std::string SyncChangeKey(const Sync& s, const json& patch);
// Answers to the change in flight. Each returns true when the local state changed.
bool SyncAccepted(Sync& s, int64_t revision);
bool SyncNotSent(Sync& s);                 // network trouble: it stays first in line
bool SyncRejected(Sync& s, const std::string& why);   // refused (invalid or a clash the user gives up): dropped
// An event from the server; true when the local state changed.
bool SyncRemote(Sync& s, int64_t revision, const json& patch);
// True when nothing of ours lies on top of the server's state (none accepted but unseen, none
// waiting): then the app's workspace is the server's, and an event's patch applies to it as
// it did to `confirmed`, with no need to build the local state again.
bool SyncNothingLocal(const Sync& s);
// The server's state plus our accepted-but-unseen and waiting changes. A waiting change
// that no longer applies is dropped (and `dropped` says so).
Workspace SyncLocalState(Sync& s);
size_t SyncWaiting(const Sync& s);

// What must survive a closed tab or a restart without network: the server's state as last
// seen, its revision, and the changes not yet confirmed. A change in flight is kept as
// waiting (the server refuses nothing twice: a clash or an error comes back as such).
json SyncSaveOffline(const Sync& s);
// Restores a saved copy; false (and `s` unchanged) when it is not one.
bool SyncLoadOffline(Sync& s, const json& saved);

// The same copy in two parts, so that a change rewrites only the small one (a national
// workspace is 46 MB). The base is the server's state at a revision; the line holds the
// server's changes since then and ours. A new base is due when there is none yet or the
// line has grown long.
bool SyncBaseDue(const Sync& s);
std::string SyncSaveBase(Sync& s);   // the base as text; the line then starts from it
// The base made from the state's text as the server sent it (no tree written out again).
std::string SyncBaseText(Sync& s, std::string_view state_text);
// The same base in pieces, for a writer that takes them without joining: this head, then the
// state's text, then "}".
std::string SyncBaseHead(Sync& s);
json SyncSaveLine(const Sync& s);
// Restores a copy kept in two parts (the base as its text); false (and `s` unchanged) when
// they are not a pair.
bool SyncLoadBaseAndLine(Sync& s, std::string_view base, const json& line);
// Only what waits in a kept line (its changes, the copy's id and count): for a page that has
// the state from the server already.
bool SyncLoadWaiting(Sync& s, const json& line);

// What the server's answer to the change in flight means for the app.
struct SyncReply {
    bool rebuild = false;          // the local state changed: show SyncLocalState
    bool conflict = false;         // a clash: ask keep-mine / take-theirs (the change stays in flight)
    std::string conflict_path;
    int64_t conflict_revision = 0;
    bool read_only = false;        // a view link, or an archived workspace
    bool archived = false;         // the workspace is archived: the change was refused
    bool revoked = false;          // the link no longer opens the workspace: changes stay waiting here
    bool retry_later = false;      // network or server trouble: try again in a while
};
// Applies the answer (HTTP status 0 for no answer at all, and the JSON body).
SyncReply SyncAnswer(Sync& s, int status, const json& body);
// The user's choice on a clash: keep mine (sent again on the newest state) or take theirs.
void SyncResolve(Sync& s, bool keep_mine);

}  // namespace sam
