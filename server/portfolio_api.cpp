// Portfolios: one organisation's whole picture over chosen workspaces, opened read-only by
// its own token (core/portfolio.h computes it).
//   POST   /api/portfolios                 admin: {"party", "workspaces": [ids], "name"?, "year"?,
//                                          "open_links"?: true: each line leads into its workspace}
//   GET    /api/portfolios                 admin: the list (never a token)
//   DELETE /api/portfolios/{id}            admin: the token ends, its streams close
//   GET    /api/portfolios/{id}            the portfolio as JSON (?year=YYYY)
//   GET    /api/portfolios/{id}/events     "changed" whenever one of its workspaces gets a revision
//   GET    /p/{id}/                        the accessible HTML page (?lang=en, ?year=)
//   GET    /p/{id}/portfolj.csv            what the party pays per workspace and year
// A portfolio token opens nothing else, and a workspace's token opens no portfolio. With
// "open_links" the admin also makes one view link per workspace ("Portfölj: NAME"), whose token
// follows from the portfolio's (so no token is stored in clear): the portfolio's answer carries
// them as "open", a workspace's own admin sees and can remove each, and they end with it.
#include <httplib.h>
#include <algorithm>
#include <chrono>
#include <map>
#include <ctime>
#include <thread>
#include "api.h"
#include "auth.h"
#include "format.h"
#include "guards.h"
#include "request_log.h"
#include "json_scan.h"
#include "portfolio.h"
#include "utf8.h"

