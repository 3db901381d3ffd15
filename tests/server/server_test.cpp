// The server as a real process on a free loopback port, with a real SQLite file.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <chrono>
#include <random>
#include <thread>
#include "packed_state.h"
#include "process.h"
#include "static_files.h"

using json = nlohmann::json;
namespace fs = std::filesystem;

namespace {

std::string FreshDir(const std::string& name) {
    fs::path p = fs::path(TestTmpDir()) / name;
    fs::remove_all(p);
    return p.string();
}

const httplib::Headers kAdmin = {{"Authorization", "Bearer test-admin-token"}};

}  // namespace

TEST_CASE("serves the page, the wasm precompressed, and the demo workspaces") {
    std::string data = FreshDir("server-basic");
    ServerProcess s;
    REQUIRE(s.Start({"--data", data, "--web", SAMVERKAN_WEB_SITE}, data + ".log"));
    httplib::Client c("127.0.0.1", s.port);

    auto page = c.Get("/");
    REQUIRE(page);
    CHECK(page->status == 200);
    CHECK(page->get_header_value("Content-Type") == "text/html; charset=utf-8");
    CHECK(page->body.find("<html lang=\"sv\">") != std::string::npos);
    CHECK(page->get_header_value("Content-Security-Policy").find("default-src 'self'") != std::string::npos);
    CHECK(page->get_header_value("X-Content-Type-Options") == "nosniff");
    CHECK(page->get_header_value("Referrer-Policy") == "no-referrer");
    // The page's inline start-up script, and no other, may run: its hash is in the policy.
    std::string hashes = server::InlineScriptHashes(page->body);
    CHECK(hashes.find("'sha256-") == 0);
    CHECK(page->get_header_value("Content-Security-Policy").find("script-src 'self' 'wasm-unsafe-eval' " + hashes + ";") != std::string::npos);

    auto wasm = c.Get("/samverkan.wasm", {{"Accept-Encoding", "gzip"}});
    REQUIRE(wasm);
    CHECK(wasm->status == 200);
    CHECK(wasm->get_header_value("Content-Type") == "application/wasm");
    // httplib's client inflates the body: it must be the real module, "\0asm".
    CHECK(wasm->body.substr(0, 4) == std::string("\0asm", 4));
    httplib::Client raw("127.0.0.1", s.port);
    raw.set_decompress(false);
    auto gz = raw.Get("/samverkan.wasm", {{"Accept-Encoding", "gzip"}});
    REQUIRE(gz);
    CHECK(gz->get_header_value("Content-Encoding") == "gzip");
    auto plain = raw.Get("/samverkan.wasm");
    REQUIRE(plain);
    CHECK(plain->get_header_value("Content-Encoding").empty());
    CHECK(plain->body.size() > gz->body.size());

    // What a browser asks for (Brotli too): each file is encoded once, as stored, and the
    // script is byte for byte the precompressed file (not compressed again on the fly).
    const httplib::Headers browser = {{"Accept-Encoding", "gzip, deflate, br, zstd"}};
    auto script = raw.Get("/samverkan.js", browser);
    REQUIRE(script);
    CHECK(script->get_header_value_count("Content-Encoding") == 1);
    CHECK(script->get_header_value("Content-Encoding") == "gzip");
    CHECK(script->get_header_value("Content-Type") == "text/javascript; charset=utf-8");
    std::ifstream stored(std::string(SAMVERKAN_WEB_SITE) + "/samverkan.js.gz", std::ios::binary);
    std::string stored_gz((std::istreambuf_iterator<char>(stored)), std::istreambuf_iterator<char>());
    CHECK(script->body == stored_gz);
    // Other files name no inline scripts.
    CHECK(script->get_header_value("Content-Security-Policy").find("sha256") == std::string::npos);
    // A browser that has the program asks whether it changed: 304 and no body, per encoding.
    std::string tag = script->get_header_value("ETag");
    CHECK(tag.rfind("W/\"", 0) == 0);
    httplib::Headers again = browser;
    again.emplace("If-None-Match", tag);
    auto same = raw.Get("/samverkan.js", again);
    REQUIRE(same);
    CHECK(same->status == 304);
    CHECK(same->body.empty());
    CHECK(same->get_header_value("ETag") == tag);
    auto plain_again = raw.Get("/samverkan.js", {{"If-None-Match", tag}});   // another encoding: another tag
    REQUIRE(plain_again);
    CHECK(plain_again->status == 200);
    CHECK(plain_again->get_header_value("ETag") != tag);
    auto other = raw.Get("/samverkan.wasm", again);   // another file
    REQUIRE(other);
    CHECK(other->status == 200);
    auto page_again = c.Get("/", {{"If-None-Match", page->get_header_value("ETag")}});
    REQUIRE(page_again);
    CHECK(page_again->status == 304);
    auto packed_page = raw.Get("/", browser);
    REQUIRE(packed_page);
    CHECK(packed_page->get_header_value_count("Content-Encoding") == 1);
    CHECK(packed_page->get_header_value("Content-Encoding") == "gzip");
    CHECK(packed_page->body.size() < page->body.size());

    auto anonymous = c.Get("/api/workspaces");
    REQUIRE(anonymous);
    CHECK(anonymous->status == 401);
    CHECK(json::parse(anonymous->body)["error"] == "unauthorized");
    auto list = c.Get("/api/workspaces", kAdmin);
    REQUIRE(list);
    CHECK(list->status == 200);
    json l = json::parse(list->body);
    REQUIRE(l["workspaces"].size() == 5);
    CHECK(l["workspaces"][0]["name"] == "HälSam Västernorrland");
    std::string id = l["workspaces"][0]["id"];
    auto ws = c.Get("/api/workspaces/" + id, kAdmin);
    REQUIRE(ws);
    CHECK(ws->status == 200);
    CHECK(ws->get_header_value("ETag") == "\"1\"");
    json w = json::parse(ws->body);
    CHECK(w["revision"] == 1);
    CHECK(w["state"]["cost_items"]["samverkanskoordinator"]["cost_per_fte"] == 900000);

    // Nothing outside the web folder, and JSON errors for unknown things.
    for (const char* path : {"/../CMakeLists.txt", "/..%2fCMakeLists.txt", "/.hidden", "/%2e%2e/etc/passwd", "/nope.js"}) {
        INFO(path);
        auto r = c.Get(path);
        REQUIRE(r);
        CHECK(r->status == 404);
        CHECK(r->body.find("root:") == std::string::npos);
    }
    auto unknown = c.Get("/api/workspaces/doesnotexist", kAdmin);
    REQUIRE(unknown);
    CHECK(unknown->status == 404);
    CHECK(json::parse(unknown->body)["error"] == "unknown_workspace");
    auto badrev = c.Get("/api/workspaces/" + id + "?revision=99", kAdmin);
    REQUIRE(badrev);
    CHECK(badrev->status == 404);
    CHECK(json::parse(badrev->body)["error"] == "unknown_revision");

    CHECK(s.Stop(SIGTERM) == 0);
    CHECK(s.Log().find("Samverkan stopped.") != std::string::npos);
}

