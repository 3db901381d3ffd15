// Portfolios through the real server: the admin makes one for an organisation over chosen
// workspaces; its token opens the portfolio (JSON, HTML page, CSV, live events) and nothing
// else; a workspace's token opens no portfolio; removing it ends the token and its stream.
#include <poll.h>
#include <chrono>
#include "api_client.h"
#include "process.h"
#include "raw_client.h"

namespace {

struct Made { std::string id, token; };

Made MakePortfolio(httplib::Client& c, const json& body) {
    auto r = c.Post("/api/portfolios", kAdmin, body.dump(), "application/json");
    REQUIRE(r);
    INFO(r->body);
    REQUIRE(r->status == 201);
    json j = json::parse(r->body);
    CHECK(j["page"] == "/p/" + j["portfolio_id"].get<std::string>() + "/");
    return {j["portfolio_id"], j["token"]};
}

int StatusOf(const httplib::Result& r) { return r ? r->status : 0; }

// The portfolio's event stream on a raw connection; Read returns true when `what` has arrived.
struct Events {
    RawConnection conn;
    std::string data;
    Events(int port, const std::string& id, const std::string& token) : conn(port) {
        conn.Send("GET /api/portfolios/" + id + "/events?access_token=" + token + " HTTP/1.1\r\nHost: x\r\n\r\n");
    }
    bool Read(const std::string& what, int ms) {
        auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
        while (std::chrono::steady_clock::now() < until) {
            if (data.find(what) != std::string::npos) return true;
            pollfd p{conn.fd, POLLIN, 0};
            if (poll(&p, 1, 20) <= 0) continue;
            char buf[8192];
            ssize_t n = recv(conn.fd, buf, sizeof buf, 0);
            if (n <= 0) return data.find(what) != std::string::npos;
            data.append(buf, (size_t)n);
        }
        return data.find(what) != std::string::npos;
    }
};

}  // namespace

