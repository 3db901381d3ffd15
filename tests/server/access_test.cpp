// Access you can take back, and personal data you can erase, through the real server process
// and its real SQLite file: named links, revocation and rotation (open streams end too),
// authors from links, archive, delete and erasure down to the database file's bytes.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <sqlite3.h>
#include <chrono>
#include <fstream>
#include <iterator>
#include "api_client.h"
#include "process.h"
#include "auth.h"
#include "raw_client.h"
#include "sql.h"

namespace {

struct NewLink { std::string id, token; };

NewLink MakeLink(httplib::Client& c, const Created& w, const std::string& by, const std::string& name, const std::string& role) {
    auto r = c.Post("/api/workspaces/" + w.id + "/links", Bearer(by), json{{"name", name}, {"role", role}}.dump(), "application/json");
    REQUIRE(r);
    INFO(r->body);
    REQUIRE(r->status == 201);
    json j = json::parse(r->body);
    CHECK(j["name"] == name);
    CHECK(j["role"] == role);
    CHECK(j["fragment"] == "#w=" + w.id + "&t=" + j["token"].get<std::string>());
    return {j["link_id"], j["token"]};
}

json Links(httplib::Client& c, const Created& w, const std::string& by) {
    auto r = c.Get("/api/workspaces/" + w.id + "/links", Bearer(by));
    REQUIRE(r);
    REQUIRE(r->status == 200);
    return json::parse(r->body)["links"];
}

int Status(const httplib::Result& r) { return r ? r->status : 0; }

// An event stream's status, read from its head: a stream that opens never ends by itself
// (a keep-alive every 3 s), so the request stops once the head is in.
int StreamStatus(httplib::Client& c, const std::string& path) {
    int status = 0;
    c.Get(path, httplib::Headers{}, [&](const httplib::Response& res) { status = res.status; return false; },
          [](const char*, size_t) { return false; });
    return status;
}

// Every route a token may open, and what it answers with `token`.
std::vector<std::pair<std::string, int>> EveryRoute(httplib::Client& c, const Created& w, const std::string& token) {
    std::string base = "/api/workspaces/" + w.id;
    std::vector<std::pair<std::string, int>> out = {
        {"GET workspace", Status(c.Get(base, Bearer(token)))},
        {"GET revision", Status(c.Get(base + "?revision=1", Bearer(token)))},
        {"GET history", Status(c.Get(base + "/history", Bearer(token)))},
        {"GET links", Status(c.Get(base + "/links", Bearer(token)))},
        {"GET events", StreamStatus(c, base + "/events?access_token=" + token + "&last_event_id=0")},
        {"GET report", Status(c.Get("/w/" + w.id + "/report?access_token=" + token))},
        {"GET report by cookie", Status(c.Get("/w/" + w.id + "/report", {{"Cookie", "samverkan_doc=" + token}}))},
        {"GET csv", Status(c.Get("/w/" + w.id + "/costs.csv", Bearer(token)))},
        {"GET annex", Status(c.Get("/w/" + w.id + "/bilaga/kramfors", Bearer(token)))},
        {"PATCH", Status(Patch(c, w, 1, json::array({Op("replace", "/description", "x")}), token))},
        {"POST restore", Status(c.Post(base + "/restore", Bearer(token), R"({"revision":1})", "application/json"))},
        {"POST presentation", Status(c.Post(base + "/presentation", Bearer(token), R"({"active":true})", "application/json"))},
        {"POST links", Status(c.Post(base + "/links", Bearer(token), R"({"name":"x","role":"view"})", "application/json"))},
    };
    return out;
}

// An event stream on a raw connection: what arrived, and whether (and when) the server closed it.
struct Stream {
    RawConnection conn;
    std::string data;
    Stream(int port, const std::string& id, const std::string& token) : conn(port) {
        conn.Send("GET /api/workspaces/" + id + "/events?access_token=" + token + " HTTP/1.1\r\nHost: x\r\n\r\n");
        Read(300);
    }
    // Reads for up to `ms`; returns the milliseconds until the server ended the stream (its last
    // chunk, or closing the connection), or -1.
    int Read(int ms) {
        auto start = std::chrono::steady_clock::now();
        auto until = start + std::chrono::milliseconds(ms);
        while (std::chrono::steady_clock::now() < until) {
            pollfd p{conn.fd, POLLIN, 0};
            if (poll(&p, 1, 20) <= 0) continue;
            char buf[65536];
            ssize_t n = recv(conn.fd, buf, sizeof buf, 0);
            if (n > 0) data.append(buf, (size_t)n);
            if (n <= 0 || data.find("\r\n0\r\n\r\n") != std::string::npos)
                return (int)std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
        }
        return -1;
    }
};

std::string FileBytes(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
}

// The test's database, through the server's own layer (server/db.h).
std::unique_ptr<server::Db> OpenTestDb(const std::string& data) {
    std::string error;
    auto db = OnPostgres() ? server::OpenPostgres(TestDbUri(data), &error) : server::OpenSqlite(data + "/samverkan.sqlite3", &error);
    INFO(error);
    REQUIRE(db);
    return db;
}

int64_t CountRows(const std::string& data, const std::string& sql) {
    auto db = OpenTestDb(data);
    server::Stmt st(*db, sql);
    return st.Step() == server::kRow ? st.Int(0) : -1;
}

// What is stored, as bytes: on SQLite the database file and its WAL (what a disk image would
// show); on PostgreSQL every row of every table as text.
std::string DatabaseBytes(const std::string& data) {
    if (!OnPostgres()) return FileBytes(data + "/samverkan.sqlite3") + FileBytes(data + "/samverkan.sqlite3-wal");
    auto db = OpenTestDb(data);
    std::string out;
    for (const char* table : {"meta", "workspaces", "revisions", "snapshots", "links", "audit", "portfolios"}) {
        server::Stmt st(*db, std::string("SELECT t::text FROM ") + table + " t");
        while (st.Step() == server::kRow) out += st.Text(0) + "\n";
    }
    return out;
}

// The admin's list entry of a workspace.
json Listed(httplib::Client& c, const std::string& id) {
    json all = json::parse(c.Get("/api/workspaces", kAdmin)->body);
    for (auto& w : all["workspaces"])
        if (w["id"] == id) return w;
    FAIL("workspace " << id << " is not listed");
    return {};
}

std::string Lower(std::string s) {
    for (char& c : s) if (c >= 'A' && c <= 'Z') c = (char)(c - 'A' + 'a');
    return s;
}

}  // namespace

