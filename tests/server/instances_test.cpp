// Two server instances on one PostgreSQL database, as behind a load balancer: ordering by the
// database alone, fan-out by LISTEN/NOTIFY, nothing lost when an instance is killed, the same
// log seen from both. Run by tests/server/with_postgres.sh (ctest server_postgres).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
#include <algorithm>
#include <random>
#include "api_client.h"
#include "follower.h"
#include "process.h"
#include "sql.h"

namespace {

const std::string kStatus = "/matters/familjehemsorganisation/decisions/";
const char* kStatuses[] = {"adopted", "declined", "paused", "pending", "adopted_with_conditions"};

struct Pair {
    std::string data;
    ServerProcess a, b;
    std::vector<std::unique_ptr<Follower>> followers;
    explicit Pair(const std::string& name) : data(Fresh(name)) {
        REQUIRE(OnPostgres());   // this suite is for PostgreSQL only
        REQUIRE(a.Start({"--data", data}, data + "-a.log"));
        REQUIRE(b.Start({"--data", data}, data + "-b.log"));   // the same database
    }
};

// A follower of `w` on the instance at `port`, its stream given a moment to open.
Follower* Follow(Pair& p, int port, const Created& w) {
    auto f = std::make_unique<Follower>();
    f->id = w.id;
    f->token = w.view;
    f->port = port;
    f->Start();
    p.followers.push_back(std::move(f));
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    return p.followers.back().get();
}

int64_t Revision(Follower& f) {
    std::lock_guard lock(f.mu);
    return f.revision;
}

// Every revision of the workspace in the database: revision -> patch text.
std::map<int64_t, std::string> StoredPatches(const std::string& data, const std::string& id) {
    std::string error;
    auto db = server::OpenPostgres(TestDbUri(data), &error);
    REQUIRE(db);
    server::Stmt st(*db, "SELECT revision, patch FROM revisions WHERE workspace = ? ORDER BY revision");
    st.Bind(1, id);
    std::map<int64_t, std::string> out;
    while (st.Step() == server::kRow) out[st.Int(0)] = st.Text(1);
    return out;
}

// The database's head once the instances at `ports` have caught up with it: an instance hears
// of the other's last commits a moment after they are made (NOTIFY), so its answer may lag
// the database by that moment, and the test waits for it (at most 10 s) before comparing.
int64_t SettledHead(const std::string& data, const Created& w, const std::vector<int>& ports) {
    auto stored = StoredPatches(data, w.id);
    REQUIRE(!stored.empty());
    int64_t head = stored.rbegin()->first;
    for (int port : ports) {
        httplib::Client c("127.0.0.1", port);
        CHECK(WaitFor([&] { return Get(c, w)["revision"] == head; }, 10000));
    }
    return head;
}

// The followed revisions came each once, in order, from `from` to `to`.
void CheckSeenOnce(Follower& f, int64_t from, int64_t to) {
    std::lock_guard lock(f.mu);
    std::vector<int64_t> want;
    for (int64_t r = from; r <= to; ++r) want.push_back(r);
    CHECK(f.seen.size() == want.size());
    CHECK(f.seen == want);
}

// An event stream's whole text, read on a thread of its own.
struct RawStream {
    std::mutex mu;
    std::string text;
    std::atomic<bool> stop{false}, ended{false};
    httplib::Client client;
    std::thread thread;
    RawStream(int port, const Created& w, const std::string& author) : client("127.0.0.1", port) {
        client.set_read_timeout(30, 0);
        thread = std::thread([this, w, author] {
            httplib::Headers h = Bearer(w.view);
            h.emplace("X-Author", author);
            client.Get("/api/workspaces/" + w.id + "/events", h, [&](const char* data, size_t n) {
                std::lock_guard lock(mu);
                text.append(data, n);
                return !stop;
            });
            ended = true;
        });
    }
    bool Has(const std::string& part) {
        std::lock_guard lock(mu);
        return text.find(part) != std::string::npos;
    }
    ~RawStream() {
        stop = true;
        client.stop();
        thread.join();
    }
};

}  // namespace

