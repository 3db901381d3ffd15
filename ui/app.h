// The Samverkan app as Dear ImGui views over core, shared by the web and desktop builds.
// Platform layers (web/, native/) own the window and the files; they call Frame()
// once per frame and hand documents in through OpenWorkspaceText().
#pragma once
#include "a11y.h"
#include <functional>
#include <optional>
#include <string>
#include "costs.h"
#include "decisions.h"
#include "history.h"
#include "i18n.h"
#include "json_io.h"
#include "model.h"
#include "portfolio.h"
#include "validate.h"

struct ImFont;

namespace ui {

enum class View { Overview, Structure, Decisions, Costs, Scenarios, Portfolio };

// What the platform layer offers the views (file dialogs, storage, clipboard).
struct Platform {
    std::function<void(const std::string& name, const std::string& text)> save_file;  // download / save as
    std::function<void(const std::string& accept)> open_file;                          // upload / open dialog; the platform
                                                                                       // answers with FileOpened()
    std::function<void()> workspace_changed;   // persist when convenient (IDBFS, autosave): never the whole text per edit
    std::function<void(const sam::json& forward)> edited;                              // a change to send to the server
    std::function<void(bool keep_mine)> resolve_conflict;                              // the user's answer to a clash
    std::function<void(bool on)> set_fullscreen;                                       // presentation mode
    std::function<void(bool active, int slide)> presentation_changed;                  // the facilitator moved: tell followers
    std::function<std::vector<std::string>()> recent_files;                            // desktop: newest first
    std::function<void(const std::string& path)> open_recent;
    std::function<void()> open_links;                                                  // web: the link's page for its links
    // The portfolio (PortfolioState): the platform computes or fetches it again for another
    // year or party, and opens the workspace of one of its lines.
    std::function<void(int year)> portfolio_year;
    std::function<void(const std::string& party)> portfolio_party;
    std::function<void(size_t line)> portfolio_open;
    // The history (history_view.cpp): the platform asks the server and answers with
    // TakeHistory / TakeRevision. Unset: the workspace has no server history.
    std::function<void()> fetch_history;
    std::function<void(int64_t revision)> fetch_revision;
    std::function<void()> author_changed;                                              // keep app.author for the next run
    std::function<void()> export_xlsx;                                                 // the Excel workbook (web: only from a server)
    // The platform goes on with the matters' checks between frames (ContinueBetweenFrames) and
    // a frame draws them as far as they have come: a frame drawn for input or to settle then
    // shows what the one before it showed, and a page that reads back every changed frame
    // (software GL: 20-45 ms of its main thread) is not kept busy by the progress alone.
    bool checks_between_frames = false;
};

// Who makes the changes: asked once ("Vem är du?"), kept by the platform, sent with each change.
struct Author {
    std::string name, organisation;
    bool asked = false;   // the question was answered (or put aside) once
};

// One revision in the history panel, as the server lists it.
struct RevisionLine {
    int64_t revision = 0;
    std::string time, author, summary;
};

// Historik: the server's revisions, newest first; one of them can be looked at read-only.
struct HistoryPanel {
    bool open = false;
    bool loading = false;
    std::string error;                    // the last fetch failed: why, in words
    std::vector<RevisionLine> lines;
    std::vector<std::string> waiting;     // this app's changes the server does not have yet, in words
    int64_t viewing = 0;                  // the revision shown read-only (0: today's workspace)
    bool past_ready = false;              // `past` holds revision `viewing`
    sam::Workspace past;
    uint64_t past_revision = 0;           // its Derived cache key (never one of doc.revision's)
    bool swapped = false;                 // during a frame: doc.ws is the past revision
    bool read_only_before = false;        // app.read_only outside the past view
    bool restore = false;                 // Återställ was clicked: done when the frame ends
};

// One party across several workspaces (web: a portfolio link; desktop: several files). The
// figures are core's, computed or fetched by the platform; the view only draws them.
struct PortfolioState {
    bool open = false;
    sam::Portfolio result;
    std::vector<std::string> parties;   // to choose among (desktop); empty: the party is fixed
    std::vector<int> years;             // to choose among
    std::vector<bool> opens;            // per line: it leads into its workspace (desktop: all;
                                        // web: those the portfolio carries a link for)
    bool Opens(size_t line) const { return line < opens.size() && opens[line]; }
};

// A named widget's place on screen, recorded in test mode so that browser tests click real pixels.
struct WidgetRect {
    std::string name;
    float x = 0, y = 0, w = 0, h = 0;
};

// The open workspace and its history: the only domain state the app holds.
struct Document {
    bool open = false;
    sam::Workspace ws;
    sam::History history;
    uint64_t revision = 0;      // bumps on every change, for caches
    std::string source;         // where it came from, e.g. "server", a file name, "demo"
};

// Derived figures, recomputed when the document's revision changes.
struct Derived {
    uint64_t revision = ~0ull;
    sam::Budget budget;
    // The consistency checks, kept by section (read them with sam::CountChecks, ForEachCheck), and the paths the edits since the last recompute changed
    // (known for revisions touched_from+1 .. touched_to), so that an edit checks again only
    // what it can touch.
    sam::CheckCache check_cache;
    std::vector<std::string> touched;
    uint64_t touched_from = ~0ull, touched_to = ~0ull;
    std::map<std::string, sam::Budget> scenarios;   // scenario id -> its budget
    int adopted = 0, concerned = 0;                 // over all matters
    std::map<std::string, sam::AdoptionCount> adoption;   // by matter id
    std::string today;                                     // the day the figures are for
    std::vector<sam::OverdueMilestone> overdue;
    std::vector<std::string> matter_ids;            // in id order, for lists that show a window of rows
    std::vector<std::string> deciding_parties;      // parties with a decision on some matter, Swedish order
    // The tally the reader counted (sam::LoadResult), for the first recompute of the revision
    // it was read at: a national workspace's 600 000 decisions are not walked again.
    std::optional<sam::DecisionTally> loaded_tally;
    uint64_t loaded_tally_revision = ~0ull;
    // Översikt's "what does my party pay, and what does it still owe": for `own_party` in `own_year`.
    std::string own_party;
    int own_year = 0;
    uint64_t own_revision = ~0ull;
    sam::PortfolioWorkspace own;
};

// An edit a view asked for, applied once the frame's views are drawn.
struct QueuedEdit {
    enum Kind { Patch, Undo, Redo } kind = Patch;
    sam::json patch;
    unsigned field = 0;    // the text field it came from (0: none)
    std::string typed;     // what was typed there, kept when the edit is refused
};

// A field whose input was refused: what was typed stays, and the reason shows beside it.
struct FieldError {
    unsigned id = 0;
    std::string typed;
    std::string message;
};

struct App {
    Document doc;
    PortfolioState portfolio;
    Derived derived;
    Platform platform;
    // UI state only.
    sam::Lang lang = sam::Lang::Sv;
    View view = View::Overview;
    bool dark = false;
    bool style_dirty = true;    // theme or scale changed: the platform calls ApplyStyle
    bool renderer_made = false; // ImGui's OpenGL objects and font texture exist (made by the first NewFrame)
    float ui_scale = 1.0f;      // the user's choice, 0.75..2
    float dpi_scale = 1.0f;     // the screen's (device pixel ratio / content scale)
    std::string today;          // YYYY-MM-DD, set by the platform
    std::string status;         // last message for the status bar
    std::string sync_text;      // the server connection, as the platform reports it ("" when offline-only)
    std::string conflict_text;  // a clash waiting for the user's answer ("" when none)
    bool read_only = false;     // opened with a view link, or the workspace is archived
    bool archived = false;      // the server says the workspace is archived
    bool link_revoked = false;  // the server no longer knows the link (revoked or rotated)
    bool shared = false;        // linked to a server: an opened file becomes one edit of the shared workspace
    std::string selected_matter;
    int frames = 0;
    ImFont* font = nullptr;        // headings
    ImFont* font_slide = nullptr;  // presentation body text (>= 28 px at 1080 lines)
    ImFont* font_slide_title = nullptr;