TEST_CASE("links: who may make, list, rotate and revoke them; tokens are never listed") {
    std::string data = Fresh("access-links");
    ServerProcess s;
    REQUIRE(s.Start({"--data", data}, data + ".log"));
    httplib::Client c("127.0.0.1", s.port);
    Created w = CreateFamiljehem(c);
    Created other = Create(c, {{"name", "Annan"}});

    // The two first links are links like any other.
    json first = Links(c, w, w.edit);
    REQUIRE(first.size() == 2);
    CHECK(first[0]["name"] == "Redigering");
    CHECK(first[0]["role"] == "edit");
    CHECK(first[0]["yours"] == true);
    CHECK(first[1]["name"] == "Visning");
    CHECK(first[1]["role"] == "view");

    NewLink anna = MakeLink(c, w, w.edit, "Anna Svensson, Kramfors", "edit");
    NewLink board = MakeLink(c, w, "test-admin-token", "Styrgruppen", "view");
    CHECK(anna.token.size() == 32);
    // Who may make one: the admin and edit links; not view links, others' links or nobody.
    std::string body = json{{"name", "X"}, {"role", "view"}}.dump();
    std::string path = "/api/workspaces/" + w.id + "/links";
    CHECK(c.Post(path, Bearer(w.view), body, "application/json")->status == 403);
    CHECK(c.Post(path, Bearer(other.edit), body, "application/json")->status == 401);
    CHECK(c.Post(path, body, "application/json")->status == 401);
    CHECK(c.Get(path, Bearer(w.view))->status == 403);
    CHECK(c.Get(path, Bearer(other.edit))->status == 401);
    // What a link is made of.
    CHECK(c.Post(path, Bearer(w.edit), R"({"role":"view"})", "application/json")->status == 400);
    CHECK(c.Post(path, Bearer(w.edit), R"({"name":"X","role":"owner"})", "application/json")->status == 400);
    CHECK(c.Post(path, Bearer(w.edit), json{{"name", std::string(81, 'a')}, {"role", "view"}}.dump(), "application/json")->status == 400);
    CHECK(c.Post(path, Bearer(w.edit), json{{"name", "   "}, {"role", "view"}}.dump(), "application/json")->status == 400);
    CHECK(c.Post(path, Bearer(w.edit), json{{"name", "a\nb"}, {"role", "view"}}.dump(), "application/json")->status == 400);

    // The new links work as their roles say.
    CHECK(Status(c.Get("/api/workspaces/" + w.id, Bearer(anna.token))) == 200);
    CHECK(Status(Patch(c, w, 1, json::array({Op("replace", "/description", "Av Anna")}), anna.token)) == 200);
    CHECK(Status(Patch(c, w, 2, json::array({Op("replace", "/description", "Av styrgruppen")}), board.token)) == 403);

    // Listed without tokens, with who made them and when they were last used.
    auto listed = c.Get(path, kAdmin);
    REQUIRE(listed->status == 200);
    for (auto& t : {w.edit, w.view, anna.token, board.token}) CHECK(listed->body.find(t) == std::string::npos);
    json links = json::parse(listed->body)["links"];
    REQUIRE(links.size() == 4);
    CHECK(links[2]["name"] == "Anna Svensson, Kramfors");
    CHECK(links[2]["created_by"] == "Redigering");
    CHECK(links[3]["created_by"] == "admin");
    CHECK(links[2]["last_used"].get<std::string>().size() == 20);   // 2026-12-01T10:00:00Z
    CHECK(links[3]["last_used"] != "");   // a refused change is a use too
    CHECK(links[0]["yours"] == false);   // the admin holds no link

    // Rotation: a new token for the same name and role; the old one opens nothing.
    auto rotated = c.Post(path + "/" + anna.id + "/rotate", Bearer(w.edit), "", "application/json");
    REQUIRE(rotated->status == 200);
    json r = json::parse(rotated->body);
    CHECK(r["link_id"] == anna.id);
    CHECK(r["name"] == "Anna Svensson, Kramfors");
    CHECK(r["role"] == "edit");
    CHECK(r["token"] != anna.token);
    CHECK(Status(c.Get("/api/workspaces/" + w.id, Bearer(anna.token))) == 401);
    CHECK(Status(c.Get("/api/workspaces/" + w.id, Bearer(r["token"].get<std::string>()))) == 200);

    // Revocation: 204, then 401 on every route; a second revoke is a 404.
    NewLink gone = MakeLink(c, w, w.edit, "Bortrest konsult", "edit");
    for (auto& [route, status] : EveryRoute(c, w, gone.token)) { INFO(route); CHECK(status != 401); }
    CHECK(c.Delete(path + "/" + gone.id, Bearer(w.edit))->status == 204);
    for (auto& [route, status] : EveryRoute(c, w, gone.token)) { INFO(route); CHECK(status == 401); }
    CHECK(c.Delete(path + "/" + gone.id, Bearer(w.edit))->status == 404);
    CHECK(c.Delete(path + "/" + board.id, Bearer(w.view))->status == 403);
    CHECK(c.Delete(path + "/" + board.id, Bearer(other.edit))->status == 401);
    CHECK(c.Delete("/api/workspaces/" + other.id + "/links/" + board.id, Bearer(other.edit))->status == 404);

    // The last edit link: not by a link holder, only by the admin.
    CHECK(c.Delete(path + "/" + anna.id, Bearer(w.edit))->status == 204);
    auto last = c.Delete(path + "/" + first[0]["link_id"].get<std::string>(), Bearer(w.edit));
    CHECK(last->status == 409);
    CHECK(json::parse(last->body)["error"] == "last_edit_link");
    CHECK(c.Delete(path + "/" + first[0]["link_id"].get<std::string>(), kAdmin)->status == 204);
    CHECK(Status(c.Get("/api/workspaces/" + w.id, Bearer(w.edit))) == 401);

    // What was done is in the audit log, for the admin only.
    CHECK(c.Get("/api/audit", Bearer(w.view))->status == 403);
    CHECK(c.Get("/api/audit")->status == 401);
    auto audit = c.Get("/api/audit", kAdmin);
    REQUIRE(audit->status == 200);
    std::string log = audit->body;
    CHECK(log.find("link_made") != std::string::npos);
    CHECK(log.find("link_rotated") != std::string::npos);
    CHECK(log.find("link_revoked") != std::string::npos);
}

