// The sync API through a real server process and a real SQLite file: access, patches
// with revisions, clashes, history, events, durability.
#include <doctest/doctest.h>
#include <httplib.h>
#include <algorithm>
#include <nlohmann/json.hpp>
#include <atomic>
#include <filesystem>
#include <mutex>
#include <random>
#include <thread>
#include "api_client.h"
#include "follower.h"
#include "process.h"

using json = nlohmann::json;
namespace fs = std::filesystem;

namespace {

const std::string kStatus = "/matters/familjehemsorganisation/decisions/";

}  // namespace

TEST_CASE("access: edit and view links, the admin token, and nothing else") {
    std::string data = Fresh("api-access");
    ServerProcess s;
    REQUIRE(s.Start({"--data", data}, data + ".log"));
    httplib::Client c("127.0.0.1", s.port);
    Created a = CreateFamiljehem(c);
    Created b = Create(c, {{"name", "Tom"}});
    CHECK(a.edit.size() == 32);
    CHECK(a.edit != a.view);

    CHECK(Get(c, a)["state"]["name"] == "Familjehem");
    CHECK(c.Get("/api/workspaces/" + a.id, Bearer(a.edit))->status == 200);
    CHECK(c.Get("/api/workspaces/" + a.id)->status == 401);
    CHECK(c.Get("/api/workspaces/" + a.id, Bearer("0123456789abcdef0123456789abcdef"))->status == 401);
    CHECK(c.Get("/api/workspaces/" + a.id, Bearer(b.edit))->status == 401);
    auto listed = c.Get("/api/workspaces", Bearer(a.view));
    REQUIRE(listed->status == 200);
    CHECK(json::parse(listed->body)["workspaces"].size() == 1);

    json change = json::array({Op("replace", kStatus + "harnosand/status", "adopted")});
    auto by_view = Patch(c, a, 1, change, a.view);
    CHECK(by_view->status == 403);
    CHECK(json::parse(by_view->body)["error"] == "forbidden");
    CHECK(Patch(c, a, 1, change, "wrong")->status == 401);
    CHECK(Patch(c, a, 1, change, b.edit)->status == 401);
    CHECK(c.Post("/api/workspaces", Bearer(a.edit), R"({"name":"x"})", "application/json")->status == 403);
    CHECK(c.Post("/api/workspaces", R"({"name":"x"})", "application/json")->status == 401);
    CHECK(c.Post("/api/workspaces", kAdmin, R"({"name": ""})", "application/json")->status == 400);
    CHECK(c.Post("/api/workspaces", kAdmin, R"({"name": "x", "demo": "okand"})", "application/json")->status == 400);
    auto bad_state = c.Post("/api/workspaces", kAdmin, R"({"name": "x", "state": {"schema_version": 2, "name": "x", "parties": {"a": {"name": "A", "kind": "kommun"}}}})", "application/json");
    CHECK(bad_state->status == 422);
    CHECK(json::parse(bad_state->body)["problems"][0]["path"] == "/parties/a/kind");
    CHECK(Get(c, a)["revision"] == 1);   // nothing was stored
    // A workspace document sent as the body itself is refused by name, not made an empty workspace.
    size_t before = json::parse(c.Get("/api/workspaces", kAdmin)->body)["workspaces"].size();
    auto document = c.Post("/api/workspaces", kAdmin, R"({"schema_version": 2, "name": "x", "parties": {}, "matters": {}})", "application/json");
    CHECK(document->status == 400);
    std::string said = json::parse(document->body)["message"];
    CHECK(said.find("unknown field(s) matters, parties, schema_version") != std::string::npos);
    CHECK(said.find("a workspace document goes in \"state\"") != std::string::npos);
    CHECK(c.Post("/api/workspaces", kAdmin, R"({"name": "x", "demo": "halsam-vasternorrland", "state": {}})", "application/json")->status == 400);
    CHECK(json::parse(c.Get("/api/workspaces", kAdmin)->body)["workspaces"].size() == before);
}

