#include "request_log.h"

#include <httplib.h>

#include <chrono>
#include <cstdio>
#include <vector>

#include "metrics.h"

namespace server {

namespace {

using Clock = std::chrono::steady_clock;

// Kept per thread: httplib serves one connection's requests one after another on one thread.
thread_local Clock::time_point t_start{};
thread_local size_t t_streamed = 0;

// ":x" matches any one segment; the rest match themselves.
const char* const kRoutes[] = {
    "/",
    "/api/health",
    "/api/audit",
    "/api/workspaces",
    "/api/workspaces/:id",
    "/api/workspaces/:id/access",
    "/api/workspaces/:id/archive",
    "/api/workspaces/:id/erase",
    "/api/workspaces/:id/events",
    "/api/workspaces/:id/history",
    "/api/workspaces/:id/links",
    "/api/workspaces/:id/links/:link",
    "/api/workspaces/:id/links/:link/rotate",
    "/api/workspaces/:id/presentation",
    "/api/workspaces/:id/rename",
    "/api/workspaces/:id/restore",
    "/api/workspaces/:id/unarchive",
    "/api/portfolios",
    "/api/portfolios/:id",
    "/api/portfolios/:id/events",
    "/p/:id/",
    "/p/:id/portfolj.csv",
    "/w/:id/beslutsunderlag.md",
    "/w/:id/report",
    "/w/:id/samverkan.xlsx",
    "/w/:id/bilaga/:file",
    "/w/:id/:table",
    "/admin",
    "/admin/",
    "/admin.js",
    "/metrics",
    "/:file",
};

std::vector<std::string> Segments(const std::string& path) {
    std::vector<std::string> out;
    size_t i = 1;
    while (i <= path.size()) {
        size_t slash = path.find('/', i);
        if (slash == std::string::npos) slash = path.size();
        out.push_back(path.substr(i, slash - i));   // the last is "" for a path ending in '/'
        i = slash + 1;
    }
    return out;
}

bool Matches(const std::vector<std::string>& pattern, const std::vector<std::string>& path) {
    if (pattern.size() != path.size()) return false;
    for (size_t i = 0; i < path.size(); ++i) {
        bool any = !pattern[i].empty() && pattern[i][0] == ':';
        if (any ? path[i].empty() : pattern[i] != path[i]) return false;
    }
    return true;
}

}  // namespace

std::string RoutePattern(const std::string& path) {
    // The table split once, not on every request.
    static const std::vector<std::vector<std::string>> routes = [] {
        std::vector<std::vector<std::string>> split;
        for (const char* route : kRoutes) split.push_back(Segments(route));
        return split;
    }();
    if (path.empty() || path[0] != '/') return "other";
    std::vector<std::string> segments = Segments(path);
    for (size_t i = 0; i < routes.size(); ++i)
        if (Matches(routes[i], segments)) return kRoutes[i];
    return "other";
}

std::string MethodLabel(const std::string& method) {
    for (const char* known : {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
        if (method == known) return method;
    return "OTHER";
}

void MarkRequestStart() {
    t_start = Clock::now();
    t_streamed = 0;
}

void NoteStreamed(size_t bytes) { t_streamed += bytes; }

void InstallRequestLog(httplib::Server& svr, Metrics* metrics, bool lines) {
    svr.set_logger([metrics, lines](const httplib::Request& req, const httplib::Response& res) {
        // A request refused before routing (a malformed request line) never marked its start.
        double seconds = t_start == Clock::time_point{} ? 0 : std::chrono::duration<double>(Clock::now() - t_start).count();
        size_t bytes = res.content_provider_ ? (res.content_length_ ? res.content_length_ : t_streamed) : res.body.size();
        t_start = {};
        t_streamed = 0;
        std::string method = MethodLabel(req.method), route = RoutePattern(req.path);
        if (metrics) metrics->Request(method, route, res.status, seconds);
        if (lines)
            std::fprintf(stderr, "samverkan-server: request method=%s route=%s status=%d ms=%.1f bytes=%zu\n", method.c_str(), route.c_str(),
                         res.status, seconds * 1000, bytes);
    });
}

}  // namespace server
