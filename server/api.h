// The JSON API: /api/workspaces and friends. Errors are always
// {"error": code, "message": text} with the matching HTTP status.
#pragma once
#include <string>
#include "hub.h"
#include "storage.h"

namespace httplib { class Server; struct Request; struct Response; }

namespace server {

class StreamBudget;

struct ApiConfig {
    std::string admin_hash;          // SHA-256 of the admin token
    StreamBudget* streams = nullptr; // event streams over the whole server (guards.h)
    std::string trusted_proxy;       // --trust-proxy: this address's X-Forwarded-For names the client
};

void SendError(httplib::Response& res, int status, const std::string& code, const std::string& message);

// Who a request is: the admin, a workspace's edit or view link, or nobody.
struct Access {
    bool admin = false;
    std::string workspace;   // the workspace a workspace token opens
    Role role = Role::None;
    bool token_given = false;
    std::string link_id, link_name;   // the named link the token belongs to
    std::string token_hash;
    // Who changes made with it are by: the link's name, or "admin".
    std::string Actor() const { return admin ? "admin" : link_name; }
};
// Reads the token from "Authorization: Bearer" or ?access_token= (for EventSource and links).
Access Authorize(const httplib::Request& req, Storage& storage, const ApiConfig& config);
// An Idempotency-Key header: empty (none) or 1 to 128 visible ASCII characters.
bool ValidIdempotencyKey(const std::string& key);
// Checks access to workspace `id`; answers and returns false when refused.
bool Allowed(const Access& a, const std::string& id, Role need, httplib::Response& res);
// The workspace exists and the request may `need` it (an archived one may not be changed);
// otherwise answers and returns false.
bool Open(const Access& a, Storage& storage, const std::string& id, Role need, httplib::Response& res);
void InstallApi(httplib::Server& svr, Storage& storage, Hub& hub, const ApiConfig& config);

// Links, lifecycle, erasure and the audit log (admin_api.cpp), and the administration page
// (admin_page.cpp).
void InstallAccessApi(httplib::Server& svr, Storage& storage, Hub& hub, const ApiConfig& config);
void InstallAdminPage(httplib::Server& svr);

// Shared by the API files.
// What the request's token gives on workspace `id`: {"access": "admin|edit|view" ("view" while
// archived), "archived", "link": {"id", "name", "role"}}.
sam::json AccessJson(const Access& a, Storage& storage, const std::string& id);
void SendJson(httplib::Response& res, int status, const sam::json& body, const httplib::Request* req = nullptr);
bool ParseBody(const httplib::Request& req, httplib::Response& res, sam::json& out);
// The author of a change: the link's name (or "admin"), with the client's X-Author as detail.
bool Author(const httplib::Request& req, const Access& a, httplib::Response& res, std::string& out);

// Reports and exports from core for holders of a link: /w/{id}/report and friends.
void InstallDocuments(httplib::Server& svr, Storage& storage, Hub& hub, const ApiConfig& config);

// A document opened with ?access_token= (a link in a browser) is sent on, once, to its own
// address without the token, which a cookie for `scope` ("/w/ID/", "/p/ID/") carries instead:
// a printed page's header and footer, the history and a shared screen then show no token.
bool MovedTokenToCookie(const httplib::Request& req, httplib::Response& res, const std::string& scope);
void SendDocument(const httplib::Request& req, httplib::Response& res, std::string text, const char* type, const std::string& download = "");

// Portfolios (portfolio_api.cpp): one organisation's read-only view over chosen workspaces.
void InstallPortfolios(httplib::Server& svr, Storage& storage, Hub& hub, const ApiConfig& config);

// What the server answers for a request that failed before a handler (413, 404, …).
void InstallErrorBodies(httplib::Server& svr);

}  // namespace server