TEST_CASE("CSP hashes of a page's inline scripts") {
    // CSP hashes are SHA-256 of the exact text between the tags, in base64.
    CHECK(server::InlineScriptHashes("<p><script>alert(1)</script><script src=\"x.js\"></script>") ==
          "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='");
    CHECK(server::InlineScriptHashes("<script>alert(1)</script><script>\nconsole.log(\"å\");\n</script>") ==
          "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI=' 'sha256-zT/4FnkFiYHyMuUKTwRuVRr7eCq5D6iPcqgTTF1PSIM='");
    CHECK(server::InlineScriptHashes("<p>no scripts</p>").empty());
    CHECK(server::InlineScriptHashes("<script>never closed").empty());
}

TEST_CASE("a second start keeps the data and creates no second set of demos") {
    std::string data = FreshDir("server-restart");
    std::string first_id;
    {
        ServerProcess s;
        REQUIRE(s.Start({"--data", data}, data + "-1.log"));
        httplib::Client c("127.0.0.1", s.port);
        auto l = c.Get("/api/workspaces", kAdmin);
        REQUIRE(l);
        first_id = json::parse(l->body)["workspaces"][0]["id"];
        // Not a terminal: the links (they carry tokens) stay in the data folder, out of the log.
        CHECK(s.Log().find("HälSam Västernorrland: edit") == std::string::npos);
        CHECK(s.Log().find("The demo workspaces' links are in " + data + "/links.txt") != std::string::npos);
        CHECK(s.Log().find("Admin token") == std::string::npos);   // it came from the environment
        CHECK(s.Stop(SIGINT) == 0);
    }
    CHECK(fs::exists(data + "/samverkan.sqlite3") != OnPostgres());   // with --db, no SQLite file is made
    CHECK((fs::status(data + "/links.txt").permissions() & fs::perms::others_read) == fs::perms::none);
    ServerProcess s;
    // --print-links: what a terminal shows (./run); kept apart from the logs log_secrets reads.
    REQUIRE(s.Start({"--data", data, "--print-links"}, data + "-2.terminal"));
    CHECK(s.Log().find("HälSam Västernorrland: edit http://127.0.0.1:") != std::string::npos);
    httplib::Client c("127.0.0.1", s.port);
    auto l = c.Get("/api/workspaces", kAdmin);
    REQUIRE(l);
    json list = json::parse(l->body)["workspaces"];
    CHECK(list.size() == 5);
    CHECK(list[0]["id"] == first_id);
}

