// Samverkan on the desktop: GLFW + OpenGL 3, local files, works with no network.
//   samverkan [FILE.samverkan.json] [--demo ID] [--lang sv|en] [--view NAME]
//             [--frames N] [--screenshot OUT.png] [--size WxH]
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <cstdio>
#include <functional>
#include <cstring>
#include <ctime>
#include <string>
#include <vector>
#include "a11y_json.h"
#include "app.h"
#include "full_frame.h"
#include "heap.h"
#include "format.h"
#include "key_latch.h"
#include "demos.h"
#include "desktop.h"
#include "portfolio_native.h"
#include "files.h"
#include "json_io.h"
#include "json_scan.h"
#include "monkey.h"
#include "sync_native.h"

#ifndef SAMVERKAN_FONT
#define SAMVERKAN_FONT ""
#endif

namespace {

struct Options {
    std::string file, demo = "halsam-vasternorrland", view, screenshot, opening_screenshot, lang, link, edit, save;
    std::vector<std::string> files;   // several: the portfolio of one party across them
    std::string party;                // --party: whose portfolio
    int year = 0;                     // --year: the portfolio's year (0: this year)
    long long wait_revision = 0;
    int present = -1;  // presentation mode at this slide (-1: off)
    std::string recover;   // "yes" / "no": answer the recovery question without asking
    double wait_seconds = 10;
    int frames = 0;   // 0: run until closed
    int width = 1280, height = 800;
    std::string style_matrix;   // folder: switch every look at run time and save each frame
    long long monkey_seed = -1; // a seeded random user (native/monkey.h)
    int monkey_steps = 2000;
    bool history = false;       // open Historik at start
    std::string mirror;         // write what a screen reader gets of the last frame to this file
};

// Every theme × scale × language × presentation, switched at run time as a user would.
struct Look {
    bool dark;
    float scale;
    sam::Lang lang;
    bool presenting;
};
std::vector<Look> StyleMatrix() {
    std::vector<Look> out;
    for (bool presenting : {false, true})
        for (sam::Lang lang : {sam::Lang::Sv, sam::Lang::En})
            for (float scale : {0.75f, 1.0f, 1.5f, 2.0f})
                for (bool dark : {false, true}) out.push_back({dark, scale, lang, presenting});
    return out;
}

void Usage() {
    std::puts("usage: samverkan [FILE.json ...] [--party NAME] [--year YYYY] [--demo ID] [--link http://HOST:PORT/#w=ID&t=TOKEN] [--lang sv|en]\n"
              "                 [--view overview|structure|decisions|costs|scenarios] [--edit PATCH_JSON]\n"
              "                 [--frames N] [--screenshot OUT.png] [--screenshot-opening OUT.png] [--size WxH]\n"
              "  --link   open a workspace on a server and follow it (the edit or view link the server prints)\n"
              "  FILE.json FILE.json ...  several files: the Portfölj view of one party across them (--party, --year)\n"
              "  --edit   apply a JSON Patch after opening, as the views would (for scripts and tests)\n"
              "  --frames draw N frames and exit (with --link: also wait until every change has reached the server)\n"
              "  --wait-revision N   with --link and --frames: also wait until revision N has arrived\n"
              "  --save-on-exit FILE write the open workspace to FILE when leaving\n"
              "  --history          open Historik (who changed what) at start\n"
              "  --mirror FILE      write the last frame as a screen reader gets it (JSON) to FILE\n"
              "  --present N        start in presentation mode at slide N (0 = the first)\n"
              "  --recover yes|no   after a crash, restore (or drop) the unsaved changes without asking\n"
              "  --wait-seconds S   with --link and --frames: wait at most S seconds for the server (default 10)\n"
              "  --style-matrix DIR switch theme, scale, language and presentation at run time, saving each to DIR\n"
              "  --monkey SEED      random clicks, drags, keys and text from SEED (--monkey-steps N, default 2000);\n"
              "                     checks the workspace, the frames and a full undo; exit 1 with the seed on failure\n"
              "With --link the workspace and the changes not yet sent are kept in ~/.cache/samverkan, so the\n"
              "app starts and works without a network and sends them when the server answers again.");
}

bool ParseArgs(int argc, char** argv, Options& o) {
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        auto next = [&](std::string& dst) {
            if (i + 1 >= argc) { std::fprintf(stderr, "samverkan: %s needs a value\n", a.c_str()); return false; }
            dst = argv[++i];
            return true;
        };
        std::string v;
        if (a == "--help" || a == "-h") { Usage(); std::exit(0); }
        else if (a == "--demo") { if (!next(o.demo)) return false; }
        else if (a == "--lang") { if (!next(o.lang)) return false; }
        else if (a == "--view") { if (!next(o.view)) return false; }
        else if (a == "--screenshot") { if (!next(o.screenshot)) return false; }
        else if (a == "--screenshot-opening") { if (!next(o.opening_screenshot)) return false; }
        else if (a == "--link") { if (!next(o.link)) return false; }
        else if (a == "--edit") { if (!next(o.edit)) return false; }
        else if (a == "--save-on-exit") { if (!next(o.save)) return false; }
        else if (a == "--wait-revision") { if (!next(v)) return false; o.wait_revision = std::atoll(v.c_str()); }
        else if (a == "--frames") { if (!next(v)) return false; o.frames = std::atoi(v.c_str()); }
        else if (a == "--present") { if (!next(v)) return false; o.present = std::atoi(v.c_str()); }
        else if (a == "--history") o.history = true;
        else if (a == "--mirror") { if (!next(o.mirror)) return false; }
        else if (a == "--recover") { if (!next(o.recover)) return false; }
        else if (a == "--style-matrix") { if (!next(o.style_matrix)) return false; }
        else if (a == "--monkey") { if (!next(v)) return false; o.monkey_seed = std::atoll(v.c_str()); }
        else if (a == "--monkey-steps") { if (!next(v)) return false; o.monkey_steps = std::atoi(v.c_str()); }
        else if (a == "--wait-seconds") { if (!next(v)) return false; o.wait_seconds = std::atof(v.c_str()); }
        else if (a == "--party") { if (!next(o.party)) return false; }
        else if (a == "--year") {
            if (!next(v) || v.size() != 4 || v.find_first_not_of("0123456789") != std::string::npos) {
                std::fprintf(stderr, "samverkan: --year takes a year YYYY\n");
                return false;
            }
            o.year = std::atoi(v.c_str());
        }
        else if (a == "--size") {
            if (!next(v) || std::sscanf(v.c_str(), "%dx%d", &o.width, &o.height) != 2) {
                std::fprintf(stderr, "samverkan: --size takes WIDTHxHEIGHT\n");
                return false;
            }
        } else if (!a.empty() && a[0] == '-') { std::fprintf(stderr, "samverkan: unknown option %s\n", a.c_str()); return false; }
        else { o.files.push_back(a); o.file = o.files.front(); }
    }
    return true;
}

