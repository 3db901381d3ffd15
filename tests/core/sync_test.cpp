#include <random>
#include "helpers.h"
#include "json_io.h"
#include "patch.h"
#include "sync.h"

using namespace sam;

namespace {

// The tests change three fields of a workspace, called a, b and c here: its name,
// description and case number, each holding a number as text.
std::string Field(const std::string& key) {
    if (key == "/a") return "/name";
    if (key == "/b") return "/description";
    return "/case_number";
}

json Op(const std::string& key, int value) { return json::array({{{"op", "replace"}, {"path", Field(key)}, {"value", std::to_string(value)}}}); }

// A workspace with a, b and c as given (0 where not given).
Workspace W(json abc) {
    if (!abc.is_object()) abc = json::object();
    Workspace ws;
    ws.name = std::to_string(abc.value("a", 0));
    ws.description = std::to_string(abc.value("b", 0));
    ws.case_number = std::to_string(abc.value("c", 0));
    return ws;
}

json Abc(const Workspace& ws) {
    return {{"a", std::stoi(ws.name)}, {"b", std::stoi(ws.description)}, {"c", std::stoi(ws.case_number)}};
}

// What the app shows: the server's state with our changes on top, as a b c.
json Local(Sync& s) { return Abc(SyncLocalState(s)); }

// A server as small as the rules: a change applies when its base is current, or when
// nothing it touches changed since (here: the same path).
struct MiniServer {
    Workspace state = W({});
    int64_t revision = 1;
    std::vector<std::pair<int64_t, json>> log;   // revision -> patch
    int Patch(const json& patch, int64_t base, int64_t& out) {
        std::string path = patch[0]["path"];
        for (auto& [rev, p] : log)
            if (rev > base && p[0]["path"] == path) return 409;
        REQUIRE(ApplyPatch(state, patch).ok);
        log.push_back({++revision, patch});
        out = revision;
        return 200;
    }
};

}  // namespace

TEST_CASE("sync: a local change goes out, comes back, and is not applied twice") {
    Sync s;
    SyncStart(s, W({{"a", 0}}), 1);
    SyncLocalEdit(s, Op("/a", 5));
    CHECK(Local(s)["a"] == 5);
    auto next = SyncNext(s);
    REQUIRE(next);
    CHECK(next->second == 1);
    CHECK_FALSE(SyncNext(s));   // one at a time
    // The event arrives before the answer: kept until the answer says it is ours.
    CHECK_FALSE(SyncRemote(s, 2, Op("/a", 5)));
    CHECK_FALSE(SyncAccepted(s, 2));
    CHECK(s.revision == 2);
    CHECK(s.accepted.empty());
    CHECK(Local(s) == json{{"a", 5}, {"b", 0}, {"c", 0}});
}

TEST_CASE("sync: others' changes arrive under ours, and a dropped change says why") {
    Sync s;
    SyncStart(s, W({{"a", 0}, {"b", 0}}), 1);
    SyncLocalEdit(s, Op("/a", 1));
    CHECK(SyncRemote(s, 2, Op("/b", 7)));   // nothing in flight: applied at once
    json local = Local(s);
    CHECK(local["a"] == 1);
    CHECK(local["b"] == 7);
    auto next = SyncNext(s);
    REQUIRE(next);
    CHECK(next->second == 2);
    CHECK(SyncRejected(s, "clash"));
    CHECK(s.dropped == "clash");
    CHECK(Local(s) == json{{"a", 0}, {"b", 7}, {"c", 0}});
}

TEST_CASE("sync: network trouble keeps the change first in line; a gap asks for the state") {
    Sync s;
    SyncStart(s, W({{"a", 0}}), 1);
    SyncLocalEdit(s, Op("/a", 1));
    SyncLocalEdit(s, Op("/a", 2));
    REQUIRE(SyncNext(s));
    SyncNotSent(s);
    auto again = SyncNext(s);
    REQUIRE(again);
    CHECK(again->first == Op("/a", 1));
    CHECK(SyncWaiting(s) == 2);
    SyncAccepted(s, 2);
    CHECK_FALSE(SyncRemote(s, 4, Op("/a", 9)));   // 3 is missing
    CHECK(s.needs_state);
    CHECK_FALSE(SyncNext(s));
    SyncStart(s, W({{"a", 9}}), 4);                   // the state again, the waiting change kept
    CHECK(Local(s)["a"] == 2);
}

