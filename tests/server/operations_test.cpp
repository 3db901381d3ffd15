// What the IT department runs the server with: /api/health, Prometheus metrics on an address
// of their own, one log line per request without tokens, settings from the environment and a
// token file, the client address behind nginx, and backups with retention and restore.
#include <doctest/doctest.h>
#include <sys/stat.h>

#include <filesystem>
#include <map>
#include <regex>
#include <set>

#include "api_client.h"
#include "process.h"
#include "raw_client.h"
#include "request_log.h"

namespace fs = std::filesystem;

namespace {

// Prometheus' text format: "name{labels} value" per line, "#" lines are help and type.
std::map<std::string, double> ParseMetrics(const std::string& text) {
    std::map<std::string, double> out;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        size_t space = line.rfind(' ');
        REQUIRE(space != std::string::npos);
        std::string key = line.substr(0, space);
        REQUIRE(out.count(key) == 0);   // every series once
        out[key] = std::stod(line.substr(space + 1));
    }
    return out;
}

int MetricsPort(const ServerProcess& s) {
    std::smatch m;
    std::string log = s.Log();
    return std::regex_search(log, m, std::regex("Metrics: http://127\\.0\\.0\\.1:(\\d+)/metrics")) ? std::stoi(m[1]) : 0;
}

std::string Scrape(int port) {
    httplib::Client c("127.0.0.1", port);
    auto r = c.Get("/metrics");
    REQUIRE(r);
    CHECK(r->status == 200);
    CHECK(r->get_header_value("Content-Type") == "text/plain; version=0.0.4; charset=utf-8");
    return r->body;
}

// An event stream held open on a raw connection, optionally as if forwarded by a proxy.
int OpenStream(RawConnection& c, const Created& w, const std::string& forwarded_for = "") {
    std::string head = "GET /api/workspaces/" + w.id + "/events HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + w.view + "\r\n";
    if (!forwarded_for.empty()) head += "X-Forwarded-For: " + forwarded_for + "\r\n";
    REQUIRE(c.Send(head + "\r\n"));
    RawAnswer a = c.Read(800);   // a stream's answer has no end: its status is what arrived
    return a.status;
}

// The server run to completion with `env` in front and no admin token from the environment.
int RunWithEnv(const std::string& env, const std::vector<std::string>& args, std::string& output) {
    return RunServer(args, output, "-u SAMVERKAN_ADMIN_TOKEN " + env);
}

}  // namespace

TEST_CASE("route patterns: fixed words only, whatever the path") {
    CHECK(server::RoutePattern("/api/workspaces/halsam-vasternorrland") == "/api/workspaces/:id");
    CHECK(server::RoutePattern("/api/workspaces/abc/events") == "/api/workspaces/:id/events");
    CHECK(server::RoutePattern("/api/workspaces/abc/links/def/rotate") == "/api/workspaces/:id/links/:link/rotate");
    CHECK(server::RoutePattern("/w/abc/costs.csv") == "/w/:id/:table");
    CHECK(server::RoutePattern("/p/abc/") == "/p/:id/");
    CHECK(server::RoutePattern("/") == "/");
    CHECK(server::RoutePattern("/samverkan.wasm") == "/:file");
    CHECK(server::RoutePattern("/api/workspaces/") == "other");   // an empty id is no id
    CHECK(server::RoutePattern("/a/b/c/d/e") == "other");
    CHECK(server::RoutePattern("") == "other");
    CHECK(server::MethodLabel("PATCH") == "PATCH");
    CHECK(server::MethodLabel("BREW") == "OTHER");
}