TEST_CASE("portfolio: Kramfors over three workspaces, exact to the krona, live, and access kept apart") {
    std::string data = Fresh("access-portfolio");
    ServerProcess s;
    REQUIRE(s.Start({"--data", data}, data + ".log"));
    httplib::Client c("127.0.0.1", s.port);
    Created fh = CreateFamiljehem(c);
    Created dev = Create(c, {{"name", "Utvecklingsarbete 2017"}, {"demo", "utvecklingsarbete-2017"}});
    Created nb = Create(c, {{"name", "Norrbotten"}, {"demo", "norrbotten"}});
    Made p = MakePortfolio(c, {{"party", "Kramfors"}, {"workspaces", {fh.id, dev.id, nb.id}}, {"year", 2017}});

    // The director's question, from the portfolio's token.
    auto r = c.Get("/api/portfolios/" + p.id, Bearer(p.token));
    REQUIRE(StatusOf(r) == 200);
    json j = json::parse(r->body);
    CHECK(j["party"] == "Kramfors");
    CHECK(j["year"] == 2017);
    REQUIRE(j["workspaces"].size() == 2);
    int64_t sum = 0;
    for (auto& w : j["workspaces"]) sum += w["amount_kr"].get<int64_t>();
    CHECK(j["total_kr"] == sum);
    CHECK(j["workspaces"][1]["amount_kr"] == 294695);
    CHECK(j["workspaces"][1]["workspace_id"] == dev.id);
    CHECK(j["not_in"] == json::array({"Norrbotten"}));
    CHECK(StatusOf(c.Get("/api/portfolios/" + p.id + "?year=tjugo", Bearer(p.token))) == 400);

    // The page and the CSV: the token moves to a cookie for /p/ID/, the page is real HTML.
    auto page = c.Get("/p/" + p.id + "/?access_token=" + p.token);
    REQUIRE(StatusOf(page) == 303);
    std::string cookie = page->get_header_value("Set-Cookie");
    CHECK(cookie.find("Path=/p/" + p.id + "/") != std::string::npos);
    std::string value = cookie.substr(0, cookie.find(';'));
    auto html = c.Get("/p/" + p.id + "/", {{"Cookie", value}});
    REQUIRE(StatusOf(html) == 200);
    CHECK(html->body.find("<html lang=\"sv\">") != std::string::npos);
    CHECK(html->body.find("Kramfors: alla samverkansområden 2017") != std::string::npos);
    CHECK(html->body.find("294\xC2\xA0" "695\xC2\xA0kr") != std::string::npos);
    auto csv = c.Get("/p/" + p.id + "/portfolj.csv", Bearer(p.token));
    REQUIRE(StatusOf(csv) == 200);
    CHECK(csv->body.rfind("\xEF\xBB\xBF", 0) == 0);
    CHECK(csv->body.find("Utvecklingsarbete 2017;2017;294695\r\n") != std::string::npos);

    // Access: the portfolio's token opens no workspace; a workspace's token opens no portfolio;
    // only the admin makes, lists and removes portfolios.
    CHECK(StatusOf(c.Get("/api/workspaces/" + fh.id, Bearer(p.token))) == 401);
    CHECK(StatusOf(c.Get("/w/" + fh.id + "/report", Bearer(p.token))) == 401);
    CHECK(StatusOf(c.Get("/api/portfolios/" + p.id, Bearer(fh.edit))) == 401);
    CHECK(StatusOf(c.Get("/p/" + p.id + "/", Bearer(fh.view))) == 401);
    CHECK(StatusOf(c.Get("/api/portfolios/" + p.id)) == 401);
    CHECK(StatusOf(c.Post("/api/portfolios", Bearer(fh.edit), json{{"party", "Kramfors"}, {"workspaces", {fh.id}}}.dump(), "application/json")) == 403);
    CHECK(StatusOf(c.Post("/api/portfolios", Bearer(p.token), json{{"party", "Kramfors"}, {"workspaces", {fh.id}}}.dump(), "application/json")) == 403);
    CHECK(StatusOf(c.Get("/api/portfolios", Bearer(p.token))) == 403);
    auto list = c.Get("/api/portfolios", kAdmin);
    REQUIRE(StatusOf(list) == 200);
    CHECK(list->body.find(p.token) == std::string::npos);   // tokens are never listed
    CHECK(json::parse(list->body)["portfolios"].size() == 1);

    // Live: a change in one of its workspaces is an event on the portfolio's stream.
    Events events(s.port, p.id, p.token);
    REQUIRE(events.Read("event: hello", 3000));
    REQUIRE(StatusOf(Patch(c, dev, 1, json::array({Op("replace", "/cost_items/basutbildningar/amount", 500000)}))) == 200);
    CHECK(events.Read("event: changed", 3000));
    CHECK(events.data.find(dev.id) != std::string::npos);
    json after = json::parse(c.Get("/api/portfolios/" + p.id, Bearer(p.token))->body);
    CHECK(after["workspaces"][1]["amount_kr"].get<int64_t>() > 294695);   // Kramfors' share of 100 000 kr more

    // Removed: the token ends and so does its stream.
    CHECK(StatusOf(c.Delete("/api/portfolios/" + p.id, Bearer(p.token))) == 403);
    CHECK(StatusOf(c.Delete("/api/portfolios/" + p.id, kAdmin)) == 204);
    CHECK(events.Read("\r\n0\r\n\r\n", 3000));
    CHECK(StatusOf(c.Get("/api/portfolios/" + p.id, Bearer(p.token))) == 401);
    CHECK(StatusOf(c.Delete("/api/portfolios/" + p.id, kAdmin)) == 404);
}