TEST_CASE("lifecycle, erasure and the audit log: the admin only, whatever link is shown") {
    std::string data = Fresh("access-admin-only");
    ServerProcess s;
    REQUIRE(s.Start({"--data", data}, data + ".log"));
    httplib::Client c("127.0.0.1", s.port);
    Created w = CreateFamiljehem(c);
    Created other = Create(c, {{"name", "Annan"}});
    NewLink gone = MakeLink(c, w, w.edit, "Återkallad", "edit");
    REQUIRE(c.Delete("/api/workspaces/" + w.id + "/links/" + gone.id, Bearer(w.edit))->status == 204);
    std::string base = "/api/workspaces/" + w.id;
    auto send = [&](const std::string& what, const std::string& token) {
        httplib::Headers h = token.empty() ? httplib::Headers{} : Bearer(token);
        if (what == "rename") return Status(c.Post(base + "/rename", h, R"({"name":"X"})", "application/json"));
        if (what == "archive") return Status(c.Post(base + "/archive", h, "", "application/json"));
        if (what == "unarchive") return Status(c.Post(base + "/unarchive", h, "", "application/json"));
        if (what == "erase") return Status(c.Post(base + "/erase", h, R"({"text":"Kramfors"})", "application/json"));
        if (what == "delete") return Status(c.Delete(base, h));
        return Status(c.Get("/api/audit", h));
    };
    for (std::string what : {"rename", "archive", "unarchive", "erase", "delete", "audit"}) {
        INFO(what);
        CHECK(send(what, "") == 401);
        CHECK(send(what, "0123456789abcdef0123456789abcdef") == 401);
        CHECK(send(what, gone.token) == 401);
        CHECK(send(what, w.view) == 403);
        CHECK(send(what, w.edit) == 403);
        CHECK(send(what, other.edit) == 403);
    }
    CHECK(Get(c, w)["revision"] == 1);   // nothing of it happened
    CHECK(json::parse(c.Get(base, Bearer(w.edit))->body)["archived"] == false);
}

