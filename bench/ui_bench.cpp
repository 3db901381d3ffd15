// samverkan-uibench: the CPU time of building one frame of each view for the national-scale
// workspace (ImGui without a window: what the views cost, not the GPU). Target: <= 4 ms.
// Then what the screen reader's mirror adds to a frame (recording every item, and the batch
// for the page), frames with and without it alternating. Target: <= 1 ms.
#include <chrono>
#include <imgui.h>
#include <time.h>
#include <algorithm>
#include <functional>
#include <cstdio>
#include <vector>
#include "a11y_json.h"
#include "app.h"
#include "demos.h"
#include "json_io.h"
#include "national.h"
#include "views.h"

#ifndef SAMVERKAN_FONT
#define SAMVERKAN_FONT ""
#endif

namespace {

double CpuMs() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

// One frame as the platforms make it, without drawing it (with the mirror's recording and
// batch when app.a11y is enabled).
void OneFrame(ui::App& app) {
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(1280, 800);
    io.DeltaTime = 1.0f / 60;
    if (app.style_dirty) {
        ui::FontSource font;
        font.path = SAMVERKAN_FONT[0] ? SAMVERKAN_FONT : nullptr;
        ui::ApplyStyle(app, font);
        unsigned char* px;
        int w, h;
        io.Fonts->GetTexDataAsRGBA32(&px, &w, &h);
    }
    ImGui::NewFrame();
    app.a11y.whole = ui::MirrorWhole(app);   // as ui/full_frame.cpp: whole for a county, on screen for a nation
    ui::A11yBeginFrame(app.a11y);
    ui::Frame(app);
    ui::A11yEndFrame(app.a11y);
    if (app.a11y.enabled) {
        static std::string batch;
        batch = ui::A11yJson(app.a11y, 1.0f);
    }
    ui::ApplyQueuedEdits(app);
    ImGui::Render();
}

// The mirror's cost: median of frames with it minus median of frames without, alternating.
struct MirrorCost { double ms; size_t items; };

MirrorCost Mirror(ui::App& app, int frames) {
    std::vector<double> with, without;
    size_t items = 0;
    for (int i = 0; i < frames * 2; ++i) {
        app.a11y.enabled = i % 2 == 0;
        double t0 = CpuMs();
        OneFrame(app);
        (app.a11y.enabled ? with : without).push_back(CpuMs() - t0);
        if (app.a11y.enabled) items = app.a11y.nodes.size();
    }
    app.a11y.enabled = false;
    std::sort(with.begin(), with.end());
    std::sort(without.begin(), without.end());
    return {with[with.size() / 2] - without[without.size() / 2], items};
}

struct Result { double median, p99; };

Result Measure(ui::App& app, int frames) {
    OneFrame(app);   // the first frame after a change recomputes the budget and checks: not a frame's cost
    OneFrame(app);
    std::vector<double> ms;
    for (int i = 0; i < frames; ++i) {
        double t0 = CpuMs();
        OneFrame(app);
        ms.push_back(CpuMs() - t0);
    }
    std::sort(ms.begin(), ms.end());
    return {ms[ms.size() / 2], ms[std::min(ms.size() - 1, (size_t)(ms.size() * 0.99))]};
}

// From an edit to the end of the next frame, with every derived figure (budget, scenarios,
// checks, adoption) up to date: the median of `n` edits of one kind, each undone after.
double EditToFrame(ui::App& app, const std::function<sam::json(int)>& edit, int n) {
    std::vector<double> ms;
    for (int i = 0; i < n; ++i) {
        OneFrame(app);
        double t0 = CpuMs();
        uint64_t before = app.doc.revision;
        if (!ui::ApplyEdit(app, edit(i)) || app.doc.revision == before) {
            std::printf("  refused: %s\n", app.status.c_str());
            return -1;
        }
        OneFrame(app);
        ms.push_back(CpuMs() - t0);
        ui::UndoEdit(app);
    }
    std::sort(ms.begin(), ms.end());
    return ms[ms.size() / 2];
}

}  // namespace