TEST_CASE("a workspace goes to a browser gzipped once, and plain to a client that asks for no encoding") {
    std::string data = Fresh("api-encoding");
    ServerProcess s;
    REQUIRE(s.Start({"--data", data}, data + ".log"));
    httplib::Client c("127.0.0.1", s.port);
    Created w = CreateFamiljehem(c);
    json expected = Get(c, w);

    httplib::Client raw("127.0.0.1", s.port);
    raw.set_decompress(false);
    httplib::Headers browser = Bearer(w.view);
    browser.emplace("Accept-Encoding", "gzip, deflate, br, zstd");
    auto packed = raw.Get("/api/workspaces/" + w.id, browser);
    REQUIRE(packed);
    CHECK(packed->status == 200);
    CHECK(packed->get_header_value_count("Content-Encoding") == 1);
    CHECK(packed->get_header_value("Content-Encoding") == "gzip");   // not httplib's slow Brotli
    CHECK(packed->get_header_value("Vary") == "Accept-Encoding");
    CHECK(packed->body.substr(0, 2) == "\x1f\x8b");
    auto plain = raw.Get("/api/workspaces/" + w.id, Bearer(w.view));
    REQUIRE(plain);
    CHECK_FALSE(plain->has_header("Content-Encoding"));
    CHECK(json::parse(plain->body) == expected);
    CHECK(packed->body.size() * 2 < plain->body.size());
    auto inflated = c.Get("/api/workspaces/" + w.id, browser);   // httplib's client inflates it
    REQUIRE(inflated);
    CHECK(json::parse(inflated->body) == expected);
    CHECK(packed->get_header_value("X-Uncompressed-Length") == std::to_string(inflated->body.size()));
    // The state is deflated once per revision and kept; each answer's own envelope is not: the
    // edit link is told "edit" from the same kept state, and a change makes a new one.
    httplib::Headers editor = Bearer(w.edit);
    editor.emplace("Accept-Encoding", "gzip");
    auto as_editor = c.Get("/api/workspaces/" + w.id, editor);
    REQUIRE(as_editor);
    json edited = json::parse(as_editor->body);
    CHECK(edited["access"] == "edit");
    CHECK(edited["state"] == expected["state"]);
    CHECK(Patch(c, w, 1, json::array({Op("replace", "/name", "Familjehem 2")}))->status == 200);
    auto newer = c.Get("/api/workspaces/" + w.id, editor);
    REQUIRE(newer);
    json now = json::parse(newer->body);
    CHECK(now["revision"] == 2);
    CHECK(now["state"]["name"] == "Familjehem 2");
    auto newer_plain = raw.Get("/api/workspaces/" + w.id, Bearer(w.edit));
    REQUIRE(newer_plain);
    CHECK(json::parse(newer_plain->body) == now);
    // Small answers go as they are.
    auto health = raw.Get("/api/health", {{"Accept-Encoding", "gzip, br"}});
    REQUIRE(health);
    CHECK_FALSE(health->has_header("Content-Encoding"));
    CHECK(json::parse(health->body)["ok"] == true);
}

