// The JSON API: /api/workspaces and friends. Errors are always
// {"error": code, "message": text} with the matching HTTP status.
#pragma once
#include <string>
#include "storage.h"

namespace httplib { class Server; struct Response; }

namespace server {

void SendError(httplib::Response& res, int status, const std::string& code, const std::string& message);
void InstallApi(httplib::Server& svr, Storage& storage);

}  // namespace server