TEST_CASE("sync: three clients with random delays converge on the server's state") {
    for (unsigned seed = 1; seed <= 40; ++seed) {
        std::mt19937 rng(seed);
        MiniServer server;
        struct Client { Sync s; std::deque<std::pair<int64_t, json>> inbox; size_t seen = 0; };
        std::vector<Client> clients(3);
        for (auto& c : clients) SyncStart(c.s, server.state, 1);
        const char* keys[] = {"/a", "/b", "/c"};
        for (int step = 0; step < 300; ++step) {
            Client& c = clients[rng() % 3];
            switch (rng() % 4) {
                case 0: SyncLocalEdit(c.s, Op(keys[rng() % 3], (int)(rng() % 100))); break;
                case 1: {   // send and answer
                    auto next = SyncNext(c.s);
                    if (!next) break;
                    int64_t rev = 0;
                    if (rng() % 10 == 0) { SyncNotSent(c.s); break; }
                    if (server.Patch(next->first, next->second, rev) == 200) SyncAccepted(c.s, rev);
                    else SyncRejected(c.s, "clash");
                    break;
                }
                default:    // deliver some events
                    while (c.seen < server.log.size() && rng() % 3) {
                        auto& [rev, p] = server.log[c.seen++];
                        SyncRemote(c.s, rev, p);
                    }
            }
        }
        // Quiet: send everything, deliver everything.
        for (int round = 0; round < 50; ++round)
            for (auto& c : clients) {
                if (auto next = SyncNext(c.s)) {
                    int64_t rev = 0;
                    if (server.Patch(next->first, next->second, rev) == 200) SyncAccepted(c.s, rev);
                    else SyncRejected(c.s, "clash");
                }
                while (c.seen < server.log.size()) { auto& [rev, p] = server.log[c.seen++]; SyncRemote(c.s, rev, p); }
            }
        for (auto& c : clients) {
            INFO("seed " << seed);
            CHECK(SyncWaiting(c.s) == 0);
            CHECK(c.s.revision == server.revision);
            CHECK(Local(c.s) == Abc(server.state));
        }
    }
}

TEST_CASE("sync: waiting changes survive a save and a restart, and go out against the newest state") {
    Sync s;
    SyncStart(s, W({{"a", 0}, {"b", 0}}), 1);
    SyncLocalEdit(s, Op("/a", 1));
    REQUIRE(SyncNext(s));
    REQUIRE_FALSE(SyncAccepted(s, 2));          // accepted, its event not seen yet
    SyncLocalEdit(s, Op("/b", 7));              // still waiting when the tab closes
    json saved = SyncSaveOffline(s);
    std::string text = saved.dump();

    // A restart with no network: the same local state from the saved copy.
    Sync t;
    REQUIRE(SyncLoadOffline(t, json::parse(text)));
    CHECK(Local(t) == json{{"a", 1}, {"b", 7}, {"c", 0}});
    CHECK(SyncWaiting(t) == 1);
    // Back online: the server is at revision 3 (ours, 2, and someone's, 3); what waited goes out on top.
    SyncStart(t, W({{"a", 1}, {"b", 0}, {"c", 9}}), 3);
    CHECK(Local(t) == json{{"a", 1}, {"b", 7}, {"c", 9}});
    auto next = SyncNext(t);
    REQUIRE(next);
    CHECK(next->first == Op("/b", 7));
    CHECK(next->second == 3);
    // Not a saved copy: refused, nothing changed.
    CHECK_FALSE(SyncLoadOffline(t, json{{"format", "other"}}));
    CHECK_FALSE(SyncLoadOffline(t, json::parse("[1,2]")));
    CHECK(SyncWaiting(t) == 1);
}

