// The Samverkan app as Dear ImGui views over core, shared by the web and desktop builds.
// Platform layers (web/, native/) own the window and the files; they call Frame()
// once per frame and hand documents in through OpenWorkspaceText().
#pragma once
#include <functional>
#include <string>
#include "costs.h"
#include "history.h"
#include "i18n.h"
#include "model.h"

struct ImFont;

namespace ui {

enum class View { Overview, Structure, Decisions, Costs, Scenarios };

// What the platform layer offers the views (file dialogs, storage, clipboard).
struct Platform {
    std::function<void(const std::string& name, const std::string& text)> save_file;  // download / save as
    std::function<void()> open_file;                                                   // upload / open dialog
    std::function<void(const std::string& text)> workspace_changed;                    // persist (IDBFS, autosave)
    std::function<void(const sam::json& forward)> edited;                              // a change to send to the server
    std::function<void(bool keep_mine)> resolve_conflict;                              // the user's answer to a clash
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
    std::vector<sam::Problem> checks;
};

struct App {
    Document doc;
    Derived derived;
    Platform platform;
    // UI state only.
    sam::Lang lang = sam::Lang::Sv;
    View view = View::Overview;
    bool dark = false;
    bool style_dirty = true;    // theme or scale changed: the platform calls ApplyStyle
    float ui_scale = 1.0f;      // the user's choice, 0.75..2
    float dpi_scale = 1.0f;     // the screen's (device pixel ratio / content scale)
    std::string today;          // YYYY-MM-DD, set by the platform
    std::string status;         // last message for the status bar
    std::string sync_text;      // the server connection, as the platform reports it ("" when offline-only)
    std::string conflict_text;  // a clash waiting for the user's answer ("" when none)
    bool read_only = false;     // opened with a view link
    std::string selected_matter;
    int frames = 0;
    ImFont* font = nullptr;
};

// Replaces the open document with a workspace parsed from JSON text; on failure
// keeps the current one and returns the problems' first message.
bool OpenWorkspaceText(App& app, const std::string& text, const std::string& source, std::string* error = nullptr);
// Applies one edit (a JSON Patch) through core; shows the reason when it is rejected.
bool ApplyEdit(App& app, const sam::json& patch);
// Replaces the workspace with a newer state (from the server), keeping what the user
// looks at; the undo history ends there, since its steps were made on the old state.
bool ReplaceWorkspace(App& app, const sam::json& state);
bool UndoEdit(App& app);
bool RedoEdit(App& app);

// Sets ImGui's style and fonts for the current theme and scale. Call before the first
// frame and whenever dark/ui_scale/dpi_scale change. `font_path` is a TTF file.
void ApplyStyle(App& app, const char* font_path);
// Builds one frame of the whole app (call between ImGui::NewFrame and ImGui::Render).
void Frame(App& app);

// Short text lookups for the views.
const char* T(const App& app, const char* key);

}  // namespace ui
