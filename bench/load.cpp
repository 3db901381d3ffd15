// samverkan-load: PATCH throughput and latency with 50 concurrent editors, against
// samverkan-server and, in the same run, json-server (npm) doing the equivalent update
// of the same document; then one patch fanned out to 200 event followers.
//   samverkan-load --server PATH --json-server PATH/bin.js [--seconds N]
//   samverkan-load --server PATH --editors-only [--db URI] [--instances 2] [--label NAME]
//     the editors alone, on SQLite or on PostgreSQL (with two instances the editors take
//     turns between them), ending with a line "RESULT label per_second p50 p99" for
//     bench/compare_sharedb.sh.
#include <arpa/inet.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <nlohmann/json.hpp>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>
#define SAMVERKAN_SERVER ""   // process.h's default; the path comes from --server
#include "process.h"

using json = nlohmann::json;
using Clock = std::chrono::steady_clock;

namespace {

constexpr int kEditors = 50;
constexpr int kFollowers = 200;

struct Figures { double per_second = 0, p50 = 0, p99 = 0; long ok = 0, failed = 0; };

double Ms(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

Figures Summarize(std::vector<double>& lat, long ok, long failed, double seconds) {
    std::sort(lat.begin(), lat.end());
    Figures f;
    f.ok = ok;
    f.failed = failed;
    f.per_second = ok / seconds;
    if (!lat.empty()) { f.p50 = lat[lat.size() / 2]; f.p99 = lat[std::min(lat.size() - 1, lat.size() * 99 / 100)]; }
    return f;
}

// A workspace with 50 municipalities and one matter deciding in each.
json Workspace() {
    json ws = {{"schema_version", 2}, {"name", "Lasttest"}, {"costs", {{"key", {{"kind", "per_capita"}}}, {"participants", json::array()}}},
               {"parties", json::object()}, {"bodies", json::object()}, {"matters", json::object()},
               {"cost_items", json::object()}, {"funding", json::object()}, {"scenarios", json::object()}};
    json decisions = json::object();
    for (int i = 0; i < kEditors; ++i) {
        std::string id = "kommun-" + std::to_string(i);
        ws["parties"][id] = {{"name", "Kommun " + std::to_string(i)}, {"kind", "municipality"}, {"population", 10000 + i}};
        ws["costs"]["participants"].push_back(id);
        decisions[id] = {{"status", "pending"}};
    }
    ws["matters"]["strategi"] = {{"title", "Länsgemensam strategi"}, {"kind", "recommendation"}, {"decisions", decisions}};
    return ws;
}

// A port nobody listens on now (bound, read, and closed again).
int FreePort() {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bind(fd, (sockaddr*)&a, sizeof a);
    socklen_t len = sizeof a;
    getsockname(fd, (sockaddr*)&a, &len);
    close(fd);
    return ntohs(a.sin_port);
}

template <class F>
Figures Run(double seconds, F&& one_request) {
    std::atomic<long> ok{0}, failed{0};
    std::mutex mu;
    std::vector<double> all;
    auto until = Clock::now() + std::chrono::duration<double>(seconds);
    std::vector<std::thread> threads;
    for (int i = 0; i < kEditors; ++i)
        threads.emplace_back([&, i] {
            std::vector<double> mine;
            int n = 0;
            while (Clock::now() < until) {
                auto t0 = Clock::now();
                bool good = one_request(i, n++);
                mine.push_back(Ms(Clock::now() - t0));
                (good ? ok : failed)++;
            }
            std::lock_guard lock(mu);
            all.insert(all.end(), mine.begin(), mine.end());
        });
    for (auto& t : threads) t.join();
    return Summarize(all, ok, failed, seconds);
}

void Print(const char* who, const Figures& f) {
    std::printf("%-14s %8.0f patches/s   p50 %7.2f ms   p99 %7.2f ms   (%ld ok, %ld failed)\n", who, f.per_second, f.p50, f.p99, f.ok, f.failed);
}

}  // namespace

int main(int argc, char** argv) {
    std::string server_path, json_server, out = "/tmp/samverkan-load", db, label = "samverkan";
    double seconds = 10;
    int instances = 1;
    bool editors_only = false;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--editors-only") { editors_only = true; continue; }
        if (i + 1 >= argc) break;
        if (a == "--server") server_path = argv[++i];
        else if (a == "--json-server") json_server = argv[++i];
        else if (a == "--seconds") seconds = std::atof(argv[++i]);
        else if (a == "--db") db = argv[++i];
        else if (a == "--instances") instances = std::max(1, std::atoi(argv[++i]));
        else if (a == "--label") label = argv[++i];
    }
    if (server_path.empty() || (json_server.empty() && !editors_only) || (instances > 1 && db.empty())) {
        std::fprintf(stderr, "usage: samverkan-load --server PATH --json-server PATH/lib/cli/bin.js [--seconds N]\n"
                             "       samverkan-load --server PATH --editors-only [--db URI [--instances 2]] [--label NAME] [--seconds N]\n");
        return 2;
    }
    std::filesystem::remove_all(out);
    std::filesystem::create_directories(out);
    static const char* kStatuses[] = {"adopted", "declined", "paused", "pending"};
    json doc = Workspace();