TEST_CASE("health, metrics on their own address, and one log line per request") {
    std::string data = Fresh("ops-metrics");
    ServerProcess s;
    REQUIRE(s.Start({"--data", data, "--metrics", "127.0.0.1:0"}, data + ".log"));
    int mport = MetricsPort(s);
    REQUIRE(mport > 0);
    httplib::Client c("127.0.0.1", s.port);

    auto health = c.Get("/api/health");
    REQUIRE(health);
    CHECK(health->status == 200);
    CHECK(json::parse(health->body) == json{{"ok", true}, {"storage", true}});

    Created w = CreateFamiljehem(c);
    for (int i = 0; i < 3; ++i) Get(c, w);
    REQUIRE(Patch(c, w, 1, json::array({Op("replace", "/name", "Familjehem A")}))->status == 200);
    REQUIRE(Patch(c, w, 2, json::array({Op("replace", "/name", "Familjehem B")}))->status == 200);
    CHECK(Patch(c, w, 1, json::array({Op("replace", "/name", "stale")}))->status == 409);
    // A token in the query string, and paths a client made up: neither reaches a label or a line.
    auto q = c.Get("/api/workspaces/" + w.id + "?access_token=" + w.view);
    REQUIRE(q);
    for (int i = 0; i < 50; ++i) c.Get("/made/up/path/" + std::to_string(i) + "/x");
    RawConnection stream(s.port);
    CHECK(OpenStream(stream, w) == 200);

    std::string text = Scrape(mport);
    auto m = ParseMetrics(text);
    CHECK(m["samverkan_http_requests_total{method=\"GET\",route=\"/api/workspaces/:id\",status=\"200\"}"] == 4);
    CHECK(m["samverkan_http_requests_total{method=\"PATCH\",route=\"/api/workspaces/:id\",status=\"200\"}"] == 2);
    CHECK(m["samverkan_http_requests_total{method=\"PATCH\",route=\"/api/workspaces/:id\",status=\"409\"}"] == 1);
    CHECK(m["samverkan_http_requests_total{method=\"POST\",route=\"/api/workspaces\",status=\"201\"}"] == 1);
    CHECK(m["samverkan_http_requests_total{method=\"GET\",route=\"other\",status=\"404\"}"] == 50);
    CHECK(m["samverkan_http_requests_total{method=\"GET\",route=\"/api/health\",status=\"200\"}"] == 1);
    // Histograms: buckets never fall, +Inf is the count.
    const std::string h = "samverkan_http_request_duration_seconds";
    const std::string labels = "method=\"GET\",route=\"/api/workspaces/:id\"";
    double last = 0;
    for (const char* le : {"0.001", "0.0025", "0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1", "2.5", "10", "+Inf"}) {
        std::string key = h + "_bucket{" + labels + ",le=\"" + le + "\"}";
        REQUIRE(m.count(key) == 1);
        CHECK(m[key] >= last);
        last = m[key];
    }
    CHECK(last == 4);
    CHECK(m[h + "_count{" + labels + "}"] == 4);
    CHECK(m[h + "_sum{" + labels + "}"] > 0);
    CHECK(m["samverkan_event_streams_open"] == 1);
    CHECK(m["samverkan_workspaces_open"] >= 1);
    CHECK(m["samverkan_revisions_committed_total"] == 2);
    CHECK(m["samverkan_commit_duration_seconds_count"] >= 1);
    CHECK(m["samverkan_commit_duration_seconds_count"] <= 2);
    CHECK(m["samverkan_commit_duration_seconds_sum"] > 0);
    // Few series whatever was asked, and no id, token or name in any of them.
    CHECK(m.size() < 150);
    CHECK(text.find(w.id) == std::string::npos);
    CHECK(text.find(w.view) == std::string::npos);
    CHECK(text.find("Familjehem") == std::string::npos);
    CHECK(text.find("test-admin-token") == std::string::npos);
    // The users' port has no /metrics.
    auto users = c.Get("/metrics");
    REQUIRE(users);
    CHECK(users->status == 404);

    // The log: a line per request with the route pattern, never the path, its query or a token.
    std::string log = s.Log();
    CHECK(log.find("samverkan-server: request method=PATCH route=/api/workspaces/:id status=200 ms=") != std::string::npos);
    CHECK(log.find("request method=PATCH route=/api/workspaces/:id status=409") != std::string::npos);
    CHECK(log.find("request method=GET route=other status=404") != std::string::npos);
    CHECK(log.find(w.id) == std::string::npos);
    CHECK(log.find(w.view) == std::string::npos);
    CHECK(log.find(w.edit) == std::string::npos);
    CHECK(log.find("access_token") == std::string::npos);
    std::regex line("samverkan-server: request method=[A-Z]+ route=\\S+ status=\\d{3} ms=\\d+\\.\\d bytes=\\d+");
    size_t lines = 0;
    std::istringstream in(log);
    for (std::string l; std::getline(in, l);)
        if (l.find(" request ") != std::string::npos) {
            ++lines;
            CHECK_MESSAGE(std::regex_match(l, line), l);
        }
    CHECK(lines >= 59);   // health, create, 4 reads, 3 changes, 50 made-up paths (the last answers may still be on their way to the log)
    CHECK(s.Stop() == 0);
    // The stream's line comes when it ends (at stop): its bytes are what it sent.
    CHECK(std::regex_search(s.Log(), std::regex("request method=GET route=/api/workspaces/:id/events status=200 ms=\\d+\\.\\d bytes=[1-9]")));
}