TEST_CASE("patches: revisions, validation, clashes, history and restore") {
    std::string data = Fresh("api-patch");
    ServerProcess s;
    REQUIRE(s.Start({"--data", data}, data + ".log"));
    httplib::Client c("127.0.0.1", s.port);
    Created w = CreateFamiljehem(c);

    auto ok = Patch(c, w, 1, json::array({Op("replace", kStatus + "harnosand/status", "adopted"), Op("add", kStatus + "harnosand/date", "2017-10-02")}),
                    "", "Anna%20Svensson");
    REQUIRE(ok->status == 200);
    CHECK(json::parse(ok->body)["revision"] == 2);
    CHECK(ok->get_header_value("ETag") == "\"2\"");
    json now = Get(c, w);
    CHECK(now["revision"] == 2);
    CHECK(now["state"]["matters"]["familjehemsorganisation"]["decisions"]["harnosand"]["status"] == "adopted");

    // Bad requests: nothing is stored, the revision stays.
    struct Bad { std::string what; httplib::Result r; int status; std::string code; };
    httplib::Headers edit = Bearer(w.edit);
    httplib::Headers with_match = edit;
    with_match.emplace("If-Match", "\"2\"");
    std::vector<Bad> bad;
    bad.push_back({"no If-Match", c.Patch("/api/workspaces/" + w.id, edit, "[]", "application/json-patch+json"), 428, "if_match_required"});
    bad.push_back({"wrong type", c.Patch("/api/workspaces/" + w.id, with_match, "[]", "text/plain"), 415, "unsupported_media_type"});
    bad.push_back({"malformed", c.Patch("/api/workspaces/" + w.id, with_match, "[{\"op\": ", "application/json-patch+json"), 400, "malformed_json"});
    bad.push_back({"bad op", Patch(c, w, 2, json::array({Op("frobnicate", "/name")})), 422, "invalid_patch"});
    bad.push_back({"unknown path", Patch(c, w, 2, json::array({Op("replace", "/matters/nope/title", "x")})), 422, "invalid_patch"});
    bad.push_back({"negative FTE", Patch(c, w, 2, json::array({Op("replace", "/cost_items/enhetschef/fte", -1)})), 422, "invalid_patch"});
    bad.push_back({"future base", Patch(c, w, 9, json::array({Op("replace", "/name", "x")})), 409, "unknown_base"});
    bad.push_back({"unknown workspace", c.Patch("/api/workspaces/nope", with_match, "[]", "application/json-patch+json"), 401, "unauthorized"});
    for (auto& b : bad) {
        INFO(b.what);
        REQUIRE(b.r);
        CHECK(b.r->status == b.status);
        CHECK(json::parse(b.r->body)["error"] == b.code);
    }
    auto fte = Patch(c, w, 2, json::array({Op("replace", "/cost_items/enhetschef/fte", -1)}));
    CHECK(json::parse(fte->body)["problems"][0]["path"] == "/cost_items/enhetschef/fte");
    CHECK(json::parse(fte->body)["problems"][0]["sv"] == "Får inte vara negativt (-1)");
    CHECK(Get(c, w)["revision"] == 2);

    // Two editors at revision 2, different fields: both kept (the second is rebased).
    auto first = Patch(c, w, 2, json::array({Op("replace", kStatus + "solleftea/status", "adopted")}));
    auto second = Patch(c, w, 2, json::array({Op("replace", kStatus + "ange/status", "paused")}));
    REQUIRE(first->status == 200);
    REQUIRE(second->status == 200);
    CHECK(json::parse(second->body)["revision"] == 4);
    json both = Get(c, w)["state"]["matters"]["familjehemsorganisation"]["decisions"];
    CHECK(both["solleftea"]["status"] == "adopted");
    CHECK(both["ange"]["status"] == "paused");
    // The same field from an old base: a real clash.
    auto clash = Patch(c, w, 2, json::array({Op("replace", kStatus + "solleftea/status", "declined")}));
    REQUIRE(clash->status == 409);
    json cj = json::parse(clash->body);
    CHECK(cj["error"] == "conflict");
    CHECK(cj["revision"] == 4);
    CHECK(cj["clashes"][0]["path"] == kStatus + "solleftea/status");
    // Array edits clash with any edit of the same array.
    CHECK(Patch(c, w, 4, json::array({Op("add", "/bodies/familjehemsenhet/mandate/-", "Ny uppgift")}))->status == 200);
    CHECK(Patch(c, w, 4, json::array({Op("remove", "/bodies/familjehemsenhet/mandate/0")}))->status == 409);

    auto history = c.Get("/api/workspaces/" + w.id + "/history", Bearer(w.view));
    REQUIRE(history->status == 200);
    json h = json::parse(history->body)["history"];
    REQUIRE(h.size() == 5);
    CHECK(h[0]["revision"] == 5);
    CHECK(h[3]["author"] == "Redigering (Anna Svensson)");   // the link's name, the client's X-Author as detail
    CHECK(h[4]["summary"] == "Arbetsytan skapades");
    // Each change in words, as it was when made: the party, the old and the new status.
    CHECK(std::string(h[1]["summary"]).find("Ånge: Ej beslutat → Pausat") == 0);
    auto english = c.Get("/api/workspaces/" + w.id + "/history?lang=en", Bearer(w.view));
    REQUIRE(english->status == 200);
    CHECK(std::string(json::parse(english->body)["history"][1]["summary"]).find("Ånge: Pending → Paused") == 0);
    CHECK(json::parse(english->body)["history"][4]["summary"] == "The workspace was created");

    auto old = c.Get("/api/workspaces/" + w.id + "?revision=1", Bearer(w.view));
    REQUIRE(old->status == 200);
    CHECK(json::parse(old->body)["state"]["matters"]["familjehemsorganisation"]["decisions"]["harnosand"]["status"] == "pending");
    auto restore = c.Post("/api/workspaces/" + w.id + "/restore", Bearer(w.edit), R"({"revision": 1})", "application/json");
    REQUIRE(restore->status == 200);
    CHECK(json::parse(restore->body)["revision"] == 6);
    CHECK(Get(c, w)["state"] == json::parse(old->body)["state"]);
    json after = json::parse(c.Get("/api/workspaces/" + w.id + "/history", Bearer(w.view))->body)["history"];
    CHECK(after[0]["summary"] == "Återställd till revision 1");
    CHECK(c.Post("/api/workspaces/" + w.id + "/restore", Bearer(w.view), R"({"revision": 1})", "application/json")->status == 403);
}