TEST_CASE("start-up errors: one clear line, exit 1, no half-made data file") {
    std::string out;
    // A port in use.
    std::string data = FreshDir("server-port");
    ServerProcess s;
    REQUIRE(s.Start({"--data", data}, data + ".log"));
    std::string other = FreshDir("server-port-2");
    int code = RunServer({"--port", std::to_string(s.port), "--data", other}, out);
    CHECK(code == 1);
    CHECK(out == "samverkan-server: cannot listen on 127.0.0.1:" + std::to_string(s.port) + ": the port is in use or not allowed\n");
    CHECK_FALSE(fs::exists(other + "/samverkan.sqlite3"));

    // A data path that cannot be a folder (its parent is a file).
    std::string file = FreshDir("server-file");
    std::ofstream(file) << "x";
    code = RunServer({"--port", "0", "--data", file + "/data"}, out);
    CHECK(code == 1);
    CHECK(out.rfind("samverkan-server: cannot create the data folder " + file + "/data: Not a directory", 0) == 0);
    code = RunServer({"--port", "0", "--data", file}, out);
    CHECK(code == 1);
    CHECK(out == "samverkan-server: the data path " + file + " is not a folder\n");

    // A web folder without the app.
    code = RunServer({"--port", "0", "--data", other, "--web", "/nonexistent"}, out);
    CHECK(code == 1);
    CHECK(out.find("the web folder /nonexistent has no index.html") != std::string::npos);

    // Bad flags.
    CHECK(RunServer({"--port", "http"}, out) == 2);
    CHECK(out.rfind("samverkan-server: --port takes a number from 0 to 65535, not \"http\"", 0) == 0);
    CHECK(RunServer({"--colour", "blue"}, out) == 2);
    CHECK(RunServer({"--help"}, out) == 0);
    for (const char* flag : {"--host", "--port", "--data", "--web"}) CHECK(out.find(flag) != std::string::npos);
}

TEST_CASE("a SQLite file takes one server process, and says who has it; PostgreSQL takes a second instance") {
    std::string data = FreshDir("server-second");
    ServerProcess first;
    REQUIRE(first.Start({"--data", data}, data + "-1.log"));
    if (OnPostgres()) {
        ServerProcess second;
        REQUIRE(second.Start({"--data", data}, data + "-2.log"));   // the same database
        httplib::Client c("127.0.0.1", second.port);
        auto l = c.Get("/api/workspaces", kAdmin);
        REQUIRE(l);
        CHECK(json::parse(l->body)["workspaces"].size() == 5);   // the first one's demos, not a second set
        return;
    }
    std::string out;
    CHECK(RunServer({"--port", "0", "--data", data}, out) == 1);
    CHECK(out == "samverkan-server: another samverkan-server (process " + std::to_string(first.pid) + ") already uses " + data +
                 "/samverkan.sqlite3. Stop it first, or give this one another --data folder. Several instances share one database "
                 "only on PostgreSQL (--db).\n");
    // Once the first has stopped (even killed), the file is free again.
    CHECK(first.Stop(SIGKILL) == -SIGKILL);
    ServerProcess again;
    CHECK(again.Start({"--data", data}, data + "-3.log"));
    // --backup is for SQLite, and says so with --db.
    CHECK(RunServer({"--db", "postgresql://nobody@/none", "--backup", data + "/copy.sqlite3"}, out) == 1);
    CHECK(out.find("--backup and --restore are for SQLite; on PostgreSQL use pg_dump and pg_restore") != std::string::npos);
    CHECK(RunServer({"--db", "mysql://x"}, out) == 2);
    CHECK(out.rfind("samverkan-server: --db takes a PostgreSQL URI (postgresql://…), not \"mysql://x\"", 0) == 0);
}

