// The administration page: /admin. The HTML and its texts (both languages, from the one
// translation table) are made here; its script, web/admin.js, is built into the server, so
// the page is there without a web folder too.
#include <httplib.h>
#include "api.h"
#include "encoding.h"
#include "i18n.h"
#include "static_files.h"
#include "utf8.h"

extern const unsigned char kAdminScript[];
extern const int kAdminScriptSize;

namespace server {

namespace {

// The page's texts as JSON, safe inside <script type="application/json">.
std::string TextsJson() {
    sam::json texts = {{"sv", sam::json::object()}, {"en", sam::json::object()}};
    for (std::string_view key : sam::AllTextKeys()) {
        if (key.rfind("admin.", 0) != 0 && key.rfind("erase.", 0) != 0) continue;
        std::string k(key);
        texts["sv"][k] = std::string(sam::Tr(sam::Lang::Sv, key));
        texts["en"][k] = std::string(sam::Tr(sam::Lang::En, key));
    }
    std::string out = sam::JsonText(texts), safe;
    for (size_t i = 0; i < out.size(); ++i) {
        if (out[i] == '<') safe += "\\u003c";   // no "</script>" can end the block early
        else safe += out[i];
    }
    return safe;
}

constexpr const char* kStyle = R"CSS(
:root { color-scheme: light; --ink: #1b1b1b; --muted: #4a4a4a; --line: #c8c8c8; --accent: #0b5394; --danger: #a4161a; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: var(--ink); background: #fff; }
header { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: center; justify-content: space-between; padding: 0.75rem 1.25rem; border-bottom: 2px solid var(--accent); }
h1 { font-size: 1.5rem; margin: 0; }
main { padding: 1rem 1.25rem 3rem; max-width: 80rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 0.5rem; }
h3 { font-size: 1.1rem; margin: 1.5rem 0 0.5rem; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; min-width: 100%; }
caption { text-align: left; font-weight: 600; padding: 0.25rem 0; }
th, td { text-align: left; padding: 0.4rem 0.6rem; border-bottom: 1px solid var(--line); vertical-align: top; }
thead th { border-bottom: 2px solid var(--ink); }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
td.date { white-space: nowrap; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.actions { display: flex; flex-wrap: wrap; gap: 0.35rem; }
button { font: inherit; padding: 0.35rem 0.8rem; border: 1px solid var(--accent); background: #fff; color: var(--accent); border-radius: 4px; cursor: pointer; }
button[type=submit] { background: var(--accent); color: #fff; }
button.danger { border-color: var(--danger); color: var(--danger); }
button[type=submit].danger { background: var(--danger); color: #fff; }
button:hover { text-decoration: underline; }
:focus-visible { outline: 3px solid #f4b400; outline-offset: 2px; }
form { margin: 1rem 0; padding: 1rem; border: 1px solid var(--line); border-radius: 6px; max-width: 44rem; }
.field { margin: 0 0 0.9rem; }
label { display: block; font-weight: 600; }
.choice label { display: inline; font-weight: normal; margin-left: 0.35rem; }
.hint { margin: 0.1rem 0 0.3rem; color: var(--muted); }
input[type=text], input[type=password], select { font: inherit; padding: 0.35rem 0.5rem; border: 1px solid #767676; border-radius: 4px; width: 100%; max-width: 36rem; }
input[aria-invalid=true] { border: 2px solid var(--danger); }
fieldset { border: none; padding: 0; margin: 0 0 0.9rem; }
legend { font-weight: 600; padding: 0; }
#status:not(:empty), #alert:not(:empty) { margin: 0.75rem 0; padding: 0.6rem 0.8rem; border-radius: 4px; }
#status:not(:empty) { background: #e8f1fb; border-left: 4px solid var(--accent); }
#alert:not(:empty) { background: #fbeaea; border-left: 4px solid var(--danger); }
.fresh { margin: 0.75rem 0; padding: 0.75rem; background: #f3f8ee; border: 1px solid #6a8f3a; border-radius: 4px; }
.fresh .row { display: flex; gap: 0.5rem; flex-wrap: wrap; }
.fresh input.url { flex: 1 1 20rem; font-family: ui-monospace, monospace; font-size: 0.9rem; }
)CSS";

std::string Page(sam::Lang lang) {
    std::string title(sam::Tr(lang, "admin.title"));
    return std::string("<!doctype html>\n<html lang=\"") + (lang == sam::Lang::En ? "en" : "sv") + "\">\n<head>\n<meta charset=\"utf-8\">\n"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<link rel=\"icon\" href=\"data:,\">\n<title>" + title + "</title>\n"
           "<style>" + kStyle + "</style>\n"
           "<script type=\"application/json\" id=\"texts\">" + TextsJson() + "</script>\n"
           "<script src=\"/admin.js\" defer></script>\n</head>\n<body>\n"
           "<header><h1 id=\"title\">" + title + "</h1><div id=\"tools\"></div></header>\n"
           "<main id=\"main\">\n<div id=\"status\" role=\"status\" aria-live=\"polite\"></div>\n<div id=\"alert\" role=\"alert\"></div>\n"
           "<div id=\"content\"><noscript>Sidan behöver JavaScript. / This page needs JavaScript.</noscript></div>\n</main>\n</body>\n</html>\n";
}

}  // namespace

void InstallAdminPage(httplib::Server& svr) {
    auto page = [](const httplib::Request& req, httplib::Response& res) {
        sam::Lang lang = req.has_param("lang") && req.get_param_value("lang") == "en" ? sam::Lang::En : sam::Lang::Sv;
        res.set_header("Cache-Control", "no-store");
        SetSecurityHeaders(res);
        SetBody(res, Page(lang), "text/html; charset=utf-8", &req);
    };
    svr.Get("/admin", page);
    svr.Get("/admin/", page);
    svr.Get("/admin.js", [](const httplib::Request& req, httplib::Response& res) {
        res.set_header("Cache-Control", "no-cache");
        SetSecurityHeaders(res);
        SetBody(res, std::string((const char*)kAdminScript, (size_t)kAdminScriptSize), "text/javascript; charset=utf-8", &req);
    });
}

}  // namespace server
