// The desktop's own services around the shared views: an Open/Save dialog over the file
// system, the recent-files list, autosave to a recovery file with an offer to restore after
// a crash, and full screen for presenting. Works with no network at all.
#pragma once
#include <string>
#include <vector>
#include "app.h"

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
};

// Connects the app's Platform hooks to the desktop and reads the recent files. With
// `check_recovery`, a recovery file left by a crash is offered for restoring.
void InstallDesktop(Desktop& d, ui::App& app, GLFWwindow* window, bool check_recovery);
// Opens a workspace (or a parties CSV) from a path; adds it to the recent files.
bool OpenPath(Desktop& d, ui::App& app, const std::string& path);
// Each frame, inside the ImGui frame: the dialog and the recovery question; writes the
// recovery file two seconds after the last change.
void DesktopFrame(Desktop& d, ui::App& app);
// Answers the recovery question without asking (for scripts): true restores.
void AnswerRecovery(Desktop& d, ui::App& app, bool restore);
// A clean exit: nothing to recover.
void DesktopClosed(Desktop& d);

}  // namespace native