TEST_CASE("two instances: the facilitator's slide and who follows cross over; a delete on A ends B's streams") {
    Pair p("instances-live");
    httplib::Client ca("127.0.0.1", p.a.port), cb("127.0.0.1", p.b.port);
    Created w = CreateFamiljehem(ca);
    RawStream anna(p.a.port, w, "Anna"), per(p.b.port, w, "Per");
    CHECK(WaitFor([&] { return per.Has("\"names\":[\"Visning (Anna)\"]"); }, 3000));
    CHECK(WaitFor([&] { return anna.Has("\"names\":[\"Visning (Per)\"]"); }, 3000));
    auto slide = ca.Post("/api/workspaces/" + w.id + "/presentation", Bearer(w.edit), R"({"active": true, "slide": 4})", "application/json");
    REQUIRE(slide);
    REQUIRE(slide->status == 200);
    CHECK(WaitFor([&] { return per.Has("event: presentation\ndata: {\"active\":true,\"slide\":4}"); }, 3000));
    // Anna leaves A: Per on B hears it.
    {
        RawStream bo(p.a.port, w, "Bo");
        CHECK(WaitFor([&] { return per.Has("\"Visning (Bo)\""); }, 3000));
    }
    CHECK(WaitFor([&] {
        std::lock_guard lock(per.mu);
        size_t last = per.text.rfind("event: presence");
        return last != std::string::npos && per.text.find("Bo", last) == std::string::npos;
    }, 5000));
    // Deleted through A: the stream on B ends, and B answers 404.
    REQUIRE(ca.Delete("/api/workspaces/" + w.id, kAdmin)->status == 204);
    CHECK(WaitFor([&] { return per.ended.load(); }, 3000));
    CHECK(cb.Get("/api/workspaces/" + w.id, kAdmin)->status == 404);
}

TEST_CASE("two instances: an edit through A reaches a follower on B (p99 over 500 edits)") {
    Pair p("instances-fanout");
    httplib::Client ca("127.0.0.1", p.a.port);
    Created w = CreateFamiljehem(ca);
    Follower* on_b = Follow(p, p.b.port, w);
    std::vector<double> ms;
    int64_t base = 1;
    for (int i = 0; i < 500; ++i) {
        auto t0 = std::chrono::steady_clock::now();
        auto r = Patch(ca, w, base, json::array({Op("replace", kStatus + "kramfors/status", kStatuses[i % 5])}));
        REQUIRE(r);
        REQUIRE(r->status == 200);
        base = json::parse(r->body)["revision"];
        REQUIRE(WaitFor([&] { return Revision(*on_b) >= base; }, 5000));
        ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    }
    std::sort(ms.begin(), ms.end());
    double p50 = ms[ms.size() / 2], p99 = ms[ms.size() * 99 / 100];
    MESSAGE("an edit through A, seen by a follower on B: p50 " << p50 << " ms, p99 " << p99 << " ms over 500 edits");
    CHECK(p99 <= 250);
    CheckSeenOnce(*on_b, 2, 501);
    httplib::Client cb("127.0.0.1", p.b.port);
    CHECK(Get(cb, w)["state"] == Get(ca, w)["state"]);
}