TEST_CASE("revoking or rotating a link ends its open event streams within a second") {
    std::string data = Fresh("access-streams");
    ServerProcess s;
    REQUIRE(s.Start({"--data", data}, data + ".log"));
    httplib::Client c("127.0.0.1", s.port);
    Created w = CreateFamiljehem(c);
    NewLink leaving = MakeLink(c, w, w.edit, "Lämnar", "view");
    NewLink staying = MakeLink(c, w, w.edit, "Stannar", "view");
    Stream gone(s.port, w.id, leaving.token), kept(s.port, w.id, staying.token);
    REQUIRE(gone.data.find("event: hello") != std::string::npos);
    REQUIRE(kept.data.find("event: hello") != std::string::npos);

    auto t0 = std::chrono::steady_clock::now();
    REQUIRE(c.Delete("/api/workspaces/" + w.id + "/links/" + leaving.id, Bearer(w.edit))->status == 204);
    int closed_after = gone.Read(3000);
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0).count();
    MESSAGE("revoked stream closed " << ms << " ms after the revoke was sent");
    CHECK(closed_after >= 0);
    CHECK(ms < 1000);
    CHECK(kept.Read(300) == -1);   // another link's stream goes on, and still gets changes
    REQUIRE(Status(Patch(c, w, 1, json::array({Op("replace", "/description", "Efter")}))) == 200);
    kept.Read(500);
    CHECK(kept.data.find("event: patch") != std::string::npos);

    auto rotated = c.Post("/api/workspaces/" + w.id + "/links/" + staying.id + "/rotate", Bearer(w.edit), "", "application/json");
    REQUIRE(rotated->status == 200);
    CHECK(kept.Read(1000) >= 0);
}

TEST_CASE("a change made through a named link is by that link's name; X-Author only adds detail") {
    std::string data = Fresh("access-authors");
    ServerProcess s;
    REQUIRE(s.Start({"--data", data}, data + ".log"));
    httplib::Client c("127.0.0.1", s.port);
    Created w = CreateFamiljehem(c);
    NewLink anna = MakeLink(c, w, w.edit, "Anna Svensson, Kramfors", "edit");
    Stream follower(s.port, w.id, w.view);
    REQUIRE(Status(Patch(c, w, 1, json::array({Op("replace", "/description", "a")}), anna.token)) == 200);
    REQUIRE(Status(Patch(c, w, 2, json::array({Op("replace", "/description", "b")}), anna.token, "Styrelsen%20i%20Kramfors")) == 200);
    REQUIRE(Status(Patch(c, w, 3, json::array({Op("replace", "/description", "c")}), anna.token, "Anna%20Svensson%2C%20Kramfors")) == 200);
    // A forged author cannot pass as someone else: the link's name comes first.
    REQUIRE(Status(Patch(c, w, 4, json::array({Op("replace", "/description", "d")}), w.edit, "Anna%20Svensson%2C%20Kramfors")) == 200);
    json h = json::parse(c.Get("/api/workspaces/" + w.id + "/history", Bearer(w.view))->body)["history"];
    CHECK(h[3]["author"] == "Anna Svensson, Kramfors");
    CHECK(h[2]["author"] == "Anna Svensson, Kramfors (Styrelsen i Kramfors)");
    CHECK(h[1]["author"] == "Anna Svensson, Kramfors");
    CHECK(h[0]["author"] == "Redigering (Anna Svensson, Kramfors)");
    follower.Read(500);
    CHECK(follower.data.find("\"author\":\"Anna Svensson, Kramfors (Styrelsen i Kramfors)\"") != std::string::npos);
}