TEST_CASE("Idempotency-Key: a change sent again after a lost answer is one revision, answered as the first time") {
    std::string data = Fresh("api-idempotency");
    ServerProcess s;
    REQUIRE(s.Start({"--data", data}, data + ".log"));
    httplib::Client c("127.0.0.1", s.port);
    Created w = CreateFamiljehem(c);
    auto send = [&](const std::string& key, int64_t base, const json& patch) {
        httplib::Headers h = Bearer(w.edit);
        h.emplace("If-Match", "\"" + std::to_string(base) + "\"");
        if (!key.empty()) h.emplace("Idempotency-Key", key);
        return c.Patch("/api/workspaces/" + w.id, h, patch.dump(), "application/json-patch+json");
    };
    // An array append: applied twice it would add two members.
    json add = json::array({Op("add", "/bodies/familjehemsenhet/mandate/-", "Ett uppdrag")});
    auto first = send("k-7f3a-1", 1, add);
    REQUIRE(first);
    REQUIRE(first->status == 200);
    CHECK(json::parse(first->body)["revision"] == 2);
    auto again = send("k-7f3a-1", 1, add);
    REQUIRE(again);
    CHECK(again->status == 200);
    CHECK(json::parse(again->body)["revision"] == 2);
    CHECK(json::parse(again->body)["replayed"] == true);
    CHECK(again->get_header_value("ETag") == "\"2\"");
    json now = Get(c, w);
    CHECK(now["revision"] == 2);
    auto mandate = now["state"]["bodies"]["familjehemsenhet"]["mandate"];
    CHECK(std::count(mandate.begin(), mandate.end(), "Ett uppdrag") == 1);
    // Another key is another change; a malformed key is refused by name.
    auto other = send("k-7f3a-2", 2, add);
    REQUIRE(other);
    CHECK(json::parse(other->body)["revision"] == 3);
    auto bad = send("mellan slag", 3, add);
    REQUIRE(bad);
    CHECK(bad->status == 400);
    CHECK(json::parse(bad->body)["error"] == "bad_idempotency_key");
    CHECK(send(std::string(129, 'k'), 3, add)->status == 400);
    // After a restart the key is still known (it is stored with the revision).
    CHECK(s.Stop() == 0);
    ServerProcess after;
    REQUIRE(after.Start({"--data", data}, data + "-2.log"));
    httplib::Client c2("127.0.0.1", after.port);
    httplib::Headers h = Bearer(w.edit);
    h.emplace("If-Match", "\"1\"");
    h.emplace("Idempotency-Key", "k-7f3a-1");
    auto late = c2.Patch("/api/workspaces/" + w.id, h, add.dump(), "application/json-patch+json");
    REQUIRE(late);
    CHECK(late->status == 200);
    CHECK(json::parse(late->body)["revision"] == 2);
    CHECK(Get(c2, w)["revision"] == 3);
}

TEST_CASE("a restart: an edit made against a revision from before it is still rebased, and a clash still found") {
    std::string data = Fresh("api-restart");
    Created w;
    {
        ServerProcess s;
        REQUIRE(s.Start({"--data", data}, data + "-0.log"));
        httplib::Client c("127.0.0.1", s.port);
        w = CreateFamiljehem(c);
        REQUIRE(Patch(c, w, 1, json::array({Op("replace", kStatus + "harnosand/status", "adopted")}))->status == 200);
        REQUIRE(s.Stop(SIGTERM) == 0);
    }
    ServerProcess s;
    REQUIRE(s.Start({"--data", data}, data + "-1.log"));
    httplib::Client c("127.0.0.1", s.port);
    // An editor who was offline across the restart, still at revision 1.
    auto elsewhere = Patch(c, w, 1, json::array({Op("replace", kStatus + "ange/status", "paused")}));
    REQUIRE(elsewhere);
    CHECK(elsewhere->status == 200);
    CHECK(json::parse(elsewhere->body)["revision"] == 3);
    auto same = Patch(c, w, 1, json::array({Op("replace", kStatus + "harnosand/status", "declined")}));
    REQUIRE(same);
    CHECK(same->status == 409);
    CHECK(json::parse(same->body)["error"] == "conflict");
    CHECK(json::parse(same->body)["clashes"][0]["revision"] == 2);
    json d = Get(c, w)["state"]["matters"]["familjehemsorganisation"]["decisions"];
    CHECK(d["harnosand"]["status"] == "adopted");
    CHECK(d["ange"]["status"] == "paused");
}

