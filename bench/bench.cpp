// samverkan-bench: prints the figures of the speed and memory targets for a generated
// national-scale workspace. Runs the measured part in a child process so that its
// peak memory is the workspace's own, not the generator's.
//   samverkan-bench            generate, then measure in a child
//   samverkan-bench FILE.json  measure an existing workspace file
//   samverkan-bench --generate FILE.json   only write the national workspace (compact)
//   samverkan-bench --cold FILE.json       load it once in this fresh process, print the ms
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>
#include "../native/heap.h"
#include "mapped_file.h"
#include "costs.h"
#include "json_io.h"
#include "national.h"
#include "sync.h"
#include "patch.h"
#include "validate.h"

namespace {

using Clock = std::chrono::steady_clock;

struct Stats { double median_ms, p99_ms, max_ms; };

Stats Measure(int runs, const std::function<void()>& f) {
    std::vector<double> ms;
    for (int i = 0; i < runs; ++i) {
        auto t0 = Clock::now();
        f();
        ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
    }
    std::sort(ms.begin(), ms.end());
    return {ms[ms.size() / 2], ms[std::min(ms.size() - 1, (size_t)(ms.size() * 0.99))], ms.back()};
}

void Line(const char* what, const Stats& s, double target_ms) {
    std::printf("%-44s median %9.3f ms   p99 %9.3f ms   target <= %g ms   %s\n", what, s.median_ms, s.p99_ms, target_ms,
                s.median_ms <= target_ms ? "ok" : "OVER");
}

double PeakMb() {
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss / 1024.0;
}

std::string SelfPath() {
    char exe[4096];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    return n > 0 ? std::string(exe, (size_t)n) : "";
}

// The same file opened in wasm32 as the page opens it (web/heap_probe.cpp under Node, from the
// web build beside this one), next to the native peak.
void PrintBrowserHeap(const std::string& path, double native_peak_mb) {
    std::string dir = SelfPath();
    dir = dir.substr(0, dir.rfind('/'));
    std::string probe = dir + "/../web/samverkan_heap_probe.js";
    if (access(probe.c_str(), R_OK) != 0) {
        std::printf("%-44s (no %s: scripts/build.sh web makes it)\n", "browser-sized heap (wasm32)", probe.c_str());
        return;
    }
    std::string out;
    if (FILE* p = popen(("node '" + probe + "' '" + path + "' 2>&1").c_str(), "r")) {
        char buf[512];
        while (fgets(buf, sizeof buf, p)) out += buf;
        pclose(p);
    }
    sam::json j = sam::json::parse(out, nullptr, false);
    if (!j.is_object() || !j.contains("heap_mb")) {
        std::printf("%-44s could not be measured: %s\n", "browser-sized heap (wasm32)", out.c_str());
        return;
    }
    double heap = j["heap_mb"].get<double>();
    std::printf("%-44s %9.1f MB   target <= 512 MB   %s\n", "browser-sized heap (wasm32, as the page opens)", heap, heap <= 512 ? "ok" : "OVER");
    std::printf("%-44s %9.1f MB in use (model and figures %.1f MB); native peak %.1f MB\n", "", j["in_use_mb"].get<double>(),
                j["model_mb"].get<double>(), native_peak_mb);
    std::printf("%-44s %9.0f ms to read the model; read again for sync in slices, %.0f ms in all, the longest %.1f ms (under Node)\n", "",
                j.value("load_ms", 0.0), j.value("copy_ms", 0.0), j.value("copy_slice_max_ms", 0.0));
}

// The desktop's way of reading a file (native/mapped_file.h): mapped, not copied, and let
// go of as it is read, so that its peak memory is the model's.
void OpenMapped(const std::string& path, native::MappedFile& file) {
    std::string error;
    if (!file.Open(path, &error)) {
        std::fprintf(stderr, "samverkan-bench: cannot read %s: %s\n", path.c_str(), error.c_str());
        std::exit(1);
    }
}

void LoadMapped(const std::string& path, sam::Workspace& ws) {
    native::MappedFile file;
    OpenMapped(path, file);
    sam_native::PrepareHeapFor(file.Text().size());
    sam::LoadResult r = native::LoadMappedWorkspace(file);
    if (!r.ok) { std::fprintf(stderr, "load failed: %s\n", r.problems[0].Message(sam::Lang::En).c_str()); std::exit(1); }
    ws = std::move(r.workspace);
}

// The first load also pays for the kernel mapping fresh memory into a new process (on a
// virtual machine, most of it): timed in fresh processes, as the desktop opens a file.
Stats MeasureCold(const std::string& path, int runs) {
    std::string command = "'";
    command += SelfPath();
    command += "' --cold '";
    command += path;
    command += "'";
    std::vector<double> ms;
    for (int i = 0; i < runs; ++i) {
        std::string out;
        if (FILE* p = popen(command.c_str(), "r")) {
            char buf[128];
            while (fgets(buf, sizeof buf, p)) out += buf;
            if (pclose(p) != 0) std::exit(1);
        }
        ms.push_back(std::atof(out.c_str()));
    }
    std::sort(ms.begin(), ms.end());
    return {ms[ms.size() / 2], ms.back(), ms.back()};
}

int ColdLoadOnce(const std::string& path) {
    sam_native::KeepFreedMemory();   // the desktop app's heap policy (native/heap.h)
    sam::Workspace ws;
    auto t0 = Clock::now();
    LoadMapped(path, ws);
    std::printf("%.3f\n", std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
    return 0;
}

int MeasureFile(const std::string& path) {
    std::error_code size_error;
    uintmax_t file_bytes = std::filesystem::file_size(path, size_error);
    if (size_error) {
        std::fprintf(stderr, "samverkan-bench: cannot read %s: %s\n", path.c_str(), size_error.message().c_str());
        return 1;
    }
    std::printf("workspace file: %.1f MB\n", (double)file_bytes / 1e6);

    Stats cold = MeasureCold(path, 5);
    sam::Workspace ws;
    // The desktop app's heap policy (native/heap.h), so that these are the app's figures;
    // the first load maps fresh memory (above), later ones reuse it as a running app does.
    sam_native::KeepFreedMemory();
    LoadMapped(path, ws);
    Stats load = Measure(5, [&] {
        ws = sam::Workspace{};   // one workspace at a time, as in the apps
        LoadMapped(path, ws);
    });
    std::printf("parties %zu, bodies %zu, matters %zu, cost items %zu\n", ws.parties.size(), ws.bodies.size(),
                ws.matters.size(), ws.cost_items.size());
    Line("load from JSON (parse + validate)", load, 300);
    std::printf("%-44s median %9.3f ms   max %9.3f ms   target <= 400 ms   %s\n", "  cold: first load, 5 fresh processes",
                cold.median_ms, cold.max_ms, cold.median_ms <= 400 ? "ok" : "OVER");

    sam::Budget b;
    Stats alloc = Measure(20, [&] { b = sam::ComputeBudget(ws); });
    Line("full allocation (all items, years, parties)", alloc, 5);
    std::printf("  %d years, %zu share groups, %zu paying parties, net %s kr in %d\n", b.Years(), b.groups.size(),
                b.parties.size(), std::to_string(b.At(b.net, b.first_year)).c_str(), b.first_year);
    Stats scen = Measure(20, [&] { (void)sam::ComputeBudget(ws, &ws.scenarios.begin()->second); });
    Line("scenario budget", scen, 5);

    static const char* kStatus[] = {"adopted", "declined", "pending", "paused"};
    int n = 0;
    bool all_ok = true;
    Stats patch = Measure(1000, [&] {
        sam::json p = sam::json::array({sam::OpReplace("/matters/arende-" + std::to_string(n % 2000) + "/decisions/kommun-" +
                                                       std::to_string(n % 290) + "/status", kStatus[n % 4])});
        ++n;
        all_ok &= sam::ApplyPatch(ws, p).ok;
    });
    Line("one-field patch with validation", patch, 1);
    Stats body_patch = Measure(200, [&] {
        sam::json p = sam::json::array({sam::OpReplace("/bodies/organ-" + std::to_string(1 + n % 999) + "/meetings_per_year", 1 + n % 9)});
        ++n;
        all_ok &= sam::ApplyPatch(ws, p).ok;
    });
    Line("one-field body patch (tree re-checked)", body_patch, 1);
    if (!all_ok) { std::fprintf(stderr, "a patch was rejected\n"); return 1; }

    double peak = PeakMb();
    std::printf("%-44s %9.1f MB   target <= 200 MB   %s\n", "peak memory: load, budgets, patches", peak, peak <= 200 ? "ok" : "OVER");
    Stats checks = Measure(3, [&] { (void)sam::CheckConsistency(ws, "2026-06-01"); });
    std::printf("%-44s median %9.3f ms   (no target)\n", "consistency checks", checks.median_ms);
    Stats save = Measure(5, [&] { (void)sam::SaveWorkspace(ws, false); });
    Line("save to JSON (compact)", save, 200);
    Stats save_pretty = Measure(3, [&] { (void)sam::SaveWorkspace(ws, true); });
    Line("save to JSON (indented, as a file)", save_pretty, 200);
    std::printf("%-44s %9.1f MB   (no target)\n", "peak memory with checks and save", PeakMb());
    // What a linked desktop writes to its kept copy after each change (at most every 0,5 s):
    // the line, against the whole copy it wrote before.
    {
        sam::Sync sync;
        sam::SyncStart(sync, ws, 1);
        (void)sam::SyncBaseHead(sync);   // a base is kept: what follows is the line
        sync.pending.push_back(sam::json::array({sam::OpReplace("/matters/arende-1/decisions/kommun-1/status", "adopted")}));
        Stats line = Measure(20, [&] { (void)sam::SyncSaveLine(sync).dump(); });
        Stats whole = Measure(2, [&] { (void)sam::SyncSaveOffline(sync).dump(); });
        std::printf("%-44s median %9.3f ms   (the whole copy: %.0f ms)   target <= 16 ms   %s\n", "kept copy after a change (linked desktop)",
                    line.median_ms, whole.median_ms, line.median_ms <= 16 ? "ok" : "OVER");
    }
    // Parsing alone, into nlohmann's tree, is the yardstick for loading (measured last, as
    // its tree is several times the model's memory), from the same mapped file.
    Stats parse = Measure(3, [&] {
        native::MappedFile file;
        OpenMapped(path, file);
        sam::json tree = sam::json::parse(file.Text());
        if (tree.empty()) std::exit(1);
    });
    std::printf("%-44s median %9.3f ms   load/parse %.2f, cold/parse %.2f\n", "nlohmann::json::parse alone (no model)",
                parse.median_ms, load.median_ms / parse.median_ms, cold.median_ms / parse.median_ms);
    PrintBrowserHeap(path, peak);
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc > 2 && std::string(argv[1]) == "--generate") {   // the national workspace, for other benchmarks
        std::ofstream(argv[2], std::ios::binary) << sam::SaveWorkspace(bench::NationalWorkspace(), false);
        return 0;
    }
    if (argc > 2 && std::string(argv[1]) == "--cold") return ColdLoadOnce(argv[2]);
    if (argc > 1) return MeasureFile(argv[1]);
    std::string path = "/tmp/samverkan-bench-" + std::to_string(getpid()) + ".json";
    {
        auto t0 = Clock::now();
        std::string text = sam::SaveWorkspace(bench::NationalWorkspace(), /*pretty=*/false);
        std::ofstream(path, std::ios::binary) << text;
        std::printf("generated in %.0f ms\n", std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
    }
    std::fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        execl("/proc/self/exe", argv[0], path.c_str(), (char*)nullptr);
        _exit(127);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    std::remove(path.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}
