// The desktop's own services around the shared views: an Open/Save dialog over the file
// system, the recent-files list, autosave to a recovery file with an offer to restore after
// a crash, and full screen for presenting. Works with no network at all.
#pragma once
#include <future>
#include <memory>
#include <string>
#include <vector>
#include "app.h"
#include "mapped_file.h"

struct GLFWwindow;

namespace native {

// Where the desktop keeps its files (XDG: ~/.config, ~/.local/state, ~/.cache).
std::string ConfigDir();
std::string StateDir();
std::string CacheDir();

struct FileDialog {
    bool open = false;
    bool saving = false;
    std::string dir;              // the folder shown
    char name[512] = {};          // the file name typed or picked
    std::string accept;           // ".json,.csv" for opening
    std::string text;             // what to write when saving
    std::string error;
};

// A large workspace file being read on another thread while the window keeps drawing.
struct OpeningFile {
    std::string path;
    size_t bytes = 0;
    double started = 0;            // glfwGetTime()
    int frames = 0;                // drawn meanwhile
    int partial_frames = 0;        // of them, those that showed the file part read (0 < p < 100 %)
    MappedFile file;
    std::atomic<size_t> read{0};   // bytes read so far, from the reading thread
    std::future<sam::LoadResult> result;   // last: waited for before the file and count go
};

struct Desktop {
    GLFWwindow* window = nullptr;
    std::vector<std::string> recent;   // newest first, at most 8
    std::string recovery_path;         // StateDir()/recovery-PID.json: this window's autosave
    std::string recovered_path;        // a crashed window's autosave, offered at start
    bool recovery_dirty = false;
    double recovery_due = 0;           // when to write it (glfwGetTime)
    std::string recovered;             // a recovery file found at start, waiting for the user's answer
    std::string recovered_source;
    bool fullscreen = false;
    int windowed[4] = {100, 100, 1280, 800};
    FileDialog dialog;
    std::unique_ptr<OpeningFile> opening;
    std::string opened_note;           // "opened FILE in 0.8 s, 41 frames drawn meanwhile" (for scripts)
    bool open_failed = false;          // the file read on another thread did not open
};

// Connects the app's Platform hooks to the desktop and reads the recent files. With
// `check_recovery`, a recovery file left by a crash is offered for restoring.
void InstallDesktop(Desktop& d, ui::App& app, GLFWwindow* window, bool check_recovery);
// Opens a workspace (or a parties CSV) from a path; adds it to the recent files.
bool OpenPath(Desktop& d, ui::App& app, const std::string& path);
// The same, but a workspace file of 8 MB or more is read on another thread while a progress
// window shows (it is opened in DesktopFrame when read). False when it cannot be read at all.
bool OpenPathInBackground(Desktop& d, ui::App& app, const std::string& path);
// Each frame, inside the ImGui frame: the dialog and the recovery question; writes the
// recovery file two seconds after the last change.
void DesktopFrame(Desktop& d, ui::App& app);
// Answers the recovery question without asking (for scripts): true restores.
void AnswerRecovery(Desktop& d, ui::App& app, bool restore);
// A clean exit: nothing to recover.
void DesktopClosed(Desktop& d);

}  // namespace native