    // The text field being edited (see fields.h): its ImGui id and its text.
    unsigned field_id = 0;
    char field_buf[1024] = {};
    FieldError field_error;

    // Edits asked for during a frame wait here (see ApplyEdit).
    bool in_frame = false;
    std::vector<QueuedEdit> queued;

    std::string selected_party;       // Översikt: the party being edited
    std::string overview_party;       // Översikt: the party whose costs and pending decisions it shows

    // Struktur: the diagram's view and the selected body.
    std::string selected_body;
    float zoom = 1.0f, pan_x = 0, pan_y = 0;
    bool fit_diagram = true;          // fit the whole tree on the next frame

    // Presentation mode.
    bool presenting = false;
    int slide = 0;
    bool following = false;           // a view link follows the facilitator's slides
    sam::Scenario what_if;            // the "what if" slide's changes (not saved unless asked)
    int cost_year = 0;                // the year the cost views and slides show (0: this year)
    int party_page = 0;               // Beslut: which parties the matrix shows (a table has at most 64 columns)
    std::string open_path;            // Beslut: the party whose decision path is open under its row
    bool timeline_steps = false;      // Beslut: the timeline shows the parties' dated steps too

    // Search (Ctrl+F).
    bool search_open = false;
    bool search_focus = false;
    char search[128] = {};