TEST_CASE("portfolio: with open_links each line leads into its workspace, read-only, and the links end with it") {
    std::string data = Fresh("access-portfolio-lines");
    ServerProcess s;
    REQUIRE(s.Start({"--data", data}, data + ".log"));
    httplib::Client c("127.0.0.1", s.port);
    Created fh = CreateFamiljehem(c);
    Created dev = Create(c, {{"name", "Utvecklingsarbete 2017"}, {"demo", "utvecklingsarbete-2017"}});
    Made plain = MakePortfolio(c, {{"party", "Kramfors"}, {"workspaces", {fh.id, dev.id}}});
    Made p = MakePortfolio(c, {{"party", "Kramfors"}, {"workspaces", {fh.id, dev.id}}, {"year", 2017}, {"open_links", true}});

    // Without open_links no line leads anywhere; with it, each does, to the holder only.
    json none = json::parse(c.Get("/api/portfolios/" + plain.id, Bearer(plain.token))->body);
    for (auto& w : none["workspaces"]) CHECK_FALSE(w.contains("open"));
    json admin = json::parse(c.Get("/api/portfolios/" + p.id, kAdmin)->body);
    for (auto& w : admin["workspaces"]) CHECK_FALSE(w.contains("open"));
    json j = json::parse(c.Get("/api/portfolios/" + p.id, Bearer(p.token))->body);
    REQUIRE(j["workspaces"].size() == 2);
    std::vector<std::string> lines;
    for (auto& w : j["workspaces"]) {
        REQUIRE(w.contains("open"));
        std::string open = w["open"];
        std::string prefix = "#w=" + w["workspace_id"].get<std::string>() + "&t=";
        REQUIRE(open.rfind(prefix, 0) == 0);
        lines.push_back(open.substr(prefix.size()));
    }
    CHECK(lines[0] != lines[1]);
    CHECK(lines[0] != p.token);

    // A line's token opens its workspace to read, not to change, and not the other workspace.
    auto ws = c.Get("/api/workspaces/" + fh.id, Bearer(lines[0]));
    REQUIRE(StatusOf(ws) == 200);
    CHECK(json::parse(ws->body)["access"] == "view");
    CHECK(StatusOf(Patch(c, fh, 1, json::array({Op("replace", "/name", "X")}), lines[0])) == 403);
    CHECK(StatusOf(c.Get("/api/workspaces/" + dev.id, Bearer(lines[0]))) == 401);
    CHECK(StatusOf(c.Get("/api/workspaces/" + fh.id, Bearer(p.token))) == 401);   // the portfolio's own token still opens none

    // The workspace's admin sees the link by name and may end it: that line then leads nowhere.
    auto links = json::parse(c.Get("/api/workspaces/" + fh.id + "/links", Bearer(fh.edit))->body);
    std::string link_id;
    for (auto& l : links["links"])
        if (l["name"] == "Portfölj: Kramfors") link_id = l["link_id"];
    REQUIRE(!link_id.empty());
    CHECK(StatusOf(c.Delete("/api/workspaces/" + fh.id + "/links/" + link_id, Bearer(fh.edit))) == 204);
    json after = json::parse(c.Get("/api/portfolios/" + p.id, Bearer(p.token))->body);
    CHECK_FALSE(after["workspaces"][0].contains("open"));
    CHECK(after["workspaces"][1].contains("open"));

    // Removing the portfolio ends the links it made, and only those.
    CHECK(StatusOf(c.Delete("/api/portfolios/" + p.id, kAdmin)) == 204);
    CHECK(StatusOf(c.Get("/api/workspaces/" + dev.id, Bearer(lines[1]))) == 401);
    CHECK(StatusOf(c.Get("/api/workspaces/" + dev.id, Bearer(dev.view))) == 200);
    CHECK(StatusOf(c.Get("/api/portfolios/" + plain.id, Bearer(plain.token))) == 200);

    auto bad = c.Post("/api/portfolios", kAdmin, json{{"party", "Kramfors"}, {"workspaces", {fh.id}}, {"open_links", "ja"}}.dump(), "application/json");
    REQUIRE(StatusOf(bad) == 400);
    CHECK(json::parse(bad->body)["message"] == "\"open_links\" must be true or false");
}

TEST_CASE("portfolio: what the admin sends is checked, with the field named") {
    std::string data = Fresh("access-portfolio-bad");
    ServerProcess s;
    REQUIRE(s.Start({"--data", data}, data + ".log"));
    httplib::Client c("127.0.0.1", s.port);
    Created fh = CreateFamiljehem(c);
    for (auto [body, code] : std::vector<std::pair<std::string, std::string>>{
             {R"({"workspaces":["x"]})", "bad_request"},
             {R"({"party":"","workspaces":["FH"]})", "bad_name"},
             {R"({"party":"Kramfors\u0007","workspaces":["FH"]})", "bad_name"},
             {R"({"party":"Kramfors","workspaces":[]})", "bad_request"},
             {R"({"party":"Kramfors","workspaces":[3]})", "bad_request"},
             {R"({"party":"Kramfors","workspaces":["finns-inte"]})", "unknown_workspace"},
             {R"({"party":"Kramfors","workspaces":["FH"],"year":"2017"})", "bad_year"},
             {R"({"party":"Kramfors","workspaces":["FH"],"year":99999})", "bad_year"},
             {R"([1,2])", "bad_request"}}) {
        std::string b = body;
        for (size_t at; (at = b.find("FH")) != std::string::npos;) b.replace(at, 2, fh.id);
        auto r = c.Post("/api/portfolios", kAdmin, b, "application/json");
        INFO(b);
        REQUIRE(r);
        CHECK(r->status >= 400);
        CHECK(r->status < 500);
        CHECK(json::parse(r->body)["error"] == code);
    }
    CHECK(StatusOf(c.Get("/api/health")) != 0);
}