    // samverkan-server: each editor changes its own party's decision, against the newest revision it knows.
    ServerProcess s, second;
    s.binary = second.binary = server_path;
    std::vector<std::string> args = {"--data", out + "/data"};
    if (!db.empty()) args.insert(args.end(), {"--db", db});
    if (!s.Start(args, out + "/server.log")) { std::fprintf(stderr, "samverkan-server did not start\n"); return 1; }
    if (instances > 1 && !second.Start(args, out + "/server-2.log")) { std::fprintf(stderr, "the second instance did not start\n"); return 1; }
    httplib::Client admin("127.0.0.1", s.port);
    auto created = admin.Post("/api/workspaces", {{"Authorization", "Bearer test-admin-token"}},
                              json{{"name", "Lasttest"}, {"state", doc}}.dump(), "application/json");
    if (!created || created->status != 201) { std::fprintf(stderr, "could not create the workspace\n"); return 1; }
    json c = json::parse(created->body);
    std::string id = c["id"], token = c["edit_token"];
    std::vector<int64_t> base(kEditors, 1);
    std::vector<std::unique_ptr<httplib::Client>> clients;
    // Keep-alive, as browsers do: a new connection per request would measure the TCP backlog.
    for (int i = 0; i < kEditors; ++i) {
        clients.push_back(std::make_unique<httplib::Client>("127.0.0.1", instances > 1 && i % 2 ? second.port : s.port));
        clients.back()->set_keep_alive(true);
        clients.back()->set_tcp_nodelay(true);
    }
    std::printf("%d concurrent editors, %.0f s each, one decision per request%s\n", kEditors, seconds,
                db.empty() ? " (SQLite)" : instances > 1 ? " (PostgreSQL, two instances)" : " (PostgreSQL)");
    Figures ours = Run(seconds, [&](int i, int n) {
        json patch = json::array({{{"op", "replace"}, {"path", "/matters/strategi/decisions/kommun-" + std::to_string(i) + "/status"}, {"value", kStatuses[n % 4]}}});
        auto r = clients[i]->Patch("/api/workspaces/" + id, {{"Authorization", "Bearer " + token}, {"If-Match", "\"" + std::to_string(base[i]) + "\""}},
                                   patch.dump(), "application/json-patch+json");
        if (r && r->status == 409) {
            // An editor whose base the server cannot rebase from takes the newest revision, as the app does.
            json answer = json::parse(r->body, nullptr, false);
            if (answer.is_object() && answer.contains("revision")) base[i] = answer["revision"];
        }
        if (!r || r->status != 200) {
            static std::atomic<int> shown{0};
            if (shown++ < 3) std::fprintf(stderr, "  refused: %d %s\n", r ? r->status : 0, r ? r->body.c_str() : httplib::to_string(r.error()).c_str());
            return false;
        }
        base[i] = json::parse(r->body)["revision"];
        return true;
    });
    Print(label.c_str(), ours);
    if (editors_only) {
        std::printf("RESULT %s %.1f %.3f %.3f\n", label.c_str(), ours.per_second, ours.p50, ours.p99);
        return 0;
    }