TEST_CASE("metrics are off unless asked for; the request log can be turned off") {
    std::string data = Fresh("ops-quiet");
    ServerProcess s;
    REQUIRE(s.Start({"--data", data, "--request-log", "off"}, data + ".log"));
    httplib::Client c("127.0.0.1", s.port);
    REQUIRE(c.Get("/api/health"));
    CHECK(s.Log().find("Metrics:") == std::string::npos);
    CHECK(s.Log().find(" request ") == std::string::npos);
    std::string out;
    CHECK(RunWithEnv("", {"--metrics", "localhost"}, out) == 2);
    CHECK(out.find("--metrics takes HOST:PORT, e.g. 127.0.0.1:9464, not \"localhost\"") != std::string::npos);
}

TEST_CASE("settings from the environment, the admin token from a file or made and kept in the data folder") {
    std::string data = Fresh("ops-env");
    fs::create_directories(data);
    std::string out;
    CHECK(RunWithEnv("SAMVERKAN_PORT=http", {"--data", data}, out) == 1);
    CHECK(out.find("samverkan-server: in the environment (SAMVERKAN_…): --port takes a number from 0 to 65535, not \"http\"") == 0);
    CHECK(RunWithEnv("SAMVERKAN_DEMOS=maybe", {"--data", data}, out) == 1);
    CHECK(out.find("--demos takes on or off, not \"maybe\"") != std::string::npos);

    // A token file: its first line is the token; a short one is refused.
    std::string token_file = data + "-token";
    std::ofstream(token_file) << "short\n";
    CHECK(RunWithEnv("SAMVERKAN_ADMIN_TOKEN_FILE=" + token_file, {"--data", data, "--port", "0"}, out) == 1);
    CHECK(out.find("the admin token in " + token_file + " is shorter than 16 characters") != std::string::npos);
    std::ofstream(token_file) << "a-token-kept-in-a-file\n";
    {
        ServerProcess s;
        REQUIRE(s.Start({"--data", data, "--admin-token-file", token_file, "--demos", "off"}, data + "-1.log", ""));
        httplib::Client c("127.0.0.1", s.port);
        auto list = c.Get("/api/workspaces", Bearer("a-token-kept-in-a-file"));
        REQUIRE(list);
        CHECK(list->status == 200);
        CHECK(json::parse(list->body)["workspaces"].empty());   // --demos off
        CHECK(s.Log().find("a-token-kept-in-a-file") == std::string::npos);
    }
    if (OnPostgres()) return;   // the PostgreSQL database keeps the hash above: the rest is a new store's first start
    // No token given: one is made, kept in DATA/admin-token for this user only, never logged.
    std::string fresh = Fresh("ops-new-token");
    ServerProcess s;
    REQUIRE(s.Start({"--data", fresh}, fresh + ".log", ""));
    std::string made;
    std::getline(std::ifstream(fresh + "/admin-token"), made);
    CHECK(made.size() == 32);
    CHECK((fs::status(fresh + "/admin-token").permissions() & (fs::perms::group_all | fs::perms::others_all)) == fs::perms::none);
    CHECK(s.Log().find(made) == std::string::npos);
    CHECK(s.Log().find("A new admin token is in " + fresh + "/admin-token") != std::string::npos);
    httplib::Client c("127.0.0.1", s.port);
    auto list = c.Get("/api/workspaces", Bearer(made));
    REQUIRE(list);
    CHECK(list->status == 200);
    CHECK(json::parse(list->body)["workspaces"].size() == 5);   // the demos
}

TEST_CASE("behind a trusted proxy the client is the address it forwards") {
    std::string data = Fresh("ops-proxy");
    ServerProcess s;
    REQUIRE(s.Start({"--data", data, "--trust-proxy", "127.0.0.1", "--streams-per-address", "1"}, data + ".log"));
    httplib::Client c("127.0.0.1", s.port);
    Created w = CreateFamiljehem(c);
    RawConnection a(s.port), b(s.port), again(s.port), spoofed(s.port);
    CHECK(OpenStream(a, w, "10.0.0.1") == 200);
    CHECK(OpenStream(b, w, "10.0.0.2") == 200);              // another client behind nginx
    CHECK(OpenStream(again, w, "10.0.0.1") == 429);          // the first one's second stream
    CHECK(OpenStream(spoofed, w, "10.0.0.9, 10.0.0.1") == 429);   // nginx appends: the last address counts
    s.Stop();

    ServerProcess direct;
    REQUIRE(direct.Start({"--data", data, "--streams-per-address", "1"}, data + "-direct.log"));
    RawConnection x(direct.port), y(direct.port);
    CHECK(OpenStream(x, w, "10.0.0.1") == 200);
    CHECK(OpenStream(y, w, "10.0.0.2") == 429);              // not trusted: the header means nothing
}

