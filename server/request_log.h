// One line per answered request on stderr (journald keeps it), and the same facts counted
// for /metrics. A line holds the method, the route pattern, the status, the duration and the
// bytes sent: never the path as sent, its query string or a header, so no token reaches it.
//   samverkan-server: request method=GET route=/api/workspaces/:id status=200 ms=1.8 bytes=5120
#pragma once
#include <cstddef>
#include <string>

namespace httplib { class Server; }

namespace server {

class Metrics;

// The pattern a path belongs to, from the server's fixed set ("/api/workspaces/:id/events");
// "other" for anything else, so clients cannot make new labels.
std::string RoutePattern(const std::string& path);

// The method as a label: one of the HTTP methods, else "OTHER".
std::string MethodLabel(const std::string& method);

// The request on this thread began now (httplib's pre-routing hook calls it).
void MarkRequestStart();
// A streamed answer (an event stream) wrote this many more bytes.
void NoteStreamed(size_t bytes);

// Logs (when `lines`) and counts (when `metrics`) every answer.
void InstallRequestLog(httplib::Server& svr, Metrics* metrics, bool lines);

}  // namespace server