namespace {

int Threads(pid_t pid) {
    std::ifstream f("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(f, line))
        if (line.rfind("Threads:", 0) == 0) return std::stoi(line.substr(8));
    return -1;
}

}  // namespace

TEST_CASE("workspaces nobody uses leave memory and their threads end; the next request loads them again") {
    std::string data = TestTmpDir() + "/server-unload";
    std::filesystem::remove_all(data);
    ServerProcess s;
    REQUIRE(s.Start({"--data", data, "--unload-after", "1"}, data + ".log"));
    httplib::Client c("127.0.0.1", s.port);
    auto admin = [] { return httplib::Headers{{"Authorization", "Bearer test-admin-token"}}; };
    // The demos were just made (and loaded): wait until they are unloaded, for a base line.
    auto settle = [&](int at_most) {
        int n = Threads(s.pid);
        for (int i = 0; i < 100 && n > at_most; ++i) {
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
            n = Threads(s.pid);
        }
        return n;
    };
    std::this_thread::sleep_for(std::chrono::milliseconds(2500));
    int base = Threads(s.pid);
    REQUIRE(base > 0);
    std::vector<std::pair<std::string, std::string>> made;   // id, edit token
    for (int i = 0; i < 120; ++i) {
        auto r = c.Post("/api/workspaces", admin(), nlohmann::json{{"name", "W" + std::to_string(i)}, {"demo", "familjehem-vasternorrland"}}.dump(),
                        "application/json");
        REQUIRE(r);
        REQUIRE(r->status == 201);
        auto j = nlohmann::json::parse(r->body);
        std::string id = j["id"], token = j["edit_token"];
        auto p = c.Patch("/api/workspaces/" + id, {{"Authorization", "Bearer " + token}, {"If-Match", "\"1\""}},
                         R"([{"op":"replace","path":"/description","value":"ändrad"}])", "application/json-patch+json");
        REQUIRE(p);
        REQUIRE(p->status == 200);
        made.push_back({id, token});
    }
    int busy = Threads(s.pid);
    CHECK(busy > base + 50);          // a writer per workspace while they are in use
    int after = settle(base + 4);
    CHECK(after <= base + 4);         // ... and none left once they are quiet
    // A quiet workspace answers as before, from disk: its state, history and a new change.
    auto& [id, token] = made[7];
    httplib::Headers auth{{"Authorization", "Bearer " + token}};
    auto got = c.Get("/api/workspaces/" + id, auth);
    REQUIRE(got->status == 200);
    CHECK(nlohmann::json::parse(got->body)["revision"] == 2);
    CHECK(nlohmann::json::parse(got->body)["state"]["description"] == "ändrad");
    auto again = c.Patch("/api/workspaces/" + id, {{"Authorization", "Bearer " + token}, {"If-Match", "\"1\""}},
                         R"([{"op":"replace","path":"/name","value":"Ny"}])", "application/json-patch+json");
    REQUIRE(again->status == 200);   // rebased on revision 2, as before the unload
    CHECK(nlohmann::json::parse(again->body)["revision"] == 3);
    auto stale = c.Patch("/api/workspaces/" + id, {{"Authorization", "Bearer " + token}, {"If-Match", "\"1\""}},
                         R"([{"op":"replace","path":"/description","value":"krock"}])", "application/json-patch+json");
    CHECK(stale->status == 409);     // the clash is still found: the recent changes came back from disk
    CHECK(nlohmann::json::parse(c.Get("/api/workspaces/" + id + "/history", auth)->body)["history"].size() == 3);
}

TEST_CASE("packed states: one per workspace, the newest revision, dropped by an erasure or past the limit") {
    auto packed = [](const std::string& text) {
        auto p = std::make_shared<server::DeflatedText>();
        REQUIRE(server::DeflatePiece(text, false, *p));
        CHECK(p->size == text.size());
        return p;
    };
    std::string noise;   // deflates to about 900 bytes
    std::mt19937 random(7);
    for (int i = 0; i < 1500; ++i) noise += (char)('a' + random() % 26);
    const size_t limit = packed(noise)->data.size() * 2 + 100;   // room for two of them
    server::PackedStates states(limit);
    uint64_t g = states.Generation();
    states.Put("a", 4, g, packed(std::string(5000, 'a')));   // a few bytes deflated
    CHECK(states.Find("a", 4) != nullptr);
    CHECK(states.Find("a", 3) == nullptr);   // another revision's answer is never given
    CHECK(states.Find("b", 4) == nullptr);
    states.Put("a", 3, g, packed("older"));  // older than the one kept: ignored
    CHECK(states.Find("a", 4) != nullptr);
    // A text read before an erasure began is not kept after it.
    uint64_t before = states.Generation();
    states.Drop("a");
    CHECK(states.Find("a", 4) == nullptr);
    states.Put("a", 4, before, packed("read before the erasure"));
    CHECK(states.Find("a", 4) == nullptr);
    // Past the limit the least recently used goes.
    g = states.Generation();
    states.Put("x", 1, g, packed(noise));
    states.Put("y", 1, g, packed(noise + "y"));
    CHECK(states.Find("x", 1) != nullptr);   // x used last: y goes when z comes
    states.Put("z", 1, g, packed(noise + "z"));
    CHECK(states.Bytes() <= limit);
    CHECK(states.Find("y", 1) == nullptr);
    CHECK(states.Find("x", 1) != nullptr);
    CHECK(states.Find("z", 1) != nullptr);
    states.Clear();
    CHECK(states.Bytes() == 0);
    CHECK(states.Find("x", 1) == nullptr);
}
