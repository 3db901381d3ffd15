#include "api.h"

#include <httplib.h>
#include "model.h"

namespace server {

using sam::json;

void SendError(httplib::Response& res, int status, const std::string& code, const std::string& message) {
    res.status = status;
    res.set_content(json{{"error", code}, {"message", message}}.dump(), "application/json");
}

namespace {

void SendJson(httplib::Response& res, int status, const json& body) {
    res.status = status;
    res.set_header("Cache-Control", "no-store");
    res.set_content(body.dump(), "application/json");
}

}  // namespace

void InstallApi(httplib::Server& svr, Storage& storage) {
    svr.Get("/api/health", [](const httplib::Request&, httplib::Response& res) { SendJson(res, 200, {{"ok", true}}); });

    svr.Get("/api/workspaces", [&storage](const httplib::Request&, httplib::Response& res) {
        json list = json::array();
        for (auto& w : storage.List())
            list.push_back({{"id", w.id}, {"name", w.name}, {"revision", w.revision}, {"updated", w.updated}});
        SendJson(res, 200, {{"workspaces", list}});
    });

    svr.Get(R"(/api/workspaces/([A-Za-z0-9_-]{1,64}))", [&storage](const httplib::Request& req, httplib::Response& res) {
        std::string id = req.matches[1];
        auto info = storage.Info(id);
        if (!info) return SendError(res, 404, "unknown_workspace", "no workspace with id " + id);
        int64_t revision = info->revision;
        if (req.has_param("revision")) {
            try { revision = std::stoll(req.get_param_value("revision")); } catch (...) { revision = -1; }
            if (revision < 1 || revision > info->revision)
                return SendError(res, 404, "unknown_revision", "revision must be between 1 and " + std::to_string(info->revision));
        }
        auto state = storage.State(id, revision);
        if (!state) return SendError(res, 500, "storage", "the workspace's state could not be read");
        res.set_header("ETag", "\"" + std::to_string(revision) + "\"");
        SendJson(res, 200, {{"revision", revision}, {"state", json::parse(*state)}});
    });

    // Anything else under /api is a JSON 404, not the static handler's.
    svr.Get(R"(/api/.*)", [](const httplib::Request& req, httplib::Response& res) {
        SendError(res, 404, "not_found", "no such API path: " + req.path);
    });
}

}  // namespace server