TEST_CASE("sync: a change sent again has the same Idempotency-Key, also after a reload or a moved base; others have their own") {
    Sync s;
    CHECK(SyncChangeKey(s, Op("/a", 1)).empty());   // no key before the platform names the client
    s.client = "c0ffee";
    SyncStart(s, W({{"a", 0}, {"b", 0}}), 4);
    SyncLocalEdit(s, Op("/a", 1));
    auto first = SyncNext(s);
    REQUIRE(first);
    std::string key = SyncChangeKey(s, first->first);
    CHECK(key.rfind("c0ffee-1-", 0) == 0);
    CHECK(key.size() == std::string("c0ffee-1-").size() + 16);
    // No answer, but the server had committed it: its event comes, and the base moves on. The
    // change goes again with the same key (the server answers with revision 5, not a second one).
    SyncNotSent(s);
    SyncRemote(s, 5, Op("/a", 1));
    auto again = SyncNext(s);
    REQUIRE(again);
    CHECK(again->second == 5);
    CHECK(SyncChangeKey(s, again->first) == key);
    // The tab is closed before the answer: the kept copy sends it with the same key.
    Sync t;
    REQUIRE(SyncLoadOffline(t, SyncSaveOffline(s)));
    CHECK(t.client == "c0ffee");
    auto kept = SyncNext(t);
    REQUIRE(kept);
    CHECK(SyncChangeKey(t, kept->first) == key);
    // The replayed answer names the revision whose event came already: nothing is applied twice.
    SyncAccepted(s, 5);
    CHECK(Local(s) == json{{"a", 1}, {"b", 0}, {"c", 0}});
    CHECK(SyncWaiting(s) == 0);
    // The next change, even the same one, and another client's: other keys.
    SyncLocalEdit(s, Op("/a", 1));
    REQUIRE(SyncNext(s));
    CHECK(SyncChangeKey(s, Op("/a", 1)).rfind("c0ffee-2-", 0) == 0);
    CHECK(SyncChangeKey(s, Op("/b", 1)) != SyncChangeKey(s, Op("/a", 1)));
    Sync other;
    other.client = "beef";
    CHECK(SyncChangeKey(other, Op("/a", 1)) != key);
}

TEST_CASE("sync: a revoked link keeps what waits; an archived workspace refuses the change and reads only") {
    Sync s;
    SyncStart(s, W({{"a", 0}, {"b", 0}}), 1);
    SyncLocalEdit(s, Op("/a", 5));
    REQUIRE(SyncNext(s));
    SyncReply revoked = SyncAnswer(s, 401, {{"error", "unauthorized"}, {"message", "the token does not open this workspace"}});
    CHECK(revoked.revoked);
    CHECK_FALSE(revoked.retry_later);   // the same token will not work later either
    CHECK(SyncWaiting(s) == 1);         // nothing typed is lost
    CHECK(Local(s)["a"] == 5);

    Sync t;
    SyncStart(t, W({{"a", 0}}), 1);
    SyncLocalEdit(t, Op("/a", 7));
    REQUIRE(SyncNext(t));
    SyncReply archived = SyncAnswer(t, 423, {{"error", "archived"}, {"message", "the workspace is archived"}});
    CHECK(archived.archived);
    CHECK(archived.read_only);
    CHECK(SyncWaiting(t) == 0);
    CHECK(Local(t)["a"] == 0);             // the refused change is not shown as made
    CHECK(t.dropped.find("archived") != std::string::npos);   // and the status bar says why
}

