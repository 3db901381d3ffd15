// What the server accepts from a client, checked before a request reaches a handler, and
// the budget of event streams. A request over a limit is refused with a JSON error naming
// the limit, and its connection is closed, so nothing more of it is read.
#pragma once
#include <cstddef>
#include <map>
#include <mutex>
#include <string>

namespace httplib { class Server; struct Request; struct Response; }

namespace server {

struct Limits {
    size_t body_bytes = 8 * 1024 * 1024;   // 413 (Content-Length); chunked bodies: 411
    size_t unpacked_bytes = 64 * 1024 * 1024;   // a gzip body unpacked (at least body_bytes): 413
    size_t header_count = 100;             // 431
    size_t header_bytes = 64 * 1024;       // 431 (names and values together)
    size_t author_bytes = 80;              // X-Author is cut to this, on a character boundary
    int streams_total = 256;               // event streams over all workspaces: 503
    int streams_per_client = 200;          // from one address: 429 (a room behind one NAT shares one)
    int threads = 320;                     // the connection pool; streams_total leaves the rest to the API
};

// Checks every request's headers before its body is read (httplib's pre-routing hook).
void InstallGuards(httplib::Server& svr, const Limits& limits);

// The header the guard leaves on a gzip body for ParseBody: the largest size it may unpack to.
// (httplib would unpack it itself, without a limit, if Content-Encoding stayed.)
constexpr const char* kInflateLimitHeader = "Samverkan-Inflate-Limit";

// The client's address: the peer's, or behind the trusted proxy (nginx) the last address of
// X-Forwarded-For, the one the proxy itself saw (a client may send its own header first).
std::string ClientAddress(const httplib::Request& req, const std::string& trusted_proxy);

// Ends the connection after this answer: the client may still be sending a body we refuse.
void CloseAfter(httplib::Response& res);

// Event streams: a fixed number, a share per client address, so that streams can never
// take the threads that answer the API.
class StreamBudget {
public:
    explicit StreamBudget(const Limits& limits) : limits_(limits) {}
    // 0 when a stream may open (then Release it when it ends), else the status to refuse with.
    int Take(const std::string& client);
    void Release(const std::string& client);
    int Open() const;

private:
    Limits limits_;
    mutable std::mutex mu_;
    int total_ = 0;
    std::map<std::string, int> per_client_;
};

}  // namespace server