TEST_CASE("two instances: a stale edit on B rebases onto A's; the same field is a 409; one key is one revision") {
    Pair p("instances-rebase");
    httplib::Client ca("127.0.0.1", p.a.port), cb("127.0.0.1", p.b.port);
    Created w = CreateFamiljehem(ca);
    REQUIRE(Get(cb, w)["revision"] == 1);   // B has it loaded at revision 1
    REQUIRE(Patch(ca, w, 1, json::array({Op("replace", kStatus + "kramfors/status", "declined")}))->status == 200);
    auto stale = Patch(cb, w, 1, json::array({Op("replace", kStatus + "ange/status", "adopted")}));
    REQUIRE(stale);
    CHECK(stale->status == 200);
    CHECK(json::parse(stale->body)["revision"] == 3);
    auto clash = Patch(cb, w, 1, json::array({Op("replace", kStatus + "kramfors/status", "paused")}));
    REQUIRE(clash);
    CHECK(clash->status == 409);
    CHECK(json::parse(clash->body)["error"] == "conflict");
    CHECK(SettledHead(p.data, w, {p.a.port, p.b.port}) == 3);
    json on_a = Get(ca, w), on_b = Get(cb, w);
    CHECK(on_a["revision"] == 3);
    CHECK(on_a["state"] == on_b["state"]);
    CHECK(on_a["state"]["matters"]["familjehemsorganisation"]["decisions"]["kramfors"]["status"] == "declined");
    CHECK(on_a["state"]["matters"]["familjehemsorganisation"]["decisions"]["ange"]["status"] == "adopted");

    // A change sent to A, its answer lost, sent again to B: one revision.
    json add = json::array({Op("add", "/bodies/familjehemsenhet/mandate/-", "Samma uppdrag")});
    auto send = [&](httplib::Client& c) {
        httplib::Headers h = Bearer(w.edit);
        h.emplace("If-Match", "\"3\"");
        h.emplace("Idempotency-Key", "lb-retry-1");
        return c.Patch("/api/workspaces/" + w.id, h, add.dump(), "application/json-patch+json");
    };
    auto first = send(ca), again = send(cb);
    REQUIRE(first);
    REQUIRE(again);
    CHECK(json::parse(first->body)["revision"] == 4);
    CHECK(json::parse(again->body)["revision"] == 4);
    CHECK(json::parse(again->body)["replayed"] == true);
    CHECK(SettledHead(p.data, w, {p.a.port, p.b.port}) == 4);
    auto mandate = Get(cb, w)["state"]["bodies"]["familjehemsenhet"]["mandate"];
    CHECK(std::count(mandate.begin(), mandate.end(), "Samma uppdrag") == 1);
}

TEST_CASE("kill -9 of A under writers on both: every acknowledged revision is stored as sent, gap-free, and B's followers get each once, in order") {
    Pair p("instances-kill");
    httplib::Client cb("127.0.0.1", p.b.port);
    Created w = CreateFamiljehem(cb);
    Follower* on_b = Follow(p, p.b.port, w);
    std::mutex mu;
    std::map<int64_t, json> acknowledged;   // revision -> the patch sent
    std::atomic<bool> go{true};
    auto writer = [&](int port, const std::string& party) {
        httplib::Client c("127.0.0.1", port);
        c.set_read_timeout(5, 0);
        int64_t base = 1;
        for (int i = 0; go; ++i) {
            json patch = json::array({Op("replace", kStatus + party + "/status", kStatuses[i % 5])});
            auto r = Patch(c, w, base, patch);
            if (!r) break;   // the instance is gone
            if (r->status != 200) {
                std::lock_guard lock(mu);
                FAIL_CHECK("answer " << r->status << ": " << r->body);
                break;
            }
            base = json::parse(r->body)["revision"];
            std::lock_guard lock(mu);
            acknowledged[base] = patch;
        }
    };
    std::thread on_a_thread(writer, p.a.port, "kramfors"), on_b_thread(writer, p.b.port, "harnosand");
    std::this_thread::sleep_for(std::chrono::milliseconds(800));
    CHECK(p.a.Stop(SIGKILL) == -SIGKILL);
    on_a_thread.join();
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    go = false;
    on_b_thread.join();

    int64_t head = SettledHead(p.data, w, {p.b.port});
    auto stored = StoredPatches(p.data, w.id);
    MESSAGE(acknowledged.size() << " acknowledged changes over both instances; head " << head);
    CHECK(acknowledged.size() > 20);
    REQUIRE(!stored.empty());
    CHECK(stored.begin()->first == 1);
    CHECK(stored.rbegin()->first == head);
    CHECK((int64_t)stored.size() == head);   // gap-free
    for (auto& [revision, patch] : acknowledged) {
        REQUIRE(stored.count(revision));
        CHECK(json::parse(stored[revision]) == patch);
    }
    REQUIRE(WaitFor([&] { return Revision(*on_b) == head; }, 5000));
    CheckSeenOnce(*on_b, 2, head);
}