TEST_CASE("sync: the server's answer is split into its envelope and the state's text, unparsed") {
    json envelope;
    std::string state;
    // As the server writes it: the state last. A link's name may hold the key's text.
    std::string body = R"({"access":"edit","link":{"name":"a\",\"state\":1","role":"edit"},"revision":7,"state":{"name":"HälSam","parties":{}}})";
    REQUIRE(SplitStateAnswer(body + "\n", envelope, state));
    CHECK(state == R"({"name":"HälSam","parties":{}})");
    CHECK(envelope == json{{"access", "edit"}, {"link", {{"name", "a\",\"state\":1"}, {"role", "edit"}}}, {"revision", 7}});
    REQUIRE(SplitStateAnswer(R"({"state":{"name":"x"}})", envelope, state));
    CHECK(state == R"({"name":"x"})");
    CHECK(envelope == json::object());
    // Written another way (the state not last): parsed whole, the same result.
    REQUIRE(SplitStateAnswer(R"({"state":{"name":"x"},"revision":3})", envelope, state));
    CHECK(json::parse(state) == json{{"name", "x"}});
    CHECK(envelope == json{{"revision", 3}});
    CHECK_FALSE(SplitStateAnswer(R"({"revision":3,"state":{"name":)", envelope, state));   // cut off
    CHECK_FALSE(SplitStateAnswer("[1,2]", envelope, state));
    CHECK_FALSE(SplitStateAnswer(R"({"revision":3})", envelope, state));
}

TEST_CASE("sync: FindLastMember points into the answer; what it finds is read strictly, or split the slow way") {
    json envelope;
    std::string_view state;
    const std::string saved = SaveWorkspace(LoadDemo("halsam-vasternorrland"), false);
    std::string body = R"({"access":"view","revision":2,"state":)" + saved + "}";
    REQUIRE(FindLastMember(body, "state", envelope, state));
    CHECK(state == saved);
    CHECK(state.data() == body.data() + body.find(saved));   // no copy
    CHECK(envelope == json{{"access", "view"}, {"revision", 2}});
    CHECK(LoadWorkspace(state).ok);
    // The state not last: found, but with text after the object, which the loader refuses.
    std::string odd = R"({"revision":2,"state":)" + saved + R"(,"extra":{"a":1}})";
    REQUIRE(FindLastMember(odd, "state", envelope, state));
    CHECK_FALSE(LoadWorkspace(state).ok);
    std::string whole;
    REQUIRE(SplitLastMember(odd, "state", envelope, whole));
    CHECK(json::parse(whole) == json::parse(saved));
    CHECK(LoadWorkspace(whole).ok);
    CHECK(envelope == json{{"revision", 2}, {"extra", {{"a", 1}}}});
    // Not an object, no such member, an array where the object should be.
    CHECK_FALSE(FindLastMember("[1,2]", "state", envelope, state));
    CHECK_FALSE(FindLastMember(R"({"revision":3})", "state", envelope, state));
    CHECK_FALSE(FindLastMember(R"({"revision":3,"state":[1]})", "state", envelope, state));
}

