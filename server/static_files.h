// Serves the web app's files from one folder, precompressed when the browser accepts gzip.
#pragma once
#include <string>

namespace httplib { class Server; struct Response; }

namespace server {

// Routes GET / and GET /<file> to files directly inside `web_dir` (no sub-folders, no
// dot files: nothing outside the folder can be named).
void ServeStatic(httplib::Server& svr, const std::string& web_dir);
// Content-Security-Policy and friends for the page. `script_hashes` ("'sha256-…' …") are
// the page's own inline scripts, allowed to run.
void SetSecurityHeaders(httplib::Response& res, const std::string& script_hashes = "");
// The CSP hash of each inline <script> (one without src) in an HTML page, space-separated.
std::string InlineScriptHashes(const std::string& html);
const char* ContentType(const std::string& file);

}  // namespace server