TEST_CASE("4 clients over both instances x 250 random edits converge on a replay of the stored log") {
    Pair p("instances-random");
    httplib::Client ca("127.0.0.1", p.a.port), cb("127.0.0.1", p.b.port);
    Created w = CreateFamiljehem(ca);
    json start = Get(ca, w);
    std::vector<std::string> parties;
    for (auto& [party, d] : start["state"]["matters"]["familjehemsorganisation"]["decisions"].items()) parties.push_back(party);
    for (int i = 0; i < 4; ++i) Follow(p, i % 2 ? p.b.port : p.a.port, w);
    auto& clients = p.followers;
    std::atomic<int> accepted{0}, clashed{0};
    std::vector<std::thread> editors;
    for (int i = 0; i < 4; ++i)
        editors.emplace_back([&, i] {
            std::mt19937 rng(4000 + i);
            httplib::Client ec("127.0.0.1", i % 2 ? p.b.port : p.a.port);
            for (int n = 0; n < 250; ++n) {
                int64_t base = Revision(*clients[i]);
                json patch = json::array({Op("replace", kStatus + parties[rng() % parties.size()] + "/status", kStatuses[rng() % 5])});
                if (rng() % 6 == 0) patch = json::array({Op("add", "/bodies/familjehemsenhet/mandate/-", "Uppdrag " + std::to_string(i) + "-" + std::to_string(n))});
                auto r = Patch(ec, w, base, patch);
                if (!r) { FAIL_CHECK("no answer"); break; }
                if (r->status == 200) ++accepted;
                else if (r->status == 409) ++clashed;
                else { FAIL_CHECK("unexpected answer " << r->status << ": " << r->body); break; }
            }
        });
    for (auto& t : editors) t.join();
    int64_t head = SettledHead(p.data, w, {p.a.port, p.b.port});
    CHECK(head == 1 + accepted);
    for (auto& f : clients) CHECK(WaitFor([&] { return Revision(*f) == head; }, 5000));
    // The stored log, replayed from the first revision's state, is what both instances and
    // every client have.
    auto stored = StoredPatches(p.data, w.id);
    REQUIRE((int64_t)stored.size() == head);
    json replay = json::parse(stored[1])[0]["value"];
    for (auto& [revision, patch] : stored)
        if (revision > 1) replay = replay.patch(json::parse(patch));
    json on_a = Get(ca, w)["state"], on_b = Get(cb, w)["state"];
    CHECK(on_a == on_b);
    CHECK(replay == on_a);
    for (auto& f : clients) {
        std::lock_guard lock(f->mu);
        CHECK(f->state == on_a);
    }
    MESSAGE("accepted " << accepted.load() << ", clashed " << clashed.load() << " over two instances");
    CHECK(accepted > 200);
}