int main() {
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
    ui::App app;
    app.today = "2026-11-23";
    if (!ui::OpenWorkspaceText(app, sam::SaveWorkspace(bench::NationalWorkspace(), false), "bench")) {
        std::fprintf(stderr, "samverkan-uibench: the national workspace did not load\n");
        return 1;
    }
    const sam::Workspace& ws = app.doc.ws;
    std::printf("national workspace: %zu parties, %zu bodies, %zu matters, %zu cost items, %zu scenarios\n", ws.parties.size(),
                ws.bodies.size(), ws.matters.size(), ws.cost_items.size(), ws.scenarios.size());
    // The first frame recomputes every figure but leaves most matters' checks to the next
    // frames (a few milliseconds each); the views are timed once they are all done.
    auto t0 = std::chrono::steady_clock::now();
    OneFrame(app);
    auto t1 = std::chrono::steady_clock::now();
    size_t left = app.derived.check_cache.unchecked.size();
    ui::FinishChecks(app);
    auto t2 = std::chrono::steady_clock::now();
    std::printf("first frame after opening: %.0f ms; the checks of %zu matters left to the next frames: %.0f ms in all\n",
                std::chrono::duration<double, std::milli>(t1 - t0).count(), left, std::chrono::duration<double, std::milli>(t2 - t1).count());
    struct Case { const char* name; ui::View view; bool present; int slide; };
    const Case cases[] = {{"Översikt", ui::View::Overview, false, 0}, {"Struktur (diagram)", ui::View::Structure, false, 0},
                          {"Beslut", ui::View::Decisions, false, 0}, {"Kostnader", ui::View::Costs, false, 0},
                          {"Scenarier", ui::View::Scenarios, false, 0}, {"Presentation: struktur", ui::View::Overview, true, 1},
                          {"Presentation: ett ärende", ui::View::Overview, true, 2}};
    bool all_ok = true;
    for (const Case& c : cases) {
        app.view = c.view;
        app.presenting = c.present;
        app.slide = c.slide;
        app.style_dirty = true;   // fonts for presenting or not
        Result r = Measure(app, 60);
        bool ok = r.median <= 4.0;
        all_ok &= ok;
        std::printf("%-28s CPU per frame: median %7.3f ms   p99 %7.3f ms   target <= 4 ms   %s\n", c.name, r.median, r.p99, ok ? "ok" : "OVER");
        MirrorCost mirror = Mirror(app, 60);
        bool mirror_ok = mirror.ms <= 1.0;
        all_ok &= mirror_ok;
        std::printf("%-28s   + the mirror: median %7.3f ms (%zu items)         target <= 1 ms   %s\n", "", mirror.ms, mirror.items,
                    mirror_ok ? "ok" : "OVER");
        std::fflush(stdout);
    }
    // Each kind of edit, to the next frame (the Beslut view, where most edits are made).
    {
        app.view = ui::View::Decisions;
        app.presenting = false;
        app.style_dirty = true;
        std::string matter = ws.matters.begin()->first, party = ws.matters.begin()->second.decisions.begin()->first;
        std::string item = ws.cost_items.begin()->first, body;
        for (auto& [id, b] : ws.bodies) if (!b.parent.empty()) { body = id; break; }
        std::string parent;   // a body at the top that is not the body's parent now: a real move
        for (auto& [id, b] : ws.bodies)
            if (b.parent.empty() && id != ws.bodies.at(body).parent) { parent = id; break; }
        std::string scenario = ws.scenarios.empty() ? "" : ws.scenarios.begin()->first;
        static const char* kStatuses[] = {"adopted", "declined", "paused"};
        struct EditCase { const char* name; std::function<sam::json(int)> edit; };
        std::vector<EditCase> edits = {
            {"a decision", [&](int i) { return sam::json::array({{{"op", "replace"}, {"path", "/matters/" + matter + "/decisions/" + party + "/status"}, {"value", kStatuses[i % 3]}}}); }},
            {"a party's population", [&](int i) { return sam::json::array({{{"op", "replace"}, {"path", "/parties/" + party + "/population"}, {"value", 10000 + i}}}); }},
            {"an item's FTE", [&](int i) { return sam::json::array({{{"op", "add"}, {"path", "/cost_items/" + item + "/fte"}, {"value", 0.5 + i * 0.1}}}); }},
            {"a body moved", [&](int) { return sam::json::array({{{"op", "replace"}, {"path", "/bodies/" + body + "/parent"}, {"value", parent}}}); }},
        };
        if (!scenario.empty())
            edits.push_back({"a scenario toggle", [&](int i) { return sam::json::array({{{"op", "add"}, {"path", "/scenarios/" + scenario + "/leave/-"}, {"value", party}}}); }});
        for (auto& e : edits) {
            double ms = EditToFrame(app, e.edit, 9);
            bool ok = ms >= 0 && ms <= 16.0;
            all_ok &= ok;
            std::printf("edit → next frame: %-22s median %8.2f ms   target <= 16 ms   %s\n", e.name, ms, ms < 0 ? "REFUSED" : ok ? "ok" : "OVER");
            std::fflush(stdout);
        }
    }
    // A county's workspace: the mirror holds what is scrolled out of sight too, so every item
    // of the view is laid out, drawn and recorded each frame.
    if (!ui::OpenWorkspaceText(app, *sam::FindDemo("halsam-vasternorrland"), "demo")) return 1;
    app.presenting = false;
    app.style_dirty = true;
    std::printf("county workspace (HälSam Västernorrland), the whole view mirrored: %s\n", ui::MirrorWhole(app) ? "yes" : "no");
    for (const Case& c : cases) {
        if (c.present) continue;
        app.view = c.view;
        MirrorCost mirror = Mirror(app, 60);
        bool mirror_ok = mirror.ms <= 1.0;
        all_ok &= mirror_ok;
        std::printf("%-28s   + the whole mirror: median %7.3f ms (%zu items)   target <= 1 ms   %s\n", c.name, mirror.ms, mirror.items,
                    mirror_ok ? "ok" : "OVER");
    }
    ImGui::DestroyContext();
    return all_ok ? 0 : 1;
}