std::string Today() { return sam::LocalDate(std::time(nullptr)); }

ui::View ViewByName(const std::string& n) {
    if (n == "structure") return ui::View::Structure;
    if (n == "decisions") return ui::View::Decisions;
    if (n == "costs") return ui::View::Costs;
    if (n == "scenarios") return ui::View::Scenarios;
    if (n == "portfolio") return ui::View::Portfolio;
    return ui::View::Overview;
}

// Until the next frame is due. At the screen's rate while something moves: input and a few
// frames after it for ImGui to settle (a click's press and release, hover), a file opening,
// changes on their way, the checks under way, a restyle or a held button. Otherwise asleep
// until input or news from another thread (glfwPostEmptyEvent) wakes it, and 4 frames a
// second: an idle window then keeps no core busy (it drew 60 a second before).
int WaitForNews(ui::App& app, bool busy, int settle_frames) {
    if (busy || settle_frames > 0 || ui::WantsFrame(app) || ui::ChecksUnderWay(app)) {
        glfwPollEvents();
        return settle_frames > 0 ? settle_frames - 1 : 0;
    }
    double asleep = glfwGetTime(), idle = ui::kIdleFrameMs / 1000;
    glfwWaitEventsTimeout(idle);
    return glfwGetTime() - asleep < idle - 0.01 ? ui::kSettleFrames : 0;   // woken before its time: something came
}

}  // namespace