TEST_CASE("archive: read-only for every link and said so; restore; only the admin does either") {
    std::string data = Fresh("access-archive");
    ServerProcess s;
    REQUIRE(s.Start({"--data", data}, data + ".log"));
    httplib::Client c("127.0.0.1", s.port);
    Created w = CreateFamiljehem(c);
    std::string base = "/api/workspaces/" + w.id;
    Stream follower(s.port, w.id, w.view);
    CHECK(c.Post(base + "/archive", Bearer(w.edit), "", "application/json")->status == 403);
    CHECK(c.Post(base + "/archive", Bearer(w.view), "", "application/json")->status == 403);
    auto archived = c.Post(base + "/archive", kAdmin, "", "application/json");
    REQUIRE(archived->status == 200);
    CHECK(json::parse(archived->body)["archived"] == true);
    follower.Read(500);
    CHECK(follower.data.find("event: archived\ndata: {\"archived\":true}") != std::string::npos);

    json change = json::array({Op("replace", "/description", "x")});
    for (auto& token : {w.edit, std::string("test-admin-token")}) {
        auto r = Patch(c, w, 1, change, token);
        CHECK(r->status == 423);
        CHECK(json::parse(r->body)["error"] == "archived");
    }
    CHECK(c.Post(base + "/restore", Bearer(w.edit), R"({"revision":1})", "application/json")->status == 423);
    CHECK(c.Post(base + "/links", Bearer(w.edit), R"({"name":"x","role":"view"})", "application/json")->status == 423);
    json got = json::parse(c.Get(base, Bearer(w.edit))->body);
    CHECK(got["access"] == "view");
    CHECK(got["archived"] == true);
    CHECK(Status(c.Get("/w/" + w.id + "/report", Bearer(w.view))) == 200);   // still readable
    json listed = Listed(c, w.id);
    CHECK(listed["archived"] == true);
    CHECK(listed["links"] == 2);

    REQUIRE(c.Post(base + "/unarchive", kAdmin, "", "application/json")->status == 200);
    CHECK(Status(Patch(c, w, 1, change)) == 200);
    CHECK(json::parse(c.Get(base, Bearer(w.edit))->body)["access"] == "edit");

    // Rename: a change like any other, in the history, by the admin.
    CHECK(c.Post(base + "/rename", Bearer(w.edit), R"({"name":"Nytt"})", "application/json")->status == 403);
    REQUIRE(c.Post(base + "/rename", kAdmin, R"({"name":"Familjehem 2027"})", "application/json")->status == 200);
    CHECK(Get(c, w)["state"]["name"] == "Familjehem 2027");
    CHECK(json::parse(c.Get(base + "/history", Bearer(w.view))->body)["history"][0]["author"] == "admin");
    CHECK(Listed(c, w.id)["name"] == "Familjehem 2027");
}

