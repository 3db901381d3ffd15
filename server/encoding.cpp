#include "encoding.h"

#include <httplib.h>
#include <zlib.h>
#include <cstdint>
#include <memory>
#include "packed_state.h"

namespace server {

namespace {

bool Compressible(const std::string& type) {
    auto starts = [&](const char* p) { return type.rfind(p, 0) == 0; };
    return (starts("text/") && !starts("text/event-stream")) || starts("application/json") ||
           starts("application/javascript") || starts("image/svg+xml");
}

bool Gzip(const std::string& in, std::string& out) {
    z_stream z{};
    // 15 + 16: a gzip wrapper. Level 1: a national workspace takes tenths of a second, not seconds.
    if (deflateInit2(&z, Z_BEST_SPEED, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) return false;
    out.resize(deflateBound(&z, (uLong)in.size()));
    z.next_in = (Bytef*)in.data();
    z.avail_in = (uInt)in.size();
    z.next_out = (Bytef*)out.data();
    z.avail_out = (uInt)out.size();
    int rc = deflate(&z, Z_FINISH);
    out.resize(z.total_out);
    deflateEnd(&z);
    return rc == Z_STREAM_END;
}

void PutLittle32(std::string& out, uint32_t v) {
    for (int i = 0; i < 4; ++i) out += (char)((v >> (8 * i)) & 0xFF);
}

}  // namespace

bool AcceptsGzip(const httplib::Request& req) {
    // A plain list check: browsers never refuse gzip with "gzip;q=0".
    return req.get_header_value("Accept-Encoding").find("gzip") != std::string::npos;
}

bool SetGzipBody(httplib::Response& res, const std::string& before, const DeflatedText& middle, const std::string& after, const std::string& type) {
    DeflatedText head, tail;
    if (!DeflatePiece(before, false, head) || !DeflatePiece(after, true, tail)) return false;
    // Raw deflate pieces that each end on a byte boundary may follow one another in one stream
    // (zlib's gzjoin does the same); the trailer's CRC is combined from the pieces' own.
    static const char kHeader[10] = {'\x1f', '\x8b', 8, 0, 0, 0, 0, 0, 0, 3};
    std::string body(kHeader, sizeof kHeader);
    body.reserve(sizeof kHeader + head.data.size() + middle.data.size() + tail.data.size() + 8);
    body += head.data;
    body += middle.data;
    body += tail.data;
    uLong crc = crc32_combine(crc32_combine(head.crc, middle.crc, (z_off_t)middle.size), tail.crc, (z_off_t)tail.size);
    PutLittle32(body, (uint32_t)crc);
    PutLittle32(body, (uint32_t)(head.size + middle.size + tail.size));   // ISIZE: the length modulo 2^32
    res.set_header("Content-Encoding", "gzip");
    // What it unpacks to: the page makes room for it while it downloads.
    res.set_header("X-Uncompressed-Length", std::to_string(head.size + middle.size + tail.size));
    SetBody(res, std::move(body), type);   // with "Vary: Accept-Encoding"
    return true;
}

Unpacked Gunzip(const std::string& in, size_t limit, std::string& out) {
    z_stream z{};
    if (inflateInit2(&z, 15 + 16) != Z_OK) return Unpacked::Broken;   // a gzip wrapper only
    z.next_in = (Bytef*)in.data();
    z.avail_in = (uInt)in.size();
    out.clear();
    char buf[1 << 16];
    int rc = Z_OK;
    while (rc == Z_OK) {
        z.next_out = (Bytef*)buf;
        z.avail_out = sizeof buf;
        rc = inflate(&z, Z_NO_FLUSH);
        if (rc != Z_OK && rc != Z_STREAM_END) break;
        size_t got = sizeof buf - z.avail_out;
        if (out.size() + got > limit) { inflateEnd(&z); return Unpacked::TooLarge; }   // stopped before it is all in memory
        out.append(buf, got);
        if (rc == Z_OK && got == 0 && z.avail_in == 0) break;   // the input ended early
    }
    inflateEnd(&z);
    return rc == Z_STREAM_END && z.avail_in == 0 ? Unpacked::Ok : Unpacked::Broken;
}

void SetBody(httplib::Response& res, std::string body, const std::string& type, const httplib::Request* req) {
    if (Compressible(type)) {
        if (req && !res.has_header("Content-Encoding") && body.size() >= 1024 && body.size() <= UINT32_MAX && AcceptsGzip(*req)) {
            std::string packed;
            if (Gzip(body, packed)) {
                body.swap(packed);
                res.set_header("Content-Encoding", "gzip");
            }
        }
        if (!res.has_header("Vary")) res.set_header("Vary", "Accept-Encoding");
    }
    res.body.clear();
    if (body.empty()) {
        res.set_content("", type);   // nothing to compress
        return;
    }
    // A sized provider is written as it is: httplib compresses only `body` and chunked providers.
    auto shared = std::make_shared<std::string>(std::move(body));
    res.set_content_provider(shared->size(), type, [shared](size_t offset, size_t length, httplib::DataSink& sink) {
        sink.write(shared->data() + offset, length);
        return true;
    });
}

}  // namespace server