TEST_CASE("SIGTERM while editors write: every answered change is stored, and the server exits cleanly") {
    std::string data = Fresh("api-term");
    Created w;
    ServerProcess s;
    REQUIRE(s.Start({"--data", data}, data + "-0.log"));
    {
        httplib::Client c("127.0.0.1", s.port);
        w = CreateFamiljehem(c);
    }
    static const char* kParties[] = {"harnosand", "ange", "solleftea", "kramfors"};
    std::atomic<int> answered{0};
    std::atomic<bool> go{true};
    std::vector<std::thread> editors;
    for (int e = 0; e < 4; ++e)
        editors.emplace_back([&, e] {
            httplib::Client wc("127.0.0.1", s.port);
            int64_t base = 1;
            for (int i = 0; go && i < 2000; ++i) {
                auto r = Patch(wc, w, base, json::array({Op("replace", kStatus + kParties[e] + "/status", i % 2 ? "adopted" : "paused")}));
                if (!r) break;
                if (r->status != 200) continue;
                base = json::parse(r->body)["revision"];
                ++answered;
            }
        });
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    CHECK(s.Stop(SIGTERM) == 0);
    go = false;
    for (auto& t : editors) t.join();
    REQUIRE(answered > 0);
    ServerProcess again;
    REQUIRE(again.Start({"--data", data}, data + "-1.log"));
    httplib::Client c("127.0.0.1", again.port);
    MESSAGE("changes answered before SIGTERM: " << answered.load());
    CHECK(Get(c, w)["revision"].get<int64_t>() >= 1 + answered.load());
}

TEST_CASE("oversized and hostile requests get a 4xx and the server stays up") {
    std::string data = Fresh("api-hostile");
    ServerProcess s;
    REQUIRE(s.Start({"--data", data}, data + ".log"));
    httplib::Client c("127.0.0.1", s.port);
    Created w = Create(c, {{"name", "Tom"}});
    // Oversized bodies, chunked bodies and header floods: hostile_test.cpp, with raw sockets.
    for (const char* path : {"/api/workspaces/../../etc/passwd", "/api/nope", "/api/workspaces/x/y/z"}) {
        auto g = c.Get(path, kAdmin);
        REQUIRE(g);
        CHECK(g->status / 100 == 4);
    }
    CHECK(Get(c, w)["revision"] == 1);
    auto health = c.Get("/api/health");
    REQUIRE(health);
    CHECK(health->status == 200);
}


TEST_CASE("events: every follower sees each accepted patch, and resumes without a gap") {
    std::string data = Fresh("api-events");
    ServerProcess s;
    REQUIRE(s.Start({"--data", data}, data + ".log"));
    httplib::Client c("127.0.0.1", s.port);
    Created w = CreateFamiljehem(c);
    Follower f;
    f.id = w.id;
    f.token = w.view;
    f.port = s.port;
    f.Start();
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    auto t0 = std::chrono::steady_clock::now();
    REQUIRE(Patch(c, w, 1, json::array({Op("replace", kStatus + "kramfors/status", "adopted")}))->status == 200);
    REQUIRE(WaitFor([&] { return f.events >= 1; }, 2000));
    double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    MESSAGE("a patch reached its follower in " << ms << " ms");
    CHECK(ms < 1000);
    {
        std::lock_guard lock(f.mu);
        CHECK(f.state == Get(c, w)["state"]);
    }
    f.End();
    // Two patches while away; a new follower from Last-Event-ID 2 gets both.
    REQUIRE(Patch(c, w, 2, json::array({Op("replace", kStatus + "ange/status", "adopted")}))->status == 200);
    REQUIRE(Patch(c, w, 3, json::array({Op("replace", kStatus + "solleftea/status", "declined")}))->status == 200);
    Follower h;
    h.id = w.id;
    h.token = w.view;
    h.port = s.port;
    auto old = c.Get("/api/workspaces/" + w.id + "?revision=2", Bearer(w.view));
    REQUIRE(old->status == 200);
    h.Start(json::parse(old->body)["state"], 2);
    CHECK(WaitFor([&] { std::lock_guard lock(h.mu); return h.revision == 4; }, 3000));
    std::lock_guard lock(h.mu);
    CHECK(h.state == Get(c, w)["state"]);
}

