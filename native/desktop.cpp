#include "desktop.h"
#include "heap.h"

#include "workbook.h"
#include "xlsx_export.h"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <signal.h>
#include <unistd.h>
#include "files.h"
#include "json_io.h"
#include "json_scan.h"

namespace native {

namespace fs = std::filesystem;

namespace {

std::string EnvDir(const char* var, const char* fallback) {
    const char* v = std::getenv(var);
    if (v && *v) return std::string(v) + "/samverkan";
    const char* home = std::getenv("HOME");
    return std::string(home && *home ? home : ".") + "/" + fallback + "/samverkan";
}

std::string RecentPath() { return ConfigDir() + "/recent.json"; }

void SaveRecent(const Desktop& d) {
    std::error_code ec;
    fs::create_directories(ConfigDir(), ec);
    WriteFileAtomic(RecentPath(), sam::json(d.recent).dump(2), nullptr);
}

void AddRecent(Desktop& d, const std::string& path) {
    std::error_code ec;
    std::string abs = fs::absolute(path, ec).lexically_normal().string();
    if (ec) abs = path;
    d.recent.erase(std::remove(d.recent.begin(), d.recent.end(), abs), d.recent.end());
    d.recent.insert(d.recent.begin(), abs);
    if (d.recent.size() > 8) d.recent.resize(8);
    SaveRecent(d);
}

bool Accepts(const std::string& accept, const fs::path& p) {
    std::string name = p.filename().string();
    for (size_t at = 0; at <= accept.size();) {
        size_t comma = accept.find(',', at);
        std::string ext = accept.substr(at, comma == std::string::npos ? std::string::npos : comma - at);
        if (!ext.empty() && name.size() >= ext.size() && name.compare(name.size() - ext.size(), ext.size(), ext) == 0) return true;
        if (comma == std::string::npos) break;
        at = comma + 1;
    }
    return accept.empty();
}

void ShowDialog(Desktop& d, bool saving, const std::string& name, const std::string& accept, const std::string& text) {
    FileDialog& f = d.dialog;
    f.open = true;
    f.saving = saving;
    f.accept = accept;
    f.text = text;
    f.error.clear();
    std::snprintf(f.name, sizeof f.name, "%s", name.c_str());
    if (f.dir.empty() || !fs::is_directory(f.dir)) {
        std::error_code ec;
        f.dir = !d.recent.empty() ? fs::path(d.recent.front()).parent_path().string() : fs::current_path(ec).string();
    }
}

void DrawDialog(Desktop& d, ui::App& app) {
    FileDialog& f = d.dialog;
    const char* title = ui::T(app, f.saving ? "ui.save_file" : "ui.open_file");
    if (f.open && !ImGui::IsPopupOpen(title)) ImGui::OpenPopup(title);
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 38, ImGui::GetFontSize() * 26), ImGuiCond_Appearing);
    bool keep = true;
    if (!ImGui::BeginPopupModal(title, &keep)) { if (!keep) f.open = false; return; }
    ImGui::TextDisabled("%s", f.dir.c_str());
    if (ImGui::Button("..")) { f.dir = fs::path(f.dir).parent_path().string(); }
    ImGui::SameLine();
    if (const char* home = std::getenv("HOME"); home && ImGui::Button(ui::T(app, "ui.home_folder"))) f.dir = home;
    // The folder's subfolders and the files that fit.
    ImGui::BeginChild("##files", ImVec2(0, -ImGui::GetFrameHeightWithSpacing() * 2.2f), true);
    std::vector<fs::directory_entry> entries;
    std::error_code ec;
    for (auto& e : fs::directory_iterator(f.dir, fs::directory_options::skip_permission_denied, ec)) {
        if (e.path().filename().string().rfind('.', 0) == 0) continue;
        if (e.is_directory(ec) || Accepts(f.accept, e.path())) entries.push_back(e);
    }
    std::sort(entries.begin(), entries.end(), [](auto& a, auto& b) {
        if (a.is_directory() != b.is_directory()) return a.is_directory();
        return a.path().filename().string() < b.path().filename().string();
    });
    std::string chosen;
    for (auto& e : entries) {
        std::string label = e.path().filename().string() + (e.is_directory() ? "/" : "");
        if (ImGui::Selectable(label.c_str(), label == f.name, ImGuiSelectableFlags_AllowDoubleClick)) {
            if (e.is_directory()) f.dir = e.path().string();
            else {
                std::snprintf(f.name, sizeof f.name, "%s", label.c_str());
                if (ImGui::IsMouseDoubleClicked(0)) chosen = e.path().string();
            }
        }
    }
    if (ec) ImGui::TextDisabled("%s", ec.message().c_str());
    ImGui::EndChild();
    ImGui::SetNextItemWidth(-ImGui::GetFontSize() * 8);
    bool enter = ImGui::InputText("##name", f.name, sizeof f.name, ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::SameLine();
    if ((ImGui::Button(title) || enter) && f.name[0]) chosen = (fs::path(f.dir) / f.name).string();
    if (fs::path(f.name).is_absolute() && !chosen.empty()) chosen = f.name;
    if (!f.error.empty()) ImGui::TextColored(ImVec4(0.8f, 0.2f, 0.1f, 1), "%s", f.error.c_str());
    if (!chosen.empty()) {
        std::string error;
        if (f.saving) {
            if (WriteFileAtomic(chosen, f.text, &error)) {
                app.status = sam::TrF(app.lang, "ui.saved_to", {chosen});
                if (Accepts(".json", chosen)) {
                    AddRecent(d, chosen);
                    app.doc.source = chosen;   // Ctrl+S saves here from now on
                }
                f.open = false;
            } else {
                f.error = error;
            }
        } else if (OpenPathInBackground(d, app, chosen)) {
            f.open = false;
        } else {
            f.error = app.status;
        }
    }
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) f.open = false;
    if (!f.open) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

void DrawRecovery(Desktop& d, ui::App& app) {
    if (d.recovered.empty()) return;
    const char* title = ui::T(app, "ui.recover_title");
    if (!ImGui::IsPopupOpen(title)) ImGui::OpenPopup(title);
    if (!ImGui::BeginPopupModal(title, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30);
    ImGui::TextUnformatted(sam::TrF(app.lang, "ui.recover_text", {d.recovered_source.empty() ? "–" : d.recovered_source}).c_str());
    ImGui::PopTextWrapPos();
    if (ImGui::Button(ui::T(app, "ui.recover_yes"))) { AnswerRecovery(d, app, true); ImGui::CloseCurrentPopup(); }
    ImGui::SameLine();
    if (ImGui::Button(ui::T(app, "ui.recover_no"))) { AnswerRecovery(d, app, false); ImGui::CloseCurrentPopup(); }
    ImGui::EndPopup();
}

void SetFullscreen(Desktop& d, bool on) {
    if (on == d.fullscreen || !d.window) return;
    GLFWmonitor* monitor = glfwGetPrimaryMonitor();
    const GLFWvidmode* mode = monitor ? glfwGetVideoMode(monitor) : nullptr;
    if (on && mode) {
        glfwGetWindowPos(d.window, &d.windowed[0], &d.windowed[1]);
        glfwGetWindowSize(d.window, &d.windowed[2], &d.windowed[3]);
        glfwSetWindowMonitor(d.window, monitor, 0, 0, mode->width, mode->height, mode->refreshRate);
    } else if (!on) {
        glfwSetWindowMonitor(d.window, nullptr, d.windowed[0], d.windowed[1], d.windowed[2], d.windowed[3], 0);
    }
    d.fullscreen = on;
}

}  // namespace

std::string ConfigDir() { return EnvDir("XDG_CONFIG_HOME", ".config"); }
std::string StateDir() { return EnvDir("XDG_STATE_HOME", ".local/state"); }
std::string CacheDir() { return EnvDir("XDG_CACHE_HOME", ".cache"); }

bool OpenPath(Desktop& d, ui::App& app, const std::string& path) {
    std::string text, error;
    if (!ReadFile(path, text, &error)) { app.status = path + ": " + error; return false; }
    sam_native::PrepareHeapFor(text.size());
    bool csv = Accepts(".csv", path);
    if (csv) return ui::ImportPartiesCsv(app, text);
    if (!ui::FileOpened(app, path, text)) return false;
    if (!app.shared) AddRecent(d, path);
    return true;
}

bool OpenPathInBackground(Desktop& d, ui::App& app, const std::string& path) {
    std::error_code ec;
    auto bytes = fs::file_size(path, ec);
    if (ec || bytes < (8u << 20) || app.shared || Accepts(".csv", path) || d.opening) return OpenPath(d, app, path);
    auto opening = std::make_unique<OpeningFile>();
    std::string error;
    if (!opening->file.Open(path, &error)) { app.status = path + ": " + error; return false; }
    sam_native::PrepareHeapFor(opening->file.Text().size());
    opening->path = path;
    opening->bytes = opening->file.Text().size();
    opening->started = glfwGetTime();
    OpeningFile* o = opening.get();
    opening->result = std::async(std::launch::async, [o] { return LoadMappedWorkspace(o->file, &o->read); });
    d.opening = std::move(opening);
    return true;
}

namespace {

// "46,0 MB" / "46.0 MB"
std::string Megabytes(size_t bytes, sam::Lang lang) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f MB", bytes / 1e6);
    std::string s = text;
    if (lang == sam::Lang::Sv) std::replace(s.begin(), s.end(), '.', ',');
    return s;
}

// While a file is read: a window that says which and how long it has taken, over everything
// (the workspace on screen is about to be replaced); then the file is opened.
void DrawOpening(Desktop& d, ui::App& app) {
    OpeningFile& o = *d.opening;
    ++o.frames;
    double seconds = glfwGetTime() - o.started;
    bool ready = o.result.wait_for(std::chrono::seconds(0)) == std::future_status::ready;
    std::string title_text(sam::Tr(app.lang, "ui.opening_title"));
    const char* title = title_text.c_str();
    if (!ready && !ImGui::IsPopupOpen(title)) ImGui::OpenPopup(title);
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    if (ImGui::BeginPopupModal(title, nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove)) {
        std::string name = fs::path(o.path).filename().string();
        ImGui::TextUnformatted(sam::TrF(app.lang, "ui.opening_file", {name, Megabytes(o.bytes, app.lang)}).c_str());
        // How much of the file is read (the checks after it take a moment more), and the time so far.
        float done = o.bytes ? (float)((double)o.read.load(std::memory_order_relaxed) / (double)o.bytes) : 0.0f;
        int percent = (int)(done * 100);
        if (percent > 0 && percent < 100) ++o.partial_frames;
        ImGui::ProgressBar(done, ImVec2(ImGui::GetFontSize() * 18, 0), "");
        char elapsed[48];
        std::snprintf(elapsed, sizeof elapsed, app.lang == sam::Lang::Sv ? "%d %%   %.1f s" : "%d%%   %.1f s", percent, seconds);
        std::string e = elapsed;
        if (app.lang == sam::Lang::Sv) std::replace(e.begin(), e.end(), '.', ',');
        ImGui::TextDisabled("%s", e.c_str());
        if (ready) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
    if (!ready) return;
    std::string path = o.path;
    sam::LoadResult r = o.result.get();
    char note[128];
    std::snprintf(note, sizeof note, " in %.2f s, %d frames drawn meanwhile, %d of them part way", seconds, o.frames, o.partial_frames);
    d.opening.reset();
    d.open_failed = !ui::FileLoaded(app, path, std::move(r));
    if (!d.open_failed) {
        if (!app.shared) AddRecent(d, path);
        d.opened_note = "opened " + path + note;
    } else {
        d.opened_note = "cannot open " + path + ": " + app.status;
    }
}

}  // namespace

void InstallDesktop(Desktop& d, ui::App& app, GLFWwindow* window, bool check_recovery) {
    d.window = window;
    // Each window autosaves to its own file, so that a second window never offers the first's.
    d.recovery_path = StateDir() + "/recovery-" + std::to_string(getpid()) + ".json";
    std::string text;
    if (ReadFile(RecentPath(), text, nullptr)) {
        sam::json j = sam::ReadJson(text);
        if (j.is_array())
            for (auto& p : j) if (p.is_string()) d.recent.push_back(p);
    }
    // A recovery file whose window is no longer running was left by a crash: offer the newest.
    std::error_code ec;
    fs::file_time_type newest{};
    for (auto& e : fs::directory_iterator(StateDir(), ec)) {
        std::string name = e.path().filename().string();
        if (!check_recovery || name.rfind("recovery-", 0) != 0 || e.path().extension() != ".json") continue;
        int pid = std::atoi(name.c_str() + 9);
        if (pid > 0 && (kill(pid, 0) == 0 || errno == EPERM)) continue;   // still running
        if (!d.recovered_path.empty() && e.last_write_time(ec) <= newest) continue;
        if (!ReadFile(e.path().string(), text, nullptr)) continue;
        sam::json j = sam::ReadJson(text);
        if (!j.is_object() || !j.contains("workspace") || !j["workspace"].is_string()) continue;
        d.recovered = j["workspace"];
        d.recovered_source = sam::TextOf(j, "source");
        d.recovered_path = e.path().string();
        newest = e.last_write_time(ec);
    }
    // Who the user is (Vem är du?), kept for the next run.
    if (ReadFile(ConfigDir() + "/author.json", text, nullptr)) {
        sam::json j = sam::ReadJson(text);
        app.author = {sam::TextOf(j, "name"), sam::TextOf(j, "organisation"), sam::BoolOf(j, "asked")};
    }
    ui::Platform& p = app.platform;
    p.author_changed = [&app] {
        std::error_code e;
        fs::create_directories(ConfigDir(), e);
        sam::json j = {{"name", app.author.name}, {"organisation", app.author.organisation}, {"asked", app.author.asked}};
        WriteFileAtomic(ConfigDir() + "/author.json", j.dump(2), nullptr);
    };
    p.open_file = [&d](const std::string& accept) { ShowDialog(d, false, "", accept, ""); };
    p.save_file = [&d, &app](const std::string& name, const std::string& text) {
        // A workspace with a file of its own goes back into that file (Ctrl+S); anything else asks where.
        bool workspace = name.size() > 15 && name.compare(name.size() - 15, 15, ".samverkan.json") == 0;
        if (workspace && Accepts(".json", app.doc.source) && fs::exists(app.doc.source)) {
            std::string error;
            if (WriteFileAtomic(app.doc.source, text, &error)) app.status = sam::TrF(app.lang, "ui.saved_to", {app.doc.source});
            else app.status = error;
            return;
        }
        ShowDialog(d, true, name, "", text);
    };
    p.workspace_changed = [&d] {
        d.recovery_dirty = true;
        d.recovery_due = glfwGetTime() + 2.0;
    };
    p.set_fullscreen = [&d](bool on) { SetFullscreen(d, on); };
    p.export_xlsx = [&d, &app] {
        std::string error;
        auto bytes = xlsx::XlsxBytes(sam::BuildWorkbook(app.doc.ws, app.lang, app.cost_year, app.today), &error);
        if (!bytes) { app.status = error; return; }
        ShowDialog(d, true, sam::WorkbookFileName(app.doc.ws), "", *bytes);
    };
    p.recent_files = [&d] { return d.recent; };
    p.open_recent = [&d, &app](const std::string& path) { OpenPathInBackground(d, app, path); };
}

void AnswerRecovery(Desktop& d, ui::App& app, bool restore) {
    if (restore && !d.recovered.empty()) {
        std::string source = d.recovered_source.empty() ? "recovered" : d.recovered_source;
        if (ui::OpenWorkspaceText(app, d.recovered, source)) app.status = sam::TrF(app.lang, "ui.recovered", {source});
    }
    d.recovered.clear();
    std::error_code ec;
    fs::remove(d.recovered_path, ec);   // restored or dropped: asked once
    if (restore) d.recovery_dirty = true, d.recovery_due = 0;   // and kept safe again under this window
}

void DesktopFrame(Desktop& d, ui::App& app) {
    if (d.opening) DrawOpening(d, app);
    DrawRecovery(d, app);
    DrawDialog(d, app);
    if (d.recovery_dirty && glfwGetTime() >= d.recovery_due && app.doc.open) {
        std::error_code ec;
        fs::create_directories(StateDir(), ec);
        sam::json j = {{"source", app.doc.source}, {"saved", (int64_t)std::time(nullptr)}, {"workspace", sam::SaveWorkspace(app.doc.ws, false)}};
        WriteFileAtomic(d.recovery_path, j.dump(), nullptr);
        d.recovery_dirty = false;
    }
}

void DesktopClosed(Desktop& d) {
    std::error_code ec;
    fs::remove(d.recovery_path, ec);
}

}  // namespace native
