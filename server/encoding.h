// How answers' bodies leave the server: encoded once, and cheaply.
#pragma once
#include <string>

namespace httplib { struct Request; struct Response; }

namespace server {

struct DeflatedText;

// Sets the body of an answer so that httplib sends it exactly as given. Left to itself,
// httplib 0.11 compresses every text or JSON body with Brotli at its slowest setting
// (13 ms for a 10 KB workspace here; minutes for a national one) and compresses the
// precompressed program files a second time. Given the request, a text or JSON body of
// 1 KB or more is gzipped at zlib's fastest level when the client accepts gzip. A body that
// already has a Content-Encoding header is sent as it is.
void SetBody(httplib::Response& res, std::string body, const std::string& type, const httplib::Request* req = nullptr);

// Whether the client takes a gzip answer.
bool AcceptsGzip(const httplib::Request& req);

// A gzip answer of `before`, `middle` and `after` where `middle` was deflated beforehand (a
// workspace's state, packed_state.h): only the two short ends are compressed here. The
// unpacked size is sent as X-Uncompressed-Length.
bool SetGzipBody(httplib::Response& res, const std::string& before, const DeflatedText& middle, const std::string& after, const std::string& type);

// A request body sent with Content-Encoding: gzip, unpacked into `out` but never past `limit`
// bytes (a few KB can unpack to gigabytes).
enum class Unpacked { Ok, TooLarge, Broken };
Unpacked Gunzip(const std::string& in, size_t limit, std::string& out);

}  // namespace server