TEST_CASE("PostgreSQL restarted under load: both instances take edits again within 10 s, and no follower misses one") {
    Pair p("instances-restart");
    httplib::Client ca("127.0.0.1", p.a.port), cb("127.0.0.1", p.b.port);
    Created w = CreateFamiljehem(ca);
    Follower* on_a = Follow(p, p.a.port, w);
    Follower* on_b = Follow(p, p.b.port, w);
    std::mutex mu;
    std::map<int64_t, json> acknowledged;
    std::atomic<bool> go{true};
    std::atomic<int> retries{0};
    // A careful client: each change has its key and is sent again, to either instance, until answered.
    auto writer = [&](int port, const std::string& party) {
        httplib::Client c("127.0.0.1", port);
        c.set_read_timeout(15, 0);
        int64_t base = 1;
        for (int i = 0; go; ++i) {
            json patch = json::array({Op("replace", kStatus + party + "/status", kStatuses[i % 5])});
            std::string key = party + "-" + std::to_string(i);
            for (;;) {
                httplib::Headers h = Bearer(w.edit);
                h.emplace("If-Match", "\"" + std::to_string(base) + "\"");
                h.emplace("Idempotency-Key", key);
                auto r = c.Patch("/api/workspaces/" + w.id, h, patch.dump(), "application/json-patch+json");
                if (r && r->status == 200) {
                    base = json::parse(r->body)["revision"];
                    std::lock_guard lock(mu);
                    acknowledged[base] = patch;
                    break;
                }
                if (r && r->status != 503 && r->status != 500) {
                    std::lock_guard lock(mu);
                    FAIL_CHECK("answer " << r->status << ": " << r->body);
                    return;
                }
                ++retries;
                std::this_thread::sleep_for(std::chrono::milliseconds(200));
            }
        }
    };
    std::thread wa(writer, p.a.port, "kramfors"), wb(writer, p.b.port, "harnosand");
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    REQUIRE(std::system(getenv("SAMVERKAN_TEST_PG_RESTART")) == 0);
    auto restarted = std::chrono::steady_clock::now();
    // Recovered: each instance has acknowledged a change made after the restart.
    size_t before;
    {
        std::lock_guard lock(mu);
        before = acknowledged.size();
    }
    CHECK(WaitFor([&] { std::lock_guard lock(mu); return acknowledged.size() >= before + 10; }, 10000));
    double recovery = std::chrono::duration<double>(std::chrono::steady_clock::now() - restarted).count();
    MESSAGE("edits acknowledged again " << recovery << " s after PostgreSQL came back (" << retries.load() << " changes sent again)");
    CHECK(recovery <= 10);
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    go = false;
    wa.join();
    wb.join();

    int64_t head = SettledHead(p.data, w, {p.a.port, p.b.port});
    auto stored = StoredPatches(p.data, w.id);
    CHECK((int64_t)stored.size() == head);   // gap-free, and nothing applied twice
    CHECK((int64_t)acknowledged.size() == head - 1);
    for (auto& [revision, patch] : acknowledged) {
        REQUIRE(stored.count(revision));
        CHECK(json::parse(stored[revision]) == patch);
    }
    for (Follower* f : {on_a, on_b}) {
        CHECK(WaitFor([&] { return Revision(*f) == head; }, 10000));
        CheckSeenOnce(*f, 2, head);
    }
}

TEST_CASE("a primary and its standby: --db names both with target_session_attrs=read-write, and writes reach the primary") {
    std::string data = Fresh("instances-standby");
    std::string primary = PrepareTestDb(data);   // the database exists before the standby is copied
    REQUIRE(std::system(getenv("SAMVERKAN_TEST_PG_STANDBY")) == 0);
    std::string host = getenv("SAMVERKAN_TEST_PG_HOST"), port = getenv("SAMVERKAN_TEST_PG_PORT"),
                standby_port = getenv("SAMVERKAN_TEST_PG_STANDBY_PORT");
    std::string name = TestDbName(data);
    // The standby first: libpq passes over it because it takes no writes.
    std::string both = "postgresql://postgres@/" + name + "?host=" + host + "," + host + "&port=" + standby_port + "," + port +
                       "&target_session_attrs=read-write";
    ServerProcess s;
    REQUIRE(s.Start({"--data", data, "--db", both}, data + ".log"));
    httplib::Client c("127.0.0.1", s.port);
    Created w = CreateFamiljehem(c);
    REQUIRE(Patch(c, w, 1, json::array({Op("replace", kStatus + "kramfors/status", "declined")}))->status == 200);
    // What the primary took reaches the standby by streaming replication.
    std::string error;
    auto replica = server::OpenPostgres("postgresql://postgres@/" + name + "?host=" + host + "&port=" + standby_port, &error);
    REQUIRE(replica);
    CHECK(WaitFor([&] {
        server::Stmt st(*replica, "SELECT count(*) FROM revisions WHERE workspace = ?");
        st.Bind(1, w.id);
        return st.Step() == server::kRow && st.Int(0) == 2;
    }, 5000));
    // The standby alone takes no writes: the server says so and stops.
    std::string out;
    CHECK(RunServer({"--port", "0", "--data", data + "-ro", "--db", "postgresql://postgres@/" + name + "?host=" + host + "&port=" + standby_port}, out) == 1);
    CHECK(out.find("read-only transaction") != std::string::npos);
}
