// The web platform's state: the app, its window, and its link to the server.
#pragma once
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>
#include <vector>
#include "app.h"
#include "full_frame.h"
#include "key_latch.h"
#include "sync.h"

struct GLFWwindow;

namespace web {

// Bytes from malloc (the page copies an answer into the program's memory with _malloc).
struct FreeBytes { void operator()(char* p) const { std::free(p); } };
using Bytes = std::unique_ptr<char, FreeBytes>;

// The base of a server workspace's kept copy (its state at a revision) on its way to IndexedDB,
// handed over a slice a frame.
struct BaseWrite {
    int64_t revision = 0;
    std::string head;         // before the text, and "}" after it
    std::string owned;        // the text when it is not the server's answer (kept meanwhile)
    std::string_view text;
    size_t given = 0;         // of the text
    bool handed = false;      // all of it handed over: IndexedDB is storing it
    int serial = 0;           // which write IndexedDB's answer is for
};

struct Server {
    bool linked = false;        // opened from a workspace link
    std::string id, token;
    sam::Sync sync;
    bool stream_open = false;
    bool stream_failed = false; // the stream ended or could not open: offline, not connecting
    bool fetching = false;      // a state request is on its way
    double retry_at = 0;        // when to try sending again after network trouble (ms)
    std::string conflict_path;  // what the change in flight clashed on
    bool can_edit = true;       // the link's own role (an archived workspace reads only even so)
    // Following starts the frame after the workspace is first drawn (SyncConnect) and goes on
    // a slice a frame: reading the server's state again for sync and writing the browser's copy
    // take a national workspace over a second, which no frame and no edit waits for.
    bool connecting = false;          // the state for sync is being read: nothing is sent yet
    Bytes connect_answer;             // the server's answer as it came, until kept
    std::string_view connect_state;   // the state's text in it
    int64_t connect_revision = 0;
    int connect_frame = 0;      // the frames drawn when it opened
    std::unique_ptr<sam::SlicedLoad> connect_read;
    std::unique_ptr<BaseWrite> keeping;   // the browser's copy's base on its way: the line waits for it
    int64_t line_base_revision = -1;      // the base the kept line names (kept until another is)
    int64_t stored_base_revision = -1;    // the base IndexedDB has from this page
    double base_retry_at = 0;             // after IndexedDB refused a base (full?): not before then (ms)
    std::string reading_kept_id, reading_kept_token;   // an offline start waits for its kept base
};

struct Web {
    ui::App app;
    GLFWwindow* window = nullptr;
    int width = 0, height = 0;
    Server server;
    bool storage_ready = false;   // IndexedDB is mounted and read
    bool store_dirty = false;     // the workspace changed since it was stored
    double stored_at = 0;         // when it was last stored (ms)
    ui::KeyLatch keys;
    std::string text_waiting;                // characters typed or given, in order, for the next frame without Ctrl
    ui::Shown shown;                         // what the canvas shows: a frame like it is not drawn again
    std::string offline_id, offline_token;   // the server did not answer before storage was read
    bool restored = false;                   // the kept waiting changes have been put in line
    std::vector<unsigned char> font_ttf;     // the UI font, once fetched (empty until then)
    bool awaiting_workspace = false;         // a workspace link's answer is on its way: few frames drawn
    double awaiting_since = 0;               // …since then (ms)
    bool holding_frames = false;             // …a large one, read as it comes: none until it is open
    bool renderer_warm = false;              // ui::WarmUpRenderer done (while awaiting the answer)
    double drawn_at = 0;                     // when the last frame was drawn (ms)
    double checks_moved_at = 0;              // when the checks last went on between or in frames (ms)
    int drawn_in_a_row = 0;                  // iterations of the loop that drew a frame, one after another
    int settle_frames = 0;                   // frames still drawn after the last input
    double background_until = 0;             // till when this frame gives time to following and storing (ms)
    sam::StateAnswerPieces answer_pieces;    // …and the model read from it as it comes
};

// platform.cpp: storage, files, clipboard, full screen, and what the page (and tests) can read.
void InstallPlatform(Web& w);
std::string StoredPath(const std::string& workspace_id);   // "" for the workspace without a server
bool LoadStored(const std::string& workspace_id, std::string& text);
bool ReadText(const std::string& path, std::string& out);
// Written beside, then renamed over: a failed write leaves the last good copy.
void WriteText(const std::string& path, const std::string& text);

// kept_copy.cpp: a server workspace's copy kept in this browser, in two parts: the line (what
// changed since the base, and what waits) in IDBFS, rewritten often; the base (its state at a
// revision, 46 MB at national scale) in IndexedDB as a Blob of its own, handed over a slice a
// frame and read only for an offline start (as an IDBFS file it took a 0,7 s task to store,
// and was read into memory at every start).
void InstallKeptCopy(Web& w);
// What waits in the kept line (the page has the state from the server).
bool LoadKeptWaiting(const std::string& workspace_id, sam::Sync& out);
// An offline start: the kept copy read (its base asynchronously), then opened with SyncOffline
// and the page told (Opened); false when there is none.
bool OpenKept(Web& w, const std::string& id, const std::string& token);
// The base from the state's text as the server sent it (KeepBaseOwned: the text when the
// caller does not keep it), or from the sync state written out; a base on its way is given up.
void KeepBase(Web& w, std::string_view state_text);
void KeepBaseOwned(Web& w, std::string state_text);
void KeepBaseWhole(Web& w);
void StopKeepBase(Web& w);
// Hands the base over until `until` (ms); once IndexedDB has it, the line follows.
void KeepBaseFrame(Web& w, double until);
void KeepLine(Web& w);
void MarkDirty(Web& w);
// The page's window.samverkan says what is open (main.cpp).
void Opened(Web& w, const char* source);
// A named moment of opening a workspace, for the benchmarks (performance.getEntriesByType('mark')).
void Mark(const char* name);
void PersistFrame(Web& w, bool now);
void PublishFrame(Web& w);
// mirror.cpp: the screen reader's DOM over the canvas (ui/a11y.h, web/mirror.js).
void InstallMirror(Web& w);
void MirrorFrame(Web& w);
// Focuses the hidden text area while ImGui edits text (input methods, dictation, insertText).
void TextInputFrame();
void TextWaitingIntoFrame(Web& w);   // FullFrame's input: the characters typed or given since the last frame

// portfolio_client.cpp: the Portfölj view of a portfolio link (#p=ID&t=TOKEN).
void InstallPortfolio(Web& w);

// Called once per frame: sends what waits, asks for the state when needed, updates the status.
void SyncFrame(Web& w);
// With no answer from the server: the copy this browser kept (`kept`), with its waiting changes.
void SyncOffline(Web& w, const std::string& id, const std::string& token, sam::Sync kept);
// Changes that waited in this browser for the linked workspace go out first.
void RestoreWaiting(Web& w);
// All that is left of following at once (the page is being hidden: what waits must be kept).
void FinishConnecting(Web& w);
// Starts following the workspace the page was opened for (the rest once it has been drawn).
// `state` is the state's text inside `answer`, which is kept until then.
void SyncConnect(Web& w, const std::string& id, const std::string& token, Bytes answer, std::string_view state, int64_t revision);

}  // namespace web