TEST_CASE("delete: nothing of the workspace is left, not even in the database file's bytes") {
    std::string data = Fresh("access-delete");
    ServerProcess s;
    REQUIRE(s.Start({"--data", data}, data + ".log"));
    httplib::Client c("127.0.0.1", s.port);
    Created keep = CreateFamiljehem(c);
    Created w = Create(c, {{"name", "Raderingsprov"}, {"demo", "familjehem-vasternorrland"}});
    const std::string marker = "Kvarglomd-Raderingsmarkor";
    for (int i = 0; i < 60; ++i)   // past a snapshot (every 50 revisions)
        REQUIRE(Status(Patch(c, w, 1 + i, json::array({Op("replace", "/description", marker + " " + std::to_string(i))}))) == 200);
    MakeLink(c, w, w.edit, marker, "view");
    Stream follower(s.port, w.id, w.view);
    REQUIRE(DatabaseBytes(data).find(marker) != std::string::npos);

    CHECK(c.Delete("/api/workspaces/" + w.id, Bearer(w.edit))->status == 403);
    auto stored_size = [&] {   // SQLite: the file and its WAL; PostgreSQL: the database
        // PostgreSQL: the main fork of the tables, their TOAST tables and indexes (the first VACUUM
        // adds free-space and visibility maps of its own, a few pages that say nothing here).
        if (OnPostgres())
            return (uintmax_t)CountRows(data, "SELECT sum(pg_relation_size(c.oid, 'main')) FROM pg_class c WHERE c.oid IN "
                                              "(SELECT unnest(ARRAY['revisions'::regclass, 'snapshots'::regclass]) UNION "
                                              "SELECT reltoastrelid FROM pg_class WHERE oid IN ('revisions'::regclass, 'snapshots'::regclass) UNION "
                                              "SELECT indexrelid FROM pg_index WHERE indrelid IN ('revisions'::regclass, 'snapshots'::regclass))");
        return std::filesystem::file_size(data + "/samverkan.sqlite3") + std::filesystem::file_size(data + "/samverkan.sqlite3-wal");
    };
    auto size_before = stored_size();
    REQUIRE(c.Delete("/api/workspaces/" + w.id, kAdmin)->status == 204);
    auto size_after = stored_size();
    MESSAGE("stored bytes: " << size_before << " before the delete, " << size_after << " after");
    if (OnPostgres()) CHECK(size_after <= size_before);   // VACUUM keeps the pages for reuse, never more
    else CHECK(size_after < size_before);                 // the file gives the space back
    CHECK(follower.Read(1000) >= 0);   // its streams ended
    CHECK(c.Get("/api/workspaces/" + w.id, kAdmin)->status == 404);
    CHECK(c.Get("/api/workspaces/" + w.id, Bearer(w.edit))->status == 401);
    CHECK(c.Delete("/api/workspaces/" + w.id, kAdmin)->status == 404);
    for (auto& table : {"workspaces WHERE id", "revisions WHERE workspace", "snapshots WHERE workspace", "links WHERE workspace"})
        CHECK(CountRows(data, std::string("SELECT count(*) FROM ") + table + " = '" + w.id + "'") == 0);
    CHECK(DatabaseBytes(data).find(marker) == std::string::npos);
    // The other workspace is untouched, and the audit log says what was deleted.
    CHECK(Get(c, keep)["revision"] == 1);
    CHECK(json::parse(c.Get("/api/audit", kAdmin)->body)["audit"][0]["action"] == "deleted");
}