TEST_CASE("backups to a folder keep the newest; restore brings the workspaces and their history back") {
    std::string data = Fresh("ops-backup");
    std::string out;
    if (OnPostgres()) {
        fs::create_directories(data);
        CHECK(RunWithEnv("", {"--data", data, "--db", "postgresql://x@/y", "--backup", data + "/b/"}, out) == 1);
        CHECK(out.find("--backup and --restore are for SQLite; on PostgreSQL use pg_dump and pg_restore") != std::string::npos);
        return;
    }
    std::string folder = data + "-backups/";
    Created w;
    size_t history = 0;
    {
        ServerProcess s;
        REQUIRE(s.Start({"--data", data}, data + ".log"));
        httplib::Client c("127.0.0.1", s.port);
        w = CreateFamiljehem(c);
        for (int i = 1; i <= 3; ++i) REQUIRE(Patch(c, w, i, json::array({Op("replace", "/name", "Familjehem " + std::to_string(i))}))->status == 200);
        auto h = c.Get("/api/workspaces/" + w.id + "/history", Bearer(w.view));
        REQUIRE(h);
        history = json::parse(h->body)["history"].size();
        CHECK(history >= 4);
        // Three backups while the server runs, two kept.
        for (int i = 0; i < 3; ++i) {
            CHECK(RunWithEnv("", {"--data", data, "--backup", folder, "--keep", "2"}, out) == 0);
            CHECK(out.find("Backed up " + data + "/samverkan.sqlite3 to " + folder + "samverkan-") == 0);
        }
        CHECK(out.find("Removed the old backup") != std::string::npos);
        // Restoring under a running server is refused, and changes nothing.
        std::vector<fs::path> kept;
        for (auto& e : fs::directory_iterator(folder)) kept.push_back(e.path());
        REQUIRE(kept.size() == 2);
        CHECK(RunWithEnv("", {"--data", data, "--restore", kept[0].string()}, out) == 1);
        CHECK(out.find("already uses") != std::string::npos);
        CHECK(s.Stop() == 0);
    }
    std::vector<fs::path> kept;
    for (auto& e : fs::directory_iterator(folder)) kept.push_back(e.path());
    std::sort(kept.begin(), kept.end());
    CHECK(kept.back().filename().string().find(".part") == std::string::npos);
    CHECK(RunWithEnv("", {"--data", data, "--backup", data + "/one.sqlite3", "--keep", "2"}, out) == 1);   // --keep wants a folder

    // Broken: the database is overwritten. A file that is no database is refused; the backup is taken.
    std::ofstream(data + "/samverkan.sqlite3", std::ios::trunc) << "not a database any more";
    fs::remove(data + "/samverkan.sqlite3-wal");
    std::ofstream(data + "-garbage") << "garbage";
    CHECK(RunWithEnv("", {"--data", data, "--restore", data + "-garbage"}, out) == 1);
    CHECK(out.find("is not a Samverkan database") != std::string::npos);
    CHECK(RunWithEnv("", {"--data", data, "--restore", kept.back().string()}, out) == 0);
    CHECK(out.find("Restored 6 workspaces from " + kept.back().string()) != std::string::npos);
    CHECK(out.find("The database it replaced is kept as " + data + "/samverkan.sqlite3.before-restore-") != std::string::npos);

    ServerProcess s;
    REQUIRE(s.Start({"--data", data}, data + "-restored.log"));
    httplib::Client c("127.0.0.1", s.port);
    json state = Get(c, w);
    CHECK(state["revision"] == 4);
    CHECK(state["state"]["name"] == "Familjehem 3");
    auto h = c.Get("/api/workspaces/" + w.id + "/history", Bearer(w.view));
    REQUIRE(h);
    CHECK(json::parse(h->body)["history"].size() == history);
    CHECK(Patch(c, w, 4, json::array({Op("replace", "/name", "Familjehem 4")}))->status == 200);   // and it goes on
}