int main(int argc, char** argv) {
    sam_native::KeepFreedMemory();
    Options opt;
    if (!ParseArgs(argc, argv, opt)) { Usage(); return 2; }

    glfwSetErrorCallback([](int code, const char* msg) { std::fprintf(stderr, "samverkan: GLFW error %d: %s\n", code, msg); });
    if (!glfwInit()) { std::fprintf(stderr, "samverkan: cannot open a window (no display?)\n"); return 1; }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
    GLFWwindow* window = glfwCreateWindow(opt.width, opt.height, "Samverkan", nullptr, nullptr);
    if (!window) { std::fprintf(stderr, "samverkan: cannot create an OpenGL 3.3 window\n"); glfwTerminate(); return 1; }
    glfwMakeContextCurrent(window);
    glfwSwapInterval(opt.frames || opt.monkey_seed >= 0 ? 0 : 1);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    ImGui_ImplGlfw_InitForOpenGL(window, true);
    ui::KeyLatch keys;
    ui::InstallKeyLatch(window, &keys);
    ImGui_ImplOpenGL3_Init("#version 330 core");

    ui::App app;
    app.today = Today();
    if (opt.lang == "en") app.lang = sam::Lang::En;
    app.view = ViewByName(opt.view);
    float xs = 1, ys = 1;
    glfwGetWindowContentScale(window, &xs, &ys);
    app.dpi_scale = xs > 0 ? xs : 1;
    native::Desktop desktop;
    native::InstallDesktop(desktop, app, window, opt.link.empty());

    std::string error;
    native::SyncClient sync;
    native::DesktopPortfolio portfolio;
    bool linked = false;
    if (!opt.link.empty()) {
        native::Link link;
        if (!native::ParseLink(opt.link, link)) {
            std::fprintf(stderr, "samverkan: --link must look like http://HOST:PORT/#w=ID&t=TOKEN\n");
            return 2;
        }
        sync.SetCache(native::CacheDir() + "/" + native::CacheName(link));
        if (!sync.Start(link, app, &error)) {
            std::fprintf(stderr, "samverkan: %s\n", error.c_str());
            return 1;
        }
        linked = true;
    } else if (opt.files.size() > 1) {
        if (!native::OpenPortfolio(portfolio, desktop, app, opt.files, opt.party, opt.year, error)) {
            std::fprintf(stderr, "samverkan: %s\n", error.c_str());
            return 1;
        }
    } else if (!opt.file.empty()) {
        if (!native::OpenPathInBackground(desktop, app, opt.file)) {
            std::fprintf(stderr, "samverkan: %s: %s\n", opt.file.c_str(), app.status.c_str());
            return 1;
        }
    } else if (const std::string* demo = sam::FindDemo(opt.demo)) {
        ui::OpenWorkspaceText(app, *demo, "demo");
    } else {
        std::fprintf(stderr, "samverkan: unknown demo %s\n", opt.demo.c_str());
        return 2;
    }

    if (!opt.edit.empty()) {
        sam::json patch = sam::ReadJson(opt.edit);
        if (patch.is_discarded() || !ui::ApplyEdit(app, patch)) {
            std::fprintf(stderr, "samverkan: --edit was not applied: %s\n", app.status.empty() ? "not JSON" : app.status.c_str());
            return 1;
        }
    }

    if (!opt.recover.empty()) native::AnswerRecovery(desktop, app, opt.recover == "yes");
    if (opt.history) ui::OpenHistory(app);
    if (!opt.mirror.empty()) app.a11y.enabled = true;

    if (opt.present >= 0) {
        ui::SetPresenting(app, true);
        ui::GoToSlide(app, opt.present);
    }

    ui::FontSource font;
    font.path = SAMVERKAN_FONT[0] ? SAMVERKAN_FONT : nullptr;
    int frame = 0;
    native::Monkey monkey;
    if (opt.monkey_seed >= 0) native::StartMonkey(monkey, app, (uint64_t)opt.monkey_seed, opt.monkey_steps);
    std::function<void()> monkey_input;
    if (opt.monkey_seed >= 0)
        monkey_input = [&] {
            int fw = 0, fh = 0;
            glfwGetFramebufferSize(window, &fw, &fh);
            native::MonkeyInput(monkey, app, fw, fh);
        };
    // A script (--frames, the monkey, the style matrix) draws every frame; a person's window
    // sleeps when nothing moves (WaitForNews).
    bool scripted = opt.frames || opt.monkey_seed >= 0 || !opt.style_matrix.empty();
    int settle_frames = 0;
    while (!glfwWindowShouldClose(window)) {
        bool busy = scripted || desktop.opening || (linked && !sync.Idle());
        settle_frames = WaitForNews(app, busy, settle_frames);
        // A move to a screen with another scale restyles like any other change of scale.
        float xs = 1, ys = 1;
        glfwGetWindowContentScale(window, &xs, &ys);
        if (xs > 0 && xs != app.dpi_scale) {
            app.dpi_scale = xs;
            app.style_dirty = true;
        }
        if (linked) sync.Frame(app);
        ui::FullFrame(app, window, keys, font, [&] { native::DesktopFrame(desktop, app); native::PortfolioFrame(portfolio, app); }, monkey_input);
        int w, h;
        glfwGetFramebufferSize(window, &w, &h);
        if (opt.monkey_seed >= 0) {
            bool ok = native::MonkeyCheck(monkey, app, w, h);
            if (ok && monkey.step >= monkey.steps) ok = native::MonkeyFinish(monkey, app);
            if (!ok) {
                std::fprintf(stderr, "samverkan: monkey failed at %s (run again with --monkey %llu --monkey-steps %d)\n",
                             monkey.failure.c_str(), (unsigned long long)monkey.seed, monkey.steps);
                return 1;
            }
            if (monkey.step >= monkey.steps) break;
        }
        ++frame;
        if (!opt.style_matrix.empty() && frame >= 4 && (frame - 4) % 3 == 0) {
            // Each look gets three frames (fonts rebuilt, laid out, settled), then its picture.
            static const std::vector<Look> looks = StyleMatrix();
            int step = (frame - 4) / 3;
            if (step > 0) {
                const Look& l = looks[step - 1];
                char name[160];
                std::snprintf(name, sizeof name, "%s/look-%02d-%s-%d-%s-%s.png", opt.style_matrix.c_str(), step - 1, l.dark ? "dark" : "light",
                              (int)(l.scale * 100), l.lang == sam::Lang::Sv ? "sv" : "en", l.presenting ? "present" : "edit");
                if (!native::SaveScreenshot(name, w, h, &error)) { std::fprintf(stderr, "samverkan: %s\n", error.c_str()); return 1; }
            }
            if (step == (int)looks.size()) break;
            const Look& l = looks[step];
            ui::SetLook(app, l.dark, l.scale, l.lang);
            ui::SetPresenting(app, l.presenting);
        }
        // With a link, the last frame waits for every change to reach the server (at most 10 s).
        bool settled = (!linked || (sync.Idle() && sync.Revision() >= opt.wait_revision && !app.history_panel.loading) ||
                        glfwGetTime() > opt.wait_seconds) && !desktop.opening;
        if (!opt.opening_screenshot.empty() && desktop.opening && desktop.opening->frames == 3 &&
            !native::SaveScreenshot(opt.opening_screenshot, w, h, &error)) {
            std::fprintf(stderr, "samverkan: %s\n", error.c_str());
            return 1;
        }
        if (!desktop.opened_note.empty()) {   // a large file read on another thread is open now, or refused
            std::fprintf(desktop.open_failed ? stderr : stdout, "samverkan: %s\n", desktop.opened_note.c_str());
            std::fflush(stdout);
            desktop.opened_note.clear();
            if (desktop.open_failed && opt.frames) return 1;   // as for a small file, in a script
            frame = 0;   // --frames counts the frames with the file open
        }
        if (opt.frames && frame >= opt.frames && settled) {
            if (!opt.screenshot.empty() && !native::SaveScreenshot(opt.screenshot, w, h, &error)) {
                std::fprintf(stderr, "samverkan: %s\n", error.c_str());
                return 1;
            }
            break;
        }
        glfwSwapBuffers(window);
    }
    if (linked) sync.Close(app);
    if (!opt.mirror.empty() && !native::WriteFileAtomic(opt.mirror, ui::A11yJson(app.a11y, 1), &error)) {
        std::fprintf(stderr, "samverkan: %s\n", error.c_str());
        return 1;
    }
    native::DesktopClosed(desktop);   // a clean exit leaves nothing to recover
    if (!opt.save.empty() && !native::WriteFileAtomic(opt.save, sam::SaveWorkspace(app.doc.ws), &error)) {
        std::fprintf(stderr, "samverkan: %s\n", error.c_str());
        return 1;
    }
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(window);
    glfwTerminate();
    return 0;
}