namespace server {

using sam::json;

namespace {

const std::string kPid = R"(([A-Za-z0-9_-]{1,64}))";

std::string Today() { return sam::LocalDate(std::time(nullptr)); }

// The view link's token for one workspace of a portfolio: only the portfolio's holder knows it.
std::string LineToken(const std::string& portfolio_token, const std::string& workspace) {
    return HashToken("portfolio-line\n" + portfolio_token + "\n" + workspace).substr(0, 32);
}
std::string LineCreator(const std::string& portfolio_id) { return "portfolio:" + portfolio_id; }

// Ends the view links a portfolio made, in every workspace it covered, and their open streams.
void RemoveLines(Storage& storage, Hub& hub, const PortfolioInfo& p) {
    for (auto& ws : p.workspaces)
        for (auto& link : storage.Links(ws))
            if (link.created_by == LineCreator(p.id) && storage.RemoveLink(ws, link.id)) {
                hub.AccessChanged(ws);
                storage.Audit("admin", "link_revoked", ws, link.id + " (view)");
            }
}

// The admin, or the holder of this portfolio's token; answers and returns false otherwise.
bool MayRead(const httplib::Request& req, Storage& storage, const ApiConfig& config, const std::string& id, httplib::Response& res) {
    std::string token = RequestToken(req);
    if (token.empty()) { SendError(res, 401, "unauthorized", "this needs the portfolio's link (Authorization: Bearer TOKEN)"); return false; }
    std::string hash = HashToken(token);
    bool admin = !config.admin_hash.empty() && SameHash(hash, config.admin_hash);
    if (!admin && storage.PortfolioByToken(hash) != id) { SendError(res, 401, "unauthorized", "the token does not open this portfolio"); return false; }
    if (!storage.Portfolio(id)) { SendError(res, 404, "unknown_portfolio", "no portfolio with id " + id); return false; }
    return true;
}

bool IsAdmin(const httplib::Request& req, const ApiConfig& config, httplib::Response& res) {
    std::string token = RequestToken(req);
    if (!token.empty() && !config.admin_hash.empty() && SameHash(HashToken(token), config.admin_hash)) return true;
    SendError(res, token.empty() ? 401 : 403, token.empty() ? "unauthorized" : "forbidden", "this needs the admin token");
    return false;
}

// A text typed by a person: trimmed, 1 to 80 characters, no control characters.
bool ReadText(const json& body, const char* key, bool required, std::string& out, httplib::Response& res) {
    if (!body.contains(key)) {
        if (required) SendError(res, 400, "bad_request", std::string("the body must hold \"") + key + "\": a text");
        return !required;
    }
    if (!body[key].is_string()) { SendError(res, 400, "bad_request", std::string("\"") + key + "\" must be a text"); return false; }
    out = body[key].get<std::string>();
    size_t a = out.find_first_not_of(" \t"), b = out.find_last_not_of(" \t");
    out = a == std::string::npos ? "" : out.substr(a, b - a + 1);
    size_t chars = 0;
    for (unsigned char c : out) {
        chars += (c & 0xC0) != 0x80;
        if (c < 0x20 || c == 0x7F) { SendError(res, 400, "bad_name", std::string("\"") + key + "\" may not hold control characters"); return false; }
    }
    if (chars == 0 || chars > 80) { SendError(res, 400, "bad_name", std::string("\"") + key + "\" must be 1 to 80 characters"); return false; }
    return true;
}

json InfoJson(const PortfolioInfo& p) {
    return {{"portfolio_id", p.id}, {"name", p.name}, {"party", p.party}, {"workspaces", p.workspaces}, {"year", p.year},
            {"created", p.created}, {"created_by", p.created_by}};
}

// The year asked for (?year=), else the portfolio's, else this year; 0 when ?year= is not a year.
int YearOf(const httplib::Request& req, const PortfolioInfo& p) {
    if (req.has_param("year")) {
        std::string y = req.get_param_value("year");
        if (y.size() != 4 || y.find_first_not_of("0123456789") != std::string::npos) return 0;
        return std::stoi(y);
    }
    return p.year ? p.year : std::stoi(Today().substr(0, 4));
}

// The portfolio over its workspaces' newest states; the ids of those it is in, by position.
sam::Portfolio Compute(Storage& storage, Hub& hub, const PortfolioInfo& p, int year, std::vector<std::string>& ids) {
    std::vector<sam::Workspace> states;
    for (auto& id : p.workspaces) {
        if (!storage.Exists(id)) continue;   // deleted since: left out
        auto live = hub.Get(id);
        if (!live) continue;
        std::lock_guard lock(live->mu);
        states.push_back(live->ws);
        ids.push_back(id);
    }
    std::vector<const sam::Workspace*> ws;
    for (auto& s : states) ws.push_back(&s);
    return sam::ComputePortfolio(p.party, year, ws, Today());
}

void InstallAdmin(httplib::Server& svr, Storage& storage, Hub& hub, const ApiConfig& config) {
    svr.Post("/api/portfolios", [&](const httplib::Request& req, httplib::Response& res) {
        if (!IsAdmin(req, config, res)) return;
        json body;
        if (!ParseBody(req, res, body)) return;
        if (!body.is_object()) return SendError(res, 400, "bad_request", "the body must be an object");
        PortfolioInfo p;
        if (!ReadText(body, "party", true, p.party, res) || !ReadText(body, "name", false, p.name, res)) return;
        if (p.name.empty()) p.name = p.party;
        if (!body.contains("workspaces") || !body["workspaces"].is_array() || body["workspaces"].empty() || body["workspaces"].size() > 500)
            return SendError(res, 400, "bad_request", "\"workspaces\" must list 1 to 500 workspace ids");
        for (auto& w : body["workspaces"]) {
            if (!w.is_string()) return SendError(res, 400, "bad_request", "\"workspaces\" must hold workspace ids (texts)");
            std::string id = w.get<std::string>();
            if (!storage.Exists(id)) return SendError(res, 404, "unknown_workspace", "no workspace with id " + sam::RepairUtf8(id));
            if (std::find(p.workspaces.begin(), p.workspaces.end(), id) == p.workspaces.end()) p.workspaces.push_back(id);
        }
        if (body.contains("year")) {
            if (!body["year"].is_number_integer() || body["year"].get<int64_t>() < 1900 || body["year"].get<int64_t>() > 2200)
                return SendError(res, 400, "bad_year", "\"year\" must be a year from 1900 to 2200");
            p.year = body["year"].get<int>();
        }
        bool lines = false;
        if (body.contains("open_links")) {
            if (!body["open_links"].is_boolean()) return SendError(res, 400, "bad_request", "\"open_links\" must be true or false");
            lines = body["open_links"].get<bool>();
        }
        p.created_by = "admin";
        std::string token = NewToken(), error;
        auto made = storage.AddPortfolio(p, HashToken(token), &error);
        if (!made) return SendError(res, 500, "storage", "the portfolio could not be stored: " + error);
        for (size_t i = 0; lines && i < made->workspaces.size(); ++i) {
            const std::string& ws = made->workspaces[i];
            if (!storage.AddLink(ws, "Portfölj: " + made->name, Role::View, HashToken(LineToken(token, ws)), LineCreator(made->id), &error)) {
                RemoveLines(storage, hub, *made);
                storage.RemovePortfolio(made->id);
                return SendError(res, 500, "storage", "the portfolio's links could not be stored: " + error);
            }
            storage.Audit("admin", "link_made", ws, "Portfölj " + made->id + " (view)");
        }
        storage.Audit("admin", "portfolio_made", "", made->id + " (" + made->party + ")");
        json out = InfoJson(*made);
        out["token"] = token;
        out["page"] = "/p/" + made->id + "/";
        SendJson(res, 201, out);
    });
    svr.Get("/api/portfolios", [&](const httplib::Request& req, httplib::Response& res) {
        if (!IsAdmin(req, config, res)) return;
        json list = json::array();
        for (auto& p : storage.Portfolios()) list.push_back(InfoJson(p));
        SendJson(res, 200, {{"portfolios", list}}, &req);
    });
    svr.Delete("/api/portfolios/" + kPid, [&](const httplib::Request& req, httplib::Response& res) {
        if (!IsAdmin(req, config, res)) return;
        std::string id = req.matches[1];
        auto p = storage.Portfolio(id);
        if (!p) return SendError(res, 404, "unknown_portfolio", "no portfolio with id " + id);
        RemoveLines(storage, hub, *p);
        if (!storage.RemovePortfolio(id)) return SendError(res, 404, "unknown_portfolio", "no portfolio with id " + id);
        storage.Audit("admin", "portfolio_removed", "", id);
        res.status = 204;
    });
}

void InstallReading(httplib::Server& svr, Storage& storage, Hub& hub, const ApiConfig& config) {
    svr.Get("/api/portfolios/" + kPid, [&](const httplib::Request& req, httplib::Response& res) {
        std::string id = req.matches[1];
        if (!MayRead(req, storage, config, id, res)) return;
        PortfolioInfo p = *storage.Portfolio(id);
        int year = YearOf(req, p);
        if (!year) return SendError(res, 400, "bad_year", "?year= must be a year YYYY");
        std::vector<std::string> ids;
        sam::Portfolio result = Compute(storage, hub, p, year, ids);
        // The pinned fields, what an app draws besides, and where each line leads.
        json out = sam::PortfolioJsonFull(result);
        // A line leads into its workspace while its view link lives (the portfolio's holder only).
        std::string token = RequestToken(req);
        bool holder = storage.PortfolioByToken(HashToken(token)) == id;
        for (size_t i = 0; i < result.workspaces.size(); ++i) {
            const std::string& ws = ids[result.workspaces[i].index];
            out["workspaces"][i]["workspace_id"] = ws;
            if (!holder) continue;
            std::string line = LineToken(token, ws);
            TokenInfo t = storage.FindToken(HashToken(line));
            if (t.role == Role::View && t.workspace == ws) out["workspaces"][i]["open"] = "#w=" + ws + "&t=" + line;
        }
        out["name"] = p.name;
        SendJson(res, 200, out, &req);
    });
    // The page and the CSV: the token moves to a cookie for /p/ID/ on the first visit.
    auto document = [&](const httplib::Request& req, httplib::Response& res, bool csv) {
        std::string id = req.matches[1];
        if (!MayRead(req, storage, config, id, res)) return;
        if (MovedTokenToCookie(req, res, "/p/" + id + "/")) return;
        PortfolioInfo p = *storage.Portfolio(id);
        int year = YearOf(req, p);
        if (!year) return SendError(res, 400, "bad_year", "?year= must be a year YYYY");
        std::vector<std::string> ids;
        sam::Portfolio result = Compute(storage, hub, p, year, ids);
        sam::Lang lang = req.has_param("lang") && req.get_param_value("lang") == "en" ? sam::Lang::En : sam::Lang::Sv;
        if (csv) return SendDocument(req, res, sam::PortfolioCsv(result, lang), "text/csv; charset=utf-8", "portfolj-" + id + ".csv");
        SendDocument(req, res, sam::PortfolioDocument(result, sam::ReportFormat::Html, lang), "text/html; charset=utf-8");
    };
    svr.Get("/p/" + kPid + "/", [document](const httplib::Request& req, httplib::Response& res) { document(req, res, false); });
    svr.Get("/p/" + kPid + "/portfolj.csv", [document](const httplib::Request& req, httplib::Response& res) { document(req, res, true); });
}

// Live: a short event whenever one of the workspaces has a new revision on disk, so a
// follower fetches the portfolio again. Looked at twice a second; ends when the token does.
void InstallEvents(httplib::Server& svr, Storage& storage, Hub& hub, const ApiConfig& config) {
    svr.Get("/api/portfolios/" + kPid + "/events", [&](const httplib::Request& req, httplib::Response& res) {
        std::string id = req.matches[1];
        if (!MayRead(req, storage, config, id, res)) return;
        std::string client = ClientAddress(req, config.trusted_proxy);
        if (int refused = config.streams ? config.streams->Take(client) : 0) {
            res.set_header("Retry-After", "10");
            SendError(res, refused, "too_many_streams", "the server has as many event streams open as it can serve");
            return CloseAfter(res);
        }
        res.set_header("Cache-Control", "no-store");
        res.set_header("X-Accel-Buffering", "no");
        struct Seen { std::map<std::string, int64_t> revision; bool hello = true; int quiet = 0; };
        auto seen = std::make_shared<Seen>();
        std::string hash = HashToken(RequestToken(req));
        bool admin = !config.admin_hash.empty() && SameHash(hash, config.admin_hash);
        res.set_chunked_content_provider("text/event-stream",
            [&hub, &storage, id, seen, hash, admin](size_t, httplib::DataSink& sink) {
                auto p = storage.Portfolio(id);
                if (hub.Stopping()) return false;
                if (!p || (!admin && storage.PortfolioByToken(hash) != id)) { sink.done(); return true; }   // removed: ends
                std::string out;
                for (auto& w : p->workspaces) {
                    auto live = storage.Exists(w) ? hub.Get(w) : nullptr;
                    if (!live) continue;
                    int64_t durable;
                    {
                        std::lock_guard lock(live->mu);
                        durable = live->durable;
                    }
                    auto it = seen->revision.find(w);
                    if (it == seen->revision.end()) { seen->revision[w] = durable; continue; }
                    if (durable <= it->second) continue;
                    it->second = durable;
                    out += "event: changed\ndata: " + sam::JsonText(json{{"workspace", w}, {"revision", durable}}) + "\n\n";
                }
                if (seen->hello) { out = "retry: 1000\nevent: hello\ndata: {}\n\n"; seen->hello = false; }
                if (out.empty()) {
                    std::this_thread::sleep_for(std::chrono::milliseconds(500));
                    if (++seen->quiet < 30) return true;   // a keep-alive every 15 s
                    out = ": keep-alive\n\n";
                }
                seen->quiet = 0;
                NoteStreamed(out.size());
                return sink.write(out.data(), out.size());
            },
            [streams = config.streams, client](bool) { if (streams) streams->Release(client); });
    });
}

}  // namespace

void InstallPortfolios(httplib::Server& svr, Storage& storage, Hub& hub, const ApiConfig& config) {
    InstallAdmin(svr, storage, hub, config);
    InstallEvents(svr, storage, hub, config);
    InstallReading(svr, storage, hub, config);
}

}  // namespace server
