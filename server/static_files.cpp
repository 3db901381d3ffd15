#include "static_files.h"

#include <httplib.h>
#include <fstream>
#include <sstream>
#include "api.h"

namespace server {

const char* ContentType(const std::string& f) {
    auto ends = [&](const char* s) { std::string x = s; return f.size() >= x.size() && f.compare(f.size() - x.size(), x.size(), x) == 0; };
    if (ends(".html")) return "text/html; charset=utf-8";
    if (ends(".js")) return "text/javascript; charset=utf-8";
    if (ends(".wasm")) return "application/wasm";
    if (ends(".json")) return "application/json";
    if (ends(".css")) return "text/css; charset=utf-8";
    if (ends(".png")) return "image/png";
    if (ends(".svg")) return "image/svg+xml";
    if (ends(".ico")) return "image/x-icon";
    return "application/octet-stream";
}

void SetSecurityHeaders(httplib::Response& res) {
    res.set_header("Content-Security-Policy",
                   "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; "
                   "img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'");
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_header("Referrer-Policy", "no-referrer");
    res.set_header("X-Frame-Options", "DENY");
}

namespace {

bool ReadWhole(const std::string& path, std::string& out) {
    std::ifstream f(path, std::ios::binary);
    if (!f) return false;
    std::stringstream ss;
    ss << f.rdbuf();
    out = ss.str();
    return true;
}

bool SafeName(const std::string& name) {
    if (name.empty() || name[0] == '.' || name.size() > 128) return false;
    for (char c : name)
        if (!(isalnum((unsigned char)c) || c == '.' || c == '-' || c == '_')) return false;
    return true;
}

}  // namespace

void ServeStatic(httplib::Server& svr, const std::string& web_dir) {
    svr.Get(R"(/([^/]*))", [web_dir](const httplib::Request& req, httplib::Response& res) {
        std::string name = req.matches[1];
        if (name.empty()) name = "index.html";
        if (!SafeName(name)) return SendError(res, 404, "not_found", "no such file");
        std::string path = web_dir + "/" + name;
        std::string body;
        bool gz = false;
        std::string accept = req.get_header_value("Accept-Encoding");
        if (accept.find("gzip") != std::string::npos && ReadWhole(path + ".gz", body)) gz = true;
        else if (!ReadWhole(path, body)) return SendError(res, 404, "not_found", "no such file: " + name);
        if (gz) res.set_header("Content-Encoding", "gzip");
        res.set_header("Vary", "Accept-Encoding");
        res.set_header("Cache-Control", name == "index.html" ? "no-cache" : "no-cache");
        SetSecurityHeaders(res);
        res.set_content(std::move(body), ContentType(name));
    });
}

}  // namespace server
