// Reports and exports for holders of a workspace's link, made by core from the newest
// state, so they are the same files as the CLI's and the apps':
//   GET /w/{id}/report                 the full report as accessible HTML (?format=md, ?lang=en,
//                                      ?sections=summary,costs,… in that order)
//   GET /w/{id}/beslutsunderlag.md     the decision basis
//   GET /w/{id}/bilaga/{party}         one party's annex (?format=md)
//   GET /w/{id}/{parties|members|decisions|costs}.csv
//   GET /w/{id}/samverkan.xlsx         the Excel workbook (?year=YYYY for the scenarios, ?lang=en)
// The link's token comes as "Authorization: Bearer", or as ?access_token= (a link a browser
// opens), which is moved to a cookie for /w/ID/ by a redirect.
#include <httplib.h>
#include <ctime>
#include "api.h"
#include "auth.h"
#include "encoding.h"
#include "exports.h"
#include "format.h"
#include "papers.h"
#include "report.h"
#include "static_files.h"
#include "workbook.h"
#include "xlsx_export.h"

namespace server {

namespace {

std::string Today() { return sam::LocalDate(std::time(nullptr)); }

sam::Lang LangOf(const httplib::Request& req) {
    return req.has_param("lang") && req.get_param_value("lang") == "en" ? sam::Lang::En : sam::Lang::Sv;
}

}  // namespace

bool MovedTokenToCookie(const httplib::Request& req, httplib::Response& res, const std::string& scope) {
    if (!req.has_param("access_token") || req.has_header("Authorization")) return false;
    std::string query;
    for (auto& [key, value] : req.params)
        if (key != "access_token") query += (query.empty() ? "?" : "&") + httplib::detail::encode_query_param(key) + "=" + httplib::detail::encode_query_param(value);
    res.status = 303;
    res.set_header("Location", req.path + query);
    res.set_header("Set-Cookie", std::string(kDocumentCookie) + "=" + req.get_param_value("access_token") + "; Path=" + scope +
                                 "; HttpOnly; SameSite=Strict; Max-Age=28800");
    res.set_header("Cache-Control", "no-store");
    SetSecurityHeaders(res);
    return true;
}

void SendDocument(const httplib::Request& req, httplib::Response& res, std::string text, const char* type, const std::string& download) {
    res.set_header("Cache-Control", "no-store");
    SetSecurityHeaders(res);   // also Referrer-Policy: no-referrer, so a link's token is not passed on
    if (!download.empty()) res.set_header("Content-Disposition", "attachment; filename=\"" + download + "\"");
    SetBody(res, std::move(text), type, &req);
}

namespace {

// The newest state of a workspace the request may read; answers and returns false otherwise.
bool Read(const httplib::Request& req, httplib::Response& res, Storage& storage, Hub& hub, const ApiConfig& config, sam::Workspace& ws) {
    std::string id = req.matches[1];
    Access a = Authorize(req, storage, config);
    if (!Open(a, storage, id, Role::View, res)) return false;
    if (MovedTokenToCookie(req, res, "/w/" + id + "/")) return false;
    auto live = hub.Get(id);
    if (!live) { SendError(res, 500, "storage", "the workspace could not be read"); return false; }
    std::lock_guard lock(live->mu);
    ws = live->ws;
    return true;
}

void Send(const httplib::Request& req, httplib::Response& res, std::string text, const char* type, const std::string& download = "") {
    SendDocument(req, res, std::move(text), type, download);
}

const char* kW = R"(/w/([A-Za-z0-9_-]{1,64}))";

}  // namespace

void InstallDocuments(httplib::Server& svr, Storage& storage, Hub& hub, const ApiConfig& config) {
    svr.Get(std::string(kW) + "/report", [&](const httplib::Request& req, httplib::Response& res) {
        sam::Workspace ws;
        if (!Read(req, res, storage, hub, config, ws)) return;
        sam::ReportOptions o;
        o.lang = LangOf(req);
        o.as_of = Today();
        o.structure = o.all_scenarios = true;
        std::string error;
        if (req.has_param("sections") && !sam::ParseReportSections(req.get_param_value("sections"), o.sections, error))
            return SendError(res, 400, "bad_sections", error);
        bool md = req.has_param("format") && req.get_param_value("format") == "md";
        o.format = md ? sam::ReportFormat::Markdown : sam::ReportFormat::Html;
        sam::ReportResult r = sam::MakeReport(ws, o);
        if (!r.ok) return SendError(res, 422, "report", r.error);
        Send(req, res, r.text, md ? "text/markdown; charset=utf-8" : "text/html; charset=utf-8");
    });
    svr.Get(std::string(kW) + "/beslutsunderlag.md", [&](const httplib::Request& req, httplib::Response& res) {
        sam::Workspace ws;
        if (!Read(req, res, storage, hub, config, ws)) return;
        Send(req, res, sam::DecisionPaper(ws, LangOf(req), Today()).text, "text/markdown; charset=utf-8");
    });
    svr.Get(std::string(kW) + "/bilaga/([A-Za-z0-9_.-]{1,64})", [&](const httplib::Request& req, httplib::Response& res) {
        sam::Workspace ws;
        if (!Read(req, res, storage, hub, config, ws)) return;
        bool md = req.has_param("format") && req.get_param_value("format") == "md";
        sam::PaperResult p = sam::PartyAnnex(ws, req.matches[2], md ? sam::ReportFormat::Markdown : sam::ReportFormat::Html, LangOf(req), Today());
        if (!p.ok) return SendError(res, 404, "unknown_party", p.error);
        Send(req, res, p.text, md ? "text/markdown; charset=utf-8" : "text/html; charset=utf-8");
    });
    svr.Get(std::string(kW) + "/samverkan\\.xlsx", [&](const httplib::Request& req, httplib::Response& res) {
        int year = 0;
        if (req.has_param("year")) {
            std::string y = req.get_param_value("year");
            if (y.size() != 4 || y.find_first_not_of("0123456789") != std::string::npos)
                return SendError(res, 400, "bad_year", "year must be four digits, as in 2024");
            year = std::stoi(y);
        }
        sam::Workspace ws;
        if (!Read(req, res, storage, hub, config, ws)) return;
        std::string error;
        auto bytes = xlsx::XlsxBytes(sam::BuildWorkbook(ws, LangOf(req), year, Today()), &error);
        if (!bytes) return SendError(res, 500, "xlsx", "the workbook could not be made: " + error);
        Send(req, res, std::move(*bytes), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", sam::WorkbookFileName(ws));
    });
    svr.Get(std::string(kW) + "/([a-z]{1,16})\\.csv", [&](const httplib::Request& req, httplib::Response& res) {
        sam::CsvTable table;
        if (!sam::CsvTableFromName(req.matches[2].str(), table))
            return SendError(res, 404, "not_found", "the CSV files are parties, members, decisions and costs");
        sam::Workspace ws;
        if (!Read(req, res, storage, hub, config, ws)) return;
        sam::Lang lang = LangOf(req);
        Send(req, res, sam::ExportCsv(ws, table, lang), "text/csv; charset=utf-8", sam::CsvFileName(ws, table, lang));
    });
}

}  // namespace server