    // json-server: the same document; its PATCH merges top-level fields, so an editor sends
    // the whole "matters" object with its one change (and overwrites the others' changes).
    {
        std::ofstream(out + "/db.json") << json{{"workspaces", json::array({[&] { json w = doc; w["id"] = 1; return w; }()})}}.dump();
        int port = FreePort();
        std::fflush(nullptr);
        pid_t pid = fork();
        if (pid == 0) {
            FILE* f = std::freopen((out + "/json-server.log").c_str(), "w", stdout);
            (void)f;
            dup2(fileno(stdout), fileno(stderr));
            execlp("node", "node", json_server.c_str(), (out + "/db.json").c_str(), "--port", std::to_string(port).c_str(), "--quiet", (char*)nullptr);
            _exit(127);
        }
        httplib::Client probe("127.0.0.1", port);
        bool up = false;
        for (int i = 0; i < 200 && !up; ++i) {
            auto r = probe.Get("/workspaces/1");
            up = r && r->status == 200;
            if (!up) std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        if (!up) { std::fprintf(stderr, "json-server did not start\n"); kill(pid, SIGKILL); return 1; }
        std::vector<std::unique_ptr<httplib::Client>> jc;
        for (int i = 0; i < kEditors; ++i) {
            jc.push_back(std::make_unique<httplib::Client>("127.0.0.1", port));
            jc.back()->set_keep_alive(true);
            jc.back()->set_tcp_nodelay(true);
        }
        json matters = doc["matters"];
        Figures theirs = Run(seconds, [&](int i, int n) {
            json m = matters;
            m["strategi"]["decisions"]["kommun-" + std::to_string(i)]["status"] = kStatuses[n % 4];
            auto r = jc[i]->Patch("/workspaces/1", json{{"matters", m}}.dump(), "application/json");
            return r && r->status == 200;
        });
        Print("json-server", theirs);
        kill(pid, SIGTERM);
        waitpid(pid, nullptr, 0);
        std::printf("throughput ratio %.1fx (target >= 3x); samverkan p99 %.2f ms (target <= 20 ms)\n",
                    theirs.per_second > 0 ? ours.per_second / theirs.per_second : 0.0, ours.p99);
    }

    // Fan-out: 200 followers, 50 patches one after another; per patch, the time until the last follower has it.
    std::mutex mu;
    std::map<int64_t, Clock::time_point> sent;
    std::map<int64_t, std::vector<double>> seen;
    std::atomic<bool> stop{false};
    std::atomic<int> ready{0};
    std::vector<std::thread> followers;
    std::vector<std::unique_ptr<httplib::Client>> fc;
    for (int i = 0; i < kFollowers; ++i) {
        fc.push_back(std::make_unique<httplib::Client>("127.0.0.1", s.port));
        fc.back()->set_read_timeout(60, 0);
    }
    std::atomic<int> retries{0};
    for (int i = 0; i < kFollowers; ++i)
        followers.emplace_back([&, i] {
          bool counted = false;
          // A follower whose stream could not be opened (or broke) tries again, as EventSource does.
          for (int attempt = 0; attempt < 20 && !stop; ++attempt) {
            if (attempt > 0) { ++retries; std::this_thread::sleep_for(std::chrono::milliseconds(200)); }
            std::string buffer;
            auto r = fc[i]->Get("/api/workspaces/" + id + "/events", {{"Authorization", "Bearer " + token}}, [&](const char* d, size_t n) {
                buffer.append(d, n);
                size_t end;
                while ((end = buffer.find("\n\n")) != std::string::npos) {
                    std::string ev = buffer.substr(0, end);
                    buffer.erase(0, end + 2);
                    if (ev.find("event: hello") != std::string::npos && !counted) { counted = true; ++ready; }
                    size_t at = ev.find("id: ");
                    if (at != 0) continue;
                    int64_t rev = std::stoll(ev.substr(4));
                    auto now = Clock::now();
                    std::lock_guard lock(mu);
                    if (sent.count(rev)) seen[rev].push_back(Ms(now - sent[rev]));
                }
                return !stop;
            });
            if (!r && !stop && retries < 5) std::fprintf(stderr, "  follower %d: %s\n", i, httplib::to_string(r.error()).c_str());
          }
        });
    auto connect_until = Clock::now() + std::chrono::seconds(30);
    while (ready < kFollowers && Clock::now() < connect_until) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    if (ready < kFollowers) {
        std::printf("fan-out: only %d of %d followers could open their stream in 30 s\n", ready.load(), kFollowers);
        stop = true;
        for (auto& c2 : fc) c2->stop();
        for (auto& t : followers) t.join();
        return 1;
    }
    if (retries) std::printf("fan-out: %d follower streams had to be opened again\n", retries.load());
    httplib::Client w("127.0.0.1", s.port);
    int64_t rev = json::parse(w.Get("/api/workspaces/" + id, {{"Authorization", "Bearer " + token}})->body)["revision"];
    for (int n = 0; n < 50; ++n) {
        json patch = json::array({{{"op", "replace"}, {"path", "/matters/strategi/title"}, {"value", "Strategi " + std::to_string(n)}}});
        {
            std::lock_guard lock(mu);
            sent[rev + 1] = Clock::now();
        }
        auto r = w.Patch("/api/workspaces/" + id, {{"Authorization", "Bearer " + token}, {"If-Match", "\"" + std::to_string(rev) + "\""}},
                         patch.dump(), "application/json-patch+json");
        if (!r || r->status != 200) { std::fprintf(stderr, "fan-out patch failed\n"); break; }
        rev = json::parse(r->body)["revision"];
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    std::vector<double> last;
    {
        std::lock_guard lock(mu);
        for (auto& [r, v] : seen)
            if ((int)v.size() == kFollowers) last.push_back(*std::max_element(v.begin(), v.end()));
    }
    std::sort(last.begin(), last.end());
    stop = true;
    for (auto& c2 : fc) c2->stop();
    for (auto& t : followers) t.join();
    if (last.empty()) { std::printf("fan-out: no patch reached all followers\n"); return 1; }
    std::printf("fan-out to %d followers: %zu patches reached all; last follower p50 %.2f ms, p99 %.2f ms (target <= 100 ms)\n",
                kFollowers, last.size(), last[last.size() / 2], last[std::min(last.size() - 1, last.size() * 99 / 100)]);
    s.Stop(SIGTERM);
    return 0;
}