    // Arkiv → Rapport: which sections, in which order (report_dialog.cpp).
    struct ReportChoice {
        bool open = false;
        std::vector<std::pair<std::string, bool>> sections;   // name, included; empty until first opened
    } report;

    // Historik, and who the user is (history_view.cpp).
    HistoryPanel history_panel;
    Author author;
    bool ask_author = false;          // "Vem är du?" is open
    char author_name[80] = {}, author_org[80] = {};
    std::vector<std::string> present; // who else has the workspace open now (from the server)

    // What a screen reader reads of this frame (a11y.h): the web app mirrors it in the page.
    A11yTree a11y;

    // Test mode: named widgets' rectangles, refreshed every frame.
    bool test_mode = false;
    std::vector<WidgetRect> rects;
};

// Replaces the open document with a workspace parsed from JSON text; on failure
// keeps the current one and returns the problems' first message.
bool OpenWorkspaceText(App& app, const std::string& text, const std::string& source, std::string* error = nullptr);
// The same for a workspace already read (a platform may read a large file on another thread).
bool OpenLoaded(App& app, sam::LoadResult r, const std::string& source, std::string* error = nullptr);
// Applies one edit (a JSON Patch) through core; shows the reason when it is rejected.
// Called during a frame (from a view), the edit waits until the views are drawn, so no
// view reads an entity that an edit replaced; it returns true then, and a refusal shows
// on the next frame.
bool ApplyEdit(App& app, const sam::json& patch);
// The same for an edit typed into a text field: a refusal keeps `typed` in the field
// and shows the reason there.
bool ApplyFieldEdit(App& app, const sam::json& patch, unsigned field, const std::string& typed);
// Applies what the frame's views asked for, in order (FullFrame calls it).
void ApplyQueuedEdits(App& app);
// Takes a newer state from the server (others' changes), keeping what the user looks at
// and the user's own Undo: the difference (sam::DiffWorkspaces) is noted as one remote change.
bool ReplaceWorkspace(App& app, sam::Workspace next);
// The consistency checks made whole now (they are otherwise finished a few matters per frame
// after a whole new check): for what must list them all at once.
void FinishChecks(App& app);
// …or some of them, for about `ms`, between frames (a platform that draws none when idle);
// true when they have just become whole, so that a frame shows them.
bool ContinueBetweenFrames(App& app, double ms);
// Whether checks are still being made a few matters per frame (a platform that sleeps when
// idle draws on until they are whole).
bool ChecksUnderWay(const App& app);
// Someone else's change applied to the workspace through core (the app's workspace is the
// server's state: nothing of the user's waits on top); false, and nothing changed, when it
// does not apply.
bool ApplyRemotePatch(App& app, const sam::json& patch);
// A file the user picked: a workspace (.json) opens, a parties list (.csv) is imported.
bool FileOpened(App& app, const std::string& name, const std::string& text);
// A workspace file read elsewhere, opened as FileOpened opens one (not for a shared workspace).
bool FileLoaded(App& app, const std::string& name, sam::LoadResult r);
// Adds (or updates, by name) the parties of a `name;kind;population` list as one edit.
bool ImportPartiesCsv(App& app, const std::string& text);
bool UndoEdit(App& app);
bool RedoEdit(App& app);

// Sets ImGui's style and fonts for the current theme and scale. Call before the first
// frame and whenever dark/ui_scale/dpi_scale change. `font_path` is a TTF file.
// Where the UI font comes from: a TTF file (desktop) or bytes built into the program (web,
// where a separate download would hold up the first frame). Neither: ImGui's own font.
// The web program also carries the atlas built from it at scale 1 (ui/font_atlas.h).
struct FontSource {
    const char* path = nullptr;
    const unsigned char* data = nullptr;
    int size = 0;
    const unsigned char* atlas = nullptr;   // built at scale 1 (web/font_bake.cpp)
    int atlas_size = 0;
};
void ApplyStyle(App& app, const FontSource& font);
// Builds one frame of the whole app (call between ImGui::NewFrame and ImGui::Render).
void Frame(App& app);

// Whether the mirror holds what is scrolled out of sight too: yes while the largest view has
// at most kMirrorWholeCells cells (a county's workspaces); a national one mirrors what is on
// screen, which keeps its frames fast (every item drawn, even out of sight, costs).
constexpr size_t kMirrorWholeCells = 6000;
bool MirrorWhole(const App& app);

// UI scale 75–200 % (Ctrl+ and Ctrl− too).
void SetUiScale(App& app, float scale);
// Theme, scale and language at once (the theme button; the tests' style matrix).
void SetLook(App& app, bool dark, float scale, sam::Lang lang);
// Records the last item's rectangle under `name` (test mode only).
void Mark(App& app, const std::string& name);

// The slides of presentation mode: the workspace's own, or one per view, matter and scenario.
std::vector<sam::Slide> Slides(const sam::Workspace& ws);
// Presentation mode on or off, and a move to another slide (the platform tells followers).
void SetPresenting(App& app, bool on);
void GoToSlide(App& app, int slide);
// A view link follows the facilitator: into and out of the presentation (with its fonts),
// and to each slide.
void Follow(App& app, bool active, int slide, const sam::json& what_if = nullptr);
// The facilitator's "what if" as followers get it: who leaves or joins, and items' FTE.
sam::json WhatIfJson(const App& app);

// Historik (history_view.cpp): open it (the platform fetches the list), take the server's
// answers, look at one revision read-only, and make it the newest (one undoable edit).
void OpenHistory(App& app);
bool TakeHistory(App& app, int status, const std::string& body);
bool TakeRevision(App& app, int64_t revision, int status, const std::string& body);
void ViewRevision(App& app, int64_t revision);   // 0: back to today's workspace
bool RestoreRevision(App& app);                  // the revision being looked at
void DrawHistory(App& app);
// While a past revision is looked at, the frame draws it in place of the workspace.
void PastBegin(App& app);
void PastEnd(App& app);
// "Vem är du?": asked before the first change to a shared workspace; the answer goes with each change.
void DrawAuthorDialog(App& app);
void SetAuthor(App& app, const std::string& name, const std::string& organisation);
// The X-Author header's value: "Name, Organisation", at most 80 bytes (whole characters), URL-encoded.
std::string AuthorHeader(const Author& a);
// The server's list of who has the workspace open (a "presence" event's data).
void TakePresence(App& app, const std::string& data);

// Arkiv → Rapport: the sections as checkboxes in their order (↑ ↓ move one), and the
// diarienummer the printed pages carry; Spara writes the HTML report (print it to PDF).
void DrawReportDialog(App& app);
// The report as chosen there (HTML).
std::string ChosenReport(const App& app);

// Ctrl+C outside a text field: the table of the view on screen (Beslut's matrix, the costs per
// party, Scenarier's comparison, the parties) as tab-separated text that Excel and Word paste
// as a table. False (and said) when the view has no table to copy.
bool CopyTable(App& app);

// Short text lookups for the views.
const char* T(const App& app, const char* key);

}  // namespace ui
