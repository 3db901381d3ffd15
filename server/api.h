// The JSON API: /api/workspaces and friends. Errors are always
// {"error": code, "message": text} with the matching HTTP status.
#pragma once
#include <string>
#include "hub.h"
#include "storage.h"

namespace httplib { class Server; struct Response; }

namespace server {

struct ApiConfig {
    std::string admin_hash;   // SHA-256 of the admin token
};

void SendError(httplib::Response& res, int status, const std::string& code, const std::string& message);
void InstallApi(httplib::Server& svr, Storage& storage, Hub& hub, const ApiConfig& config);

// What the server answers for a request that failed before a handler (413, 404, …).
void InstallErrorBodies(httplib::Server& svr);

}  // namespace server
