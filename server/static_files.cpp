#include "static_files.h"

#include <httplib.h>
#include <openssl/evp.h>
#include <cstdio>
#include <fstream>
#include <sstream>
#include "api.h"
#include "encoding.h"

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
    if (ends(".ttf")) return "font/ttf";
    return "application/octet-stream";
}

void SetSecurityHeaders(httplib::Response& res, const std::string& script_hashes) {
    res.set_header("Content-Security-Policy",
                   "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'" + (script_hashes.empty() ? "" : " " + script_hashes) +
                   "; style-src 'self' 'unsafe-inline'; "
                   "img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'");
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_header("Referrer-Policy", "no-referrer");
    res.set_header("X-Frame-Options", "DENY");
}

std::string InlineScriptHashes(const std::string& html) {
    std::string out;
    for (size_t pos = html.find("<script"); pos != std::string::npos; pos = html.find("<script", pos)) {
        size_t open_end = html.find('>', pos);
        if (open_end == std::string::npos) break;
        size_t close = html.find("</script>", open_end);
        if (close == std::string::npos) break;
        std::string tag = html.substr(pos, open_end - pos);
        pos = close + 9;
        if (tag.find("src=") != std::string::npos) continue;
        unsigned char digest[EVP_MAX_MD_SIZE];
        unsigned int length = 0;
        EVP_Digest(html.data() + open_end + 1, close - open_end - 1, digest, &length, EVP_sha256(), nullptr);
        unsigned char base64[4 * ((EVP_MAX_MD_SIZE + 2) / 3) + 1];
        EVP_EncodeBlock(base64, digest, (int)length);
        out += (out.empty() ? "'sha256-" : " 'sha256-") + std::string((const char*)base64) + "'";
    }
    return out;
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

// A validator of a file's content as stored (weak: a page may be compressed on the way), so
// that a browser that has the program asks whether it changed and gets 304 with no body,
// instead of downloading 480 KB again on every visit.
std::string ContentTag(const std::string& stored, bool gz) {
    uint64_t h = 1469598103934665603ull;   // FNV-1a
    for (unsigned char c : stored) h = (h ^ c) * 1099511628211ull;
    char text[40];
    std::snprintf(text, sizeof text, "W/\"%016llx%s\"", (unsigned long long)h, gz ? "-gz" : "");
    return text;
}

// True when the request's If-None-Match names `tag` (or is "*").
bool AlreadyHas(const httplib::Request& req, const std::string& tag) {
    std::string asked = req.get_header_value("If-None-Match");
    if (asked == "*") return true;
    return asked.find(tag.substr(2)) != std::string::npos;   // weak comparison: with W/ or without
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
        bool page = name.size() > 5 && name.compare(name.size() - 5, 5, ".html") == 0;
        std::string accept = req.get_header_value("Accept-Encoding");
        // A page is sent as it is: its inline scripts are hashed below.
        if (!page && accept.find("gzip") != std::string::npos && ReadWhole(path + ".gz", body)) gz = true;
        else if (!ReadWhole(path, body)) return SendError(res, 404, "not_found", "no such file: " + name);
        std::string tag = ContentTag(body, gz);
        res.set_header("Vary", "Accept-Encoding");
        res.set_header("Cache-Control", "no-cache");
        res.set_header("ETag", tag);
        SetSecurityHeaders(res, page ? InlineScriptHashes(body) : "");
        if (AlreadyHas(req, tag)) {
            res.status = 304;
            return;
        }
        if (gz) res.set_header("Content-Encoding", "gzip");
        SetBody(res, std::move(body), ContentType(name), &req);   // the .gz files as they are
    });
}

}  // namespace server