TEST_CASE("sync: the copy kept in two parts (a rarely written base and a short line) restores what the whole copy does") {
    Sync s;
    s.client = "c0ffee";
    SyncStart(s, W({{"a", 0}, {"b", 0}, {"c", 0}}), 1);
    CHECK(SyncBaseDue(s));
    std::string base = SyncBaseText(s, SaveWorkspace(W({}), false));   // as the server sent it
    CHECK_FALSE(SyncBaseDue(s));
    CHECK(json::parse(base) == json::parse(SyncSaveBase(s)));
    // Others' changes and ours after the base: only the line is written again.
    CHECK(SyncRemote(s, 2, Op("/c", 5)));
    SyncLocalEdit(s, Op("/a", 1));
    REQUIRE(SyncNext(s));
    REQUIRE_FALSE(SyncAccepted(s, 3));
    CHECK_FALSE(SyncRemote(s, 3, Op("/a", 1)));   // our own, back
    CHECK(SyncRemote(s, 4, Op("/c", 6)));
    SyncLocalEdit(s, Op("/b", 7));
    REQUIRE(SyncNext(s));
    REQUIRE_FALSE(SyncAccepted(s, 5));          // accepted, its event not seen yet
    SyncLocalEdit(s, Op("/a", 2));              // waiting
    json line = json::parse(SyncSaveLine(s).dump());
    CHECK(line["since_base"].size() == 3);
    CHECK(line.dump().size() < 600);

    Sync t;
    REQUIRE(SyncLoadBaseAndLine(t, base, line));
    CHECK(SyncSaveOffline(t) == SyncSaveOffline(s));
    CHECK(Local(t) == json{{"a", 2}, {"b", 7}, {"c", 6}});
    CHECK_FALSE(SyncBaseDue(t));
    // A page that has the state from the server takes only what waits, with its keys.
    Sync fresh;
    REQUIRE(SyncLoadWaiting(fresh, line));
    CHECK(fresh.pending.size() == 1);
    CHECK(fresh.client == "c0ffee");
    CHECK(fresh.sent == 2);
    // A base and a line that do not belong together are refused, and nothing changes.
    SyncStart(s, W({{"a", 9}}), 9);
    std::string other_base = SyncSaveBase(s);
    CHECK_FALSE(SyncLoadBaseAndLine(t, other_base, line));
    CHECK_FALSE(SyncLoadBaseAndLine(t, base, json{{"format", "samverkan-offline-1"}}));
    CHECK_FALSE(SyncLoadWaiting(fresh, json::parse(base)));
    CHECK(Local(t) == json{{"a", 2}, {"b", 7}, {"c", 6}});
    // A long line makes a new base due.
    for (int r = 10; r < 212; ++r) SyncRemote(s, r, Op("/a", r));
    CHECK(SyncBaseDue(s));
}

TEST_CASE("sync: a kept copy that lacks a field is refused, not read past") {
    Sync s;
    SyncStart(s, W({{"a", 0}}), 1);
    std::string base = SyncSaveBase(s);
    CHECK_FALSE(SyncLoadBaseAndLine(s, base, json{{"format", "samverkan-offline-line-1"}, {"base_revision", 1}, {"revision", 1}}));
    CHECK_FALSE(SyncLoadWaiting(s, json{{"format", "samverkan-offline-line-1"}}));
    CHECK_FALSE(SyncLoadOffline(s, json{{"format", "samverkan-offline-1"}, {"confirmed", json::object()}, {"revision", 1}}));
    CHECK_FALSE(SyncLoadOffline(s, json{{"format", "samverkan-offline-1"}, {"confirmed", json::object()}, {"revision", 1},
                                        {"accepted", json::array({json::object()})}, {"pending", json::array()}}));
    json line = SyncSaveLine(s);
    line["since_base"] = json::array({{{"revision", 2}}});   // a step without its patch
    line["revision"] = 2;
    CHECK_FALSE(SyncLoadBaseAndLine(s, base, line));
    CHECK(Local(s) == json{{"a", 0}, {"b", 0}, {"c", 0}});
}

TEST_CASE("sync: nothing local until a change of ours waits, and again once its event is back") {
    Sync s;
    SyncStart(s, W({}), 1);
    CHECK(SyncNothingLocal(s));
    CHECK(SyncRemote(s, 2, Op("/b", 3)));   // others' change: the app may take the patch itself
    CHECK(SyncNothingLocal(s));
    SyncLocalEdit(s, Op("/a", 1));
    CHECK_FALSE(SyncNothingLocal(s));
    REQUIRE(SyncNext(s));
    CHECK_FALSE(SyncAccepted(s, 3));
    CHECK_FALSE(SyncNothingLocal(s));       // accepted, its event not seen yet
    CHECK_FALSE(SyncRemote(s, 3, Op("/a", 1)));
    CHECK(SyncNothingLocal(s));
    CHECK(Abc(s.confirmed) == json{{"a", 1}, {"b", 3}, {"c", 0}});
    // A change that breaks the model's rules does not apply: the state is asked for again.
    CHECK_FALSE(SyncRemote(s, 4, json::array({{{"op", "replace"}, {"path", "/schema_version"}, {"value", "x"}}})));
    CHECK(s.needs_state);
}