TEST_CASE("kill -9 during a stream of writes: every acknowledged revision survives (20 times)") {
    std::string data = Fresh("api-kill");
    Created w;
    {
        ServerProcess s;
        REQUIRE(s.Start({"--data", data}, data + "-0.log"));
        httplib::Client c("127.0.0.1", s.port);
        w = CreateFamiljehem(c);
        s.Stop(SIGKILL);
    }
    static const char* kStatuses[] = {"adopted", "declined", "paused", "pending"};
    int64_t acknowledged = 1;
    for (int round = 0; round < 20; ++round) {
        ServerProcess s;
        REQUIRE(s.Start({"--data", data}, data + "-" + std::to_string(round + 1) + ".log"));
        httplib::Client c("127.0.0.1", s.port);
        // Everything acknowledged before the last kill is there.
        json now = Get(c, w);
        REQUIRE(now["revision"].get<int64_t>() >= acknowledged);
        acknowledged = now["revision"];
        std::atomic<bool> go{true};
        std::atomic<int64_t> last_ack{acknowledged};
        std::thread writer([&] {
            httplib::Client wc("127.0.0.1", s.port);
            int64_t base = last_ack;
            for (int i = 0; go && i < 1000; ++i) {
                auto r = Patch(wc, w, base, json::array({Op("replace", kStatus + "harnosand/status", kStatuses[i % 4])}));
                if (!r || r->status != 200) break;
                base = json::parse(r->body)["revision"];
                last_ack = base;
            }
        });
        std::this_thread::sleep_for(std::chrono::milliseconds(60 + round * 7));
        s.Stop(SIGKILL);
        go = false;
        writer.join();
        acknowledged = last_ack;
    }
    ServerProcess s;
    REQUIRE(s.Start({"--data", data}, data + "-last.log"));
    httplib::Client c("127.0.0.1", s.port);
    json final_state = Get(c, w);
    CHECK(final_state["revision"].get<int64_t>() >= acknowledged);
    MESSAGE("acknowledged revisions after 20 kills: " << acknowledged);
    CHECK(acknowledged > 20);
    // The history is complete: one row per revision.
    auto h = c.Get("/api/workspaces/" + w.id + "/history", Bearer(w.view));
    CHECK(json::parse(h->body)["history"][0]["revision"] == final_state["revision"]);
}