TEST_CASE("erase: a person's name and number leave every revision, event, link and the file, and every revision still loads") {
    std::string data = Fresh("access-erase");
    ServerProcess s;
    REQUIRE(s.Start({"--data", data}, data + ".log"));
    httplib::Client c("127.0.0.1", s.port);
    Created w = CreateFamiljehem(c);
    const std::string name = "Greta Erasmusdotter", phone = "070-999 88 77";
    NewLink greta = MakeLink(c, w, w.edit, name + ", Kramfors", "edit");
    std::string members = "/bodies/familjehemsenhet/members/";
    json greta_member = {{"name", name}, {"party", "kramfors"}, {"role", "Familjehemssekreterare"}, {"contact", phone}};
    REQUIRE(Status(Patch(c, w, 1, json::array({Op("add", "/bodies/familjehemsenhet/members", {{"erasmusdotter", greta_member}})}), greta.token)) == 200);
    int64_t rev = 2;
    for (int i = 0; i < 55; ++i, ++rev)   // past a snapshot, which then holds her
        REQUIRE(Status(Patch(c, w, rev, json::array({Op("replace", "/description", "Möte " + std::to_string(i) + " med " + name)}))) == 200);
    REQUIRE(Status(Patch(c, w, rev, json::array({Op("replace", members + "erasmusdotter/name", "Greta ERASMUSDOTTER")}), greta.token)) == 200);
    ++rev;
    Stream follower(s.port, w.id, w.view);
    REQUIRE(Lower(DatabaseBytes(data)).find("erasmusdotter") != std::string::npos);

    // Who may, and what may be erased.
    std::string path = "/api/workspaces/" + w.id + "/erase";
    CHECK(c.Post(path, Bearer(w.edit), R"({"text":"Erasmusdotter"})", "application/json")->status == 403);
    auto too_short = c.Post(path, kAdmin, R"({"text":"Er"})", "application/json");
    CHECK(too_short->status == 400);
    CHECK(json::parse(too_short->body)["error"] == "bad_text");
    CHECK(json::parse(too_short->body)["sv"].get<std::string>().find("minst 3 tecken") != std::string::npos);
    // A text that would break the workspace's structure (a key of every entity) changes nothing.
    auto breaking = c.Post(path, kAdmin, R"({"text":"name"})", "application/json");
    CHECK(breaking->status == 422);
    CHECK(Get(c, w)["state"]["name"] == "Familjehem");

    auto erased = c.Post(path, kAdmin, json{{"text", "erasmusdotter"}}.dump(), "application/json");
    REQUIRE(erased);
    INFO(erased->body);
    REQUIRE(erased->status == 200);
    CHECK(json::parse(erased->body)["occurrences"].get<int64_t>() >= 60);
    auto wiped = c.Post(path, kAdmin, json{{"text", phone}}.dump(), "application/json");
    REQUIRE(wiped->status == 200);
    CHECK(json::parse(wiped->body)["occurrences"].get<int64_t>() >= 1);
    follower.Read(1000);
    CHECK(follower.data.find("event: reset") != std::string::npos);   // followers fetch the state again

    // Every revision loads and holds neither; the history, events and links neither.
    for (int64_t n = 1; n <= rev; ++n) {
        auto r = c.Get("/api/workspaces/" + w.id + "?revision=" + std::to_string(n), Bearer(w.view));
        REQUIRE(r);
        INFO("revision " << n);
        CHECK(r->status == 200);
        CHECK(Lower(r->body).find("erasmusdotter") == std::string::npos);
        CHECK(r->body.find(phone) == std::string::npos);
    }
    json now = Get(c, w);
    CHECK(now["revision"] == rev);
    CHECK(now["state"]["bodies"]["familjehemsenhet"]["members"]["borttaget-1"]["name"] == "Greta [borttaget]");
    CHECK(now["state"]["bodies"]["familjehemsenhet"]["members"]["borttaget-1"]["contact"] == "[borttaget]");
    std::string history = c.Get("/api/workspaces/" + w.id + "/history", Bearer(w.view))->body;
    CHECK(Lower(history).find("erasmusdotter") == std::string::npos);
    CHECK(history.find("Greta [borttaget], Kramfors") != std::string::npos);
    Stream replay(s.port, w.id, w.view + "&last_event_id=0");
    replay.Read(1000);
    CHECK(replay.data.find("event: patch") != std::string::npos);
    CHECK(Lower(replay.data).find("erasmusdotter") == std::string::npos);
    CHECK(Lower(c.Get("/api/workspaces/" + w.id + "/links", kAdmin)->body).find("erasmusdotter") == std::string::npos);
    CHECK(Lower(c.Get("/w/" + w.id + "/report", Bearer(w.view))->body).find("erasmusdotter") == std::string::npos);
    // The link still works under its new name, and editing goes on.
    CHECK(Status(Patch(c, w, rev, json::array({Op("replace", "/description", "Vidare")}), greta.token)) == 200);

    // Not in the database file, and the audit says who and how many, never what.
    std::string bytes = Lower(DatabaseBytes(data));
    CHECK(bytes.find("erasmusdotter") == std::string::npos);
    CHECK(bytes.find(phone) == std::string::npos);
    json audit = json::parse(c.Get("/api/audit", kAdmin)->body)["audit"];
    CHECK(audit[0]["action"] == "erase");
    CHECK(audit[0]["actor"] == "admin");
    CHECK(audit[0]["detail"].get<std::string>().find("occurrences") != std::string::npos);
    CHECK(audit.dump().find(phone) == std::string::npos);

    // And after a restart, from the file alone.
    CHECK(s.Stop() == 0);
    ServerProcess again;
    REQUIRE(again.Start({"--data", data}, data + "-2.log"));
    httplib::Client c2("127.0.0.1", again.port);
    CHECK(Get(c2, w)["state"]["bodies"]["familjehemsenhet"]["members"]["borttaget-1"]["name"] == "Greta [borttaget]");
}

TEST_CASE("a database from before named links keeps its tokens, now as links named Redigering and Visning") {
    std::string data = Fresh("access-migrate");
    std::filesystem::create_directories(data);
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open((data + "/samverkan.sqlite3").c_str(), &db) == SQLITE_OK);
    // Schema 1, as earlier versions wrote it, with one workspace whose tokens are "e" * 32 and "v" * 32.
    const char* old = R"SQL(
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE workspaces (id TEXT PRIMARY KEY, name TEXT NOT NULL, created TEXT NOT NULL, updated TEXT NOT NULL,
  revision INTEGER NOT NULL, edit_hash TEXT NOT NULL DEFAULT '', view_hash TEXT NOT NULL DEFAULT '');