TEST_CASE("200 open event streams, and the API still answers; all of them get the patch") {
    std::string data = Fresh("api-streams");
    ServerProcess s;
    REQUIRE(s.Start({"--data", data}, data + ".log"));
    httplib::Client c("127.0.0.1", s.port);
    Created w = CreateFamiljehem(c);
    std::vector<std::unique_ptr<Follower>> followers;
    for (int i = 0; i < 200; ++i) {
        auto f = std::make_unique<Follower>();
        f->id = w.id;
        f->token = w.view;
        f->port = s.port;
        f->Start();
        followers.push_back(std::move(f));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    auto t0 = std::chrono::steady_clock::now();
    auto health = c.Get("/api/health");
    REQUIRE(health);
    CHECK(health->status == 200);
    CHECK(std::chrono::steady_clock::now() - t0 < std::chrono::seconds(1));
    t0 = std::chrono::steady_clock::now();
    REQUIRE(Patch(c, w, 1, json::array({Op("replace", kStatus + "kramfors/status", "adopted")}))->status == 200);
    bool all = WaitFor([&] {
        for (auto& f : followers) if (f->events < 1) return false;
        return true;
    }, 5000);
    double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    MESSAGE("one patch reached 200 followers in " << ms << " ms");
    CHECK(all);
    for (auto& f : followers) f->End();
}

TEST_CASE("randomized: 10 clients x 100 random edits converge on the server's state") {
    std::string data = Fresh("api-random");
    ServerProcess s;
    REQUIRE(s.Start({"--data", data}, data + ".log"));
    httplib::Client c("127.0.0.1", s.port);
    Created w = Create(c, {{"name", "Norrbotten"}, {"demo", "norrbotten"}});
    json start = Get(c, w);
    std::vector<std::string> parties;
    for (auto& [p, d] : start["state"]["matters"]["nara-vard"]["decisions"].items()) parties.push_back(p);
    std::vector<std::unique_ptr<Follower>> clients;
    for (int i = 0; i < 10; ++i) {
        auto f = std::make_unique<Follower>();
        f->id = w.id;
        f->token = w.edit;
        f->port = s.port;
        f->Start();
        clients.push_back(std::move(f));
    }
    std::atomic<int> accepted{0}, clashed{0};
    std::vector<std::thread> editors;
    for (int i = 0; i < 10; ++i)
        editors.emplace_back([&, i] {
            std::mt19937 rng(1000 + i);
            httplib::Client ec("127.0.0.1", s.port);
            static const char* kStatuses[] = {"adopted", "declined", "paused", "pending", "adopted_with_conditions"};
            for (int n = 0; n < 100; ++n) {
                int64_t base;
                {
                    std::lock_guard lock(clients[i]->mu);
                    base = clients[i]->revision;
                }
                std::string party = parties[rng() % parties.size()];
                std::string matter = rng() % 2 ? "nara-vard" : "suicidprevention";
                json patch = json::array({Op("replace", "/matters/" + matter + "/decisions/" + party + "/status", kStatuses[rng() % 5])});
                if (rng() % 5 == 0) patch = json::array({Op("replace", "/cost_items/suicidprevention-bidrag/amount", 700000 + (int)(rng() % 100000))});
                auto r = Patch(ec, w, base, patch, "", "klient-" + std::to_string(i));
                if (r && r->status == 200) ++accepted;
                else if (r && r->status == 409) ++clashed;
                else FAIL("unexpected answer " << (r ? r->status : -1));
            }
        });
    for (auto& t : editors) t.join();
    int64_t final_revision = Get(c, w)["revision"];
    CHECK(final_revision == 1 + accepted);
    for (auto& f : clients)
        CHECK(WaitFor([&] { std::lock_guard lock(f->mu); return f->revision == final_revision; }, 5000));
    json server_state = Get(c, w)["state"];
    for (auto& f : clients) {
        std::lock_guard lock(f->mu);
        CHECK(f->state == server_state);
    }
    MESSAGE("accepted " << accepted.load() << ", clashed " << clashed.load());
    CHECK(accepted > 300);
    for (auto& f : clients) f->End();
}

TEST_CASE("documents: the report, the beslutsunderlag, annexes and CSVs for holders of a link") {
    std::string data = Fresh("api-documents");
    ServerProcess s;
    REQUIRE(s.Start({"--data", data}, data + ".log"));
    httplib::Client c("127.0.0.1", s.port);
    Created w = CreateFamiljehem(c);
    std::string base = "/w/" + w.id;

    auto r = c.Get(base + "/report", Bearer(w.view));
    REQUIRE(r);
    CHECK(r->status == 200);
    CHECK(r->get_header_value("Content-Type") == "text/html; charset=utf-8");
    CHECK(r->get_header_value("Referrer-Policy") == "no-referrer");
    CHECK(r->body.rfind("<!DOCTYPE html>\n<html lang=\"sv\">", 0) == 0);
    CHECK(r->body.find("<h2>Struktur</h2>") != std::string::npos);
    CHECK(r->body.find("<th scope=\"col\">Part</th>") != std::string::npos);
    // A browser opening a link sends the token as ?access_token=.
    // It is sent on to the address without the token, which a cookie for this workspace's
    // documents carries instead (a printed page's header and footer show no token).
    auto moved = c.Get(base + "/report?access_token=" + w.view + "&lang=en");
    REQUIRE(moved->status == 303);
    CHECK(moved->get_header_value("Location") == base + "/report?lang=en");
    std::string cookie = moved->get_header_value("Set-Cookie");
    CHECK(cookie == "samverkan_doc=" + w.view + "; Path=" + base + "/; HttpOnly; SameSite=Strict; Max-Age=28800");
    auto followed = c.Get(base + "/report?lang=en", {{"Cookie", "theme=dark; samverkan_doc=" + w.view}});
    CHECK(followed->status == 200);
    CHECK(followed->body.find("<html lang=\"en\">") != std::string::npos);
    CHECK(c.Get("/api/workspaces/" + w.id, {{"Cookie", "samverkan_doc=" + w.view}})->status == 401);   // the API never reads it
    CHECK(c.Get(base + "/report", {{"Cookie", "xsamverkan_doc=" + w.view}})->status == 401);
    // It follows the newest revision.
    REQUIRE(Patch(c, w, 1, json::array({Op("replace", "/parties/kramfors/name", "Kramfors kommun")}))->status == 200);
    CHECK(c.Get(base + "/report", Bearer(w.view))->body.find("Kramfors kommun") != std::string::npos);

    auto md = c.Get(base + "/report?format=md", Bearer(w.view));
    CHECK(md->get_header_value("Content-Type") == "text/markdown; charset=utf-8");
    CHECK(md->body.rfind("# Familjehem", 0) == 0);
    auto paper = c.Get(base + "/beslutsunderlag.md", Bearer(w.edit));
    REQUIRE(paper->status == 200);
    CHECK(paper->body.find("# Beslutsunderlag: Familjehem") == 0);
    auto annex = c.Get(base + "/bilaga/kramfors", Bearer(w.view));
    REQUIRE(annex->status == 200);
    CHECK(annex->body.find("<h1>Bilaga för Kramfors kommun: Familjehem</h1>") != std::string::npos);
    CHECK(c.Get(base + "/bilaga/atlantis", Bearer(w.view))->status == 404);
    auto csv = c.Get(base + "/costs.csv", Bearer(w.view));
    REQUIRE(csv->status == 200);
    CHECK(csv->get_header_value("Content-Type") == "text/csv; charset=utf-8");
    CHECK(csv->get_header_value("Content-Disposition") == "attachment; filename=\"familjehem-kostnader.csv\"");
    CHECK(csv->body.rfind("\xEF\xBB\xBFPart;2018;2019;2020;Totalt;Andel (%)\r\n", 0) == 0);
    // The Excel workbook: a zip (xlsx), named after the workspace; the year must be a year.
    auto book = c.Get(base + "/samverkan.xlsx?year=2019", Bearer(w.view));
    REQUIRE(book->status == 200);
    CHECK(book->get_header_value("Content-Type") == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    CHECK(book->get_header_value("Content-Disposition") == "attachment; filename=\"familjehem.xlsx\"");
    CHECK(book->body.rfind("PK\x03\x04", 0) == 0);
    CHECK(book->body.size() > 5000);
    CHECK(c.Get(base + "/samverkan.xlsx?year=19", Bearer(w.view))->status == 400);
    CHECK(c.Get(base + "/samverkan.xlsx")->status == 401);
    auto bad = c.Get(base + "/budget.csv", Bearer(w.view));
    CHECK(bad->status == 404);
    CHECK(json::parse(bad->body)["error"] == "not_found");

    // Without the link, or with another workspace's: refused, as JSON.
    Created other = Create(c, {{"name", "Annan"}});
    CHECK(c.Get(base + "/report")->status == 401);
    CHECK(c.Get(base + "/report", Bearer(other.view))->status == 401);
    CHECK(c.Get(base + "/costs.csv?access_token=nonsense")->status == 401);
}

TEST_CASE("follow mode: the facilitator's slide reaches every follower as an event") {
    std::string data = Fresh("api-presentation");
    ServerProcess s;
    REQUIRE(s.Start({"--data", data}, data + ".log"));
    httplib::Client c("127.0.0.1", s.port);
    Created w = Create(c, {{"name", "HälSam"}, {"demo", "halsam-vasternorrland"}});
    std::string path = "/api/workspaces/" + w.id + "/presentation";

    std::mutex mu;
    std::string seen;
    std::atomic<bool> stop{false};
    std::thread follower([&] {
        httplib::Client f("127.0.0.1", s.port);
        f.set_read_timeout(5, 0);
        f.Get("/api/workspaces/" + w.id + "/events", Bearer(w.view), [&](const char* d, size_t n) {
            std::lock_guard lock(mu);
            seen.append(d, n);
            // Ends once stopped and the last slide event is in (a keep-alive may come between).
            return !stop.load() || seen.find("{\"active\":false,\"slide\":0}") == std::string::npos;
        });
    });
    REQUIRE(WaitFor([&] { std::lock_guard lock(mu); return seen.find("event: hello") != std::string::npos; }, 3000));
    auto t0 = std::chrono::steady_clock::now();
    auto r = c.Post(path, Bearer(w.edit), R"({"active": true, "slide": 3})", "application/json");
    REQUIRE(r);
    CHECK(r->status == 200);
    CHECK(WaitFor([&] { std::lock_guard lock(mu); return seen.find("event: presentation\ndata: {\"active\":true,\"slide\":3}") != std::string::npos; }, 2000));
    MESSAGE("a slide change reached its follower in " << std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count() << " ms");
    // A view link follows but cannot steer; bad bodies are refused.
    CHECK(c.Post(path, Bearer(w.view), R"({"active": true, "slide": 4})", "application/json")->status == 403);
    CHECK(c.Post(path, Bearer(w.edit), R"({"slide": 4})", "application/json")->status == 400);
    CHECK(c.Post(path, Bearer(w.edit), R"({"active": true, "slide": -1})", "application/json")->status == 400);
    CHECK(c.Post(path, Bearer(w.edit), R"({"active": tru)", "application/json")->status == 400);
    // A follower that joins later gets the current slide at once.
    auto late = std::make_shared<std::string>();
    httplib::Client g("127.0.0.1", s.port);
    g.Get("/api/workspaces/" + w.id + "/events", Bearer(w.view), [&](const char* d, size_t n) {
        late->append(d, n);
        return late->find("event: presentation") == std::string::npos;
    });
    CHECK(late->find("\"slide\":3") != std::string::npos);
    stop = true;
    c.Post(path, Bearer(w.edit), R"({"active": false})", "application/json");   // wakes the first follower
    follower.join();
    std::lock_guard lock(mu);
    CHECK(seen.find("{\"active\":false,\"slide\":0}") != std::string::npos);
}