CREATE TABLE revisions (workspace TEXT NOT NULL REFERENCES workspaces(id), revision INTEGER NOT NULL, time TEXT NOT NULL,
  author TEXT NOT NULL, summary TEXT NOT NULL, patch TEXT NOT NULL, PRIMARY KEY (workspace, revision));
CREATE TABLE snapshots (workspace TEXT NOT NULL REFERENCES workspaces(id), revision INTEGER NOT NULL, state TEXT NOT NULL,
  PRIMARY KEY (workspace, revision));
INSERT INTO meta VALUES ('schema', '1');
INSERT INTO workspaces VALUES ('gammal', 'Gammal', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z', 1,
  '3d7fb3a7ab1a7e2cd9c62e0a3e36c6cbd8b6c7ed3a0ddaa9e6e2a5e14d3a6f49', 'x');
INSERT INTO revisions VALUES ('gammal', 1, '2025-01-01T00:00:00Z', 'admin', 'created', '[{"op":"replace","path":"","value":{"schema_version":2,"name":"Gammal"}}]');
INSERT INTO snapshots VALUES ('gammal', 1, '{"schema_version":2,"name":"Gammal"}');
)SQL";
    REQUIRE(sqlite3_exec(db, old, nullptr, nullptr, nullptr) == SQLITE_OK);
    // The real hash of the edit token, so that it opens the workspace after the upgrade.
    std::string edit(32, 'e');
    std::string sql = "UPDATE workspaces SET edit_hash = '" + server::HashToken(edit) + "'";
    REQUIRE(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
    if (OnPostgres()) {
        // On PostgreSQL the old file comes in by --import-sqlite, brought up to date on the way.
        std::string out;
        REQUIRE(RunServer({"--import-sqlite", data + "/samverkan.sqlite3", "--db", PrepareTestDb(data)}, out) == 0);
        CHECK(out.find("Imported 1 workspaces with 1 revisions, 2 links") != std::string::npos);
    }

    ServerProcess s;
    REQUIRE(s.Start({"--data", data}, data + ".log"));
    httplib::Client c("127.0.0.1", s.port);
    CHECK(Status(c.Get("/api/workspaces/gammal", Bearer(edit))) == 200);
    json links = json::parse(c.Get("/api/workspaces/gammal/links", Bearer(edit))->body)["links"];
    REQUIRE(links.size() == 2);
    CHECK(links[0]["name"] == "Redigering");
    CHECK(links[1]["name"] == "Visning");
    CHECK(CountRows(data, "SELECT count(*) FROM workspaces WHERE edit_hash <> ''") == 0);
}

TEST_CASE("presence: each follower hears who else has the workspace open, and when they leave") {
    std::string data = Fresh("access-presence");
    ServerProcess s;
    REQUIRE(s.Start({"--data", data}, data + ".log"));
    httplib::Client c("127.0.0.1", s.port);
    Created w = CreateFamiljehem(c);
    Stream per(s.port, w.id, w.edit + "&author=Per%20Holm");
    {
        Stream anna(s.port, w.id, w.view + "&author=Anna%20Svensson%2C%20Kramfors");
        per.Read(800);
        anna.Read(300);
        // Each hears the other, never itself; the link's name comes first, as in the history.
        CHECK(per.data.rfind(R"j({"names":["Visning (Anna Svensson, Kramfors)"]})j") != std::string::npos);
        CHECK(anna.data.find(R"j({"names":["Redigering (Per Holm)"]})j") != std::string::npos);
        CHECK(anna.data.find("Visning (Anna") == std::string::npos);
    }
    // Anna closed her page: Per hears it within a few seconds, without any change being made.
    size_t before = per.data.size();
    auto start = std::chrono::steady_clock::now();
    while (per.data.find(R"j({"names":[]})j", before) == std::string::npos && std::chrono::steady_clock::now() - start < std::chrono::seconds(15))
        per.Read(200);
    CHECK(per.data.find(R"j({"names":[]})j", before) != std::string::npos);
    // A name that is not UTF-8 is no name: the link's alone.
    Stream odd(s.port, w.id, w.view + "&author=%FF%FE");
    per.Read(800);
    CHECK(per.data.rfind(R"j({"names":["Visning"]})j") != std::string::npos);
}
