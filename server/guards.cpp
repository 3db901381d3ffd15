#include "guards.h"
#include "request_log.h"

#include <algorithm>

#include <httplib.h>
#include <memory>
#include "api.h"

namespace server {

void CloseAfter(httplib::Response& res) {
    // httplib 0.11 keeps a connection open after any answer. A content provider that
    // reports failure once the whole body is written makes it close the connection.
    res.set_header("Connection", "close");
    if (!res.content_provider_) {   // SetBody gives one; a plain body becomes one here
        auto body = std::make_shared<std::string>(std::move(res.body));
        res.body.clear();
        std::string type = res.get_header_value("Content-Type");
        res.headers.erase("Content-Type");
        res.set_content_provider(body->size(), type.empty() ? "text/plain" : type,
            [body](size_t offset, size_t length, httplib::DataSink& sink) { return sink.write(body->data() + offset, length); });
    }
    auto inner = res.content_provider_;
    res.content_provider_ = [inner](size_t offset, size_t length, httplib::DataSink& sink) {
        inner(offset, length, sink);
        return false;
    };
}

namespace {

bool HasBody(const httplib::Request& req) {
    return req.method == "POST" || req.method == "PATCH" || req.method == "PUT" || req.method == "DELETE";
}

httplib::Server::HandlerResponse Refuse(httplib::Response& res, int status, const std::string& code, const std::string& message) {
    SendError(res, status, code, message);
    CloseAfter(res);
    return httplib::Server::HandlerResponse::Handled;
}

}  // namespace

std::string ClientAddress(const httplib::Request& req, const std::string& trusted_proxy) {
    if (trusted_proxy.empty() || req.remote_addr != trusted_proxy) return req.remote_addr;
    std::string forwarded = req.get_header_value("X-Forwarded-For");
    size_t comma = forwarded.rfind(',');
    std::string last = comma == std::string::npos ? forwarded : forwarded.substr(comma + 1);
    size_t a = last.find_first_not_of(' '), b = last.find_last_not_of(' ');
    if (a == std::string::npos || b - a + 1 > 64) return req.remote_addr;
    return last.substr(a, b - a + 1);
}

void InstallGuards(httplib::Server& svr, const Limits& limits) {
    svr.set_pre_routing_handler([limits](const httplib::Request& req, httplib::Response& res) {
        MarkRequestStart();
        // httplib adds four headers of its own (REMOTE_ADDR, REMOTE_PORT, LOCAL_ADDR, LOCAL_PORT).
        size_t count = req.headers.size() > 4 ? req.headers.size() - 4 : 0, bytes = 0;
        for (auto& [name, value] : req.headers) bytes += name.size() + value.size();
        if (count > limits.header_count || bytes > limits.header_bytes)
            return Refuse(res, 431, "headers_too_large", "the request has more than " + std::to_string(limits.header_count) +
                          " headers or " + std::to_string(limits.header_bytes / 1024) + " KB of them");
        // A request with neither Content-Length nor Transfer-Encoding has no body (RFC 9112 6.3),
        // but httplib would read one until the client closes. curl and browsers send DELETE so.
        if (req.method == "DELETE" && !req.has_header("Content-Length") && !req.has_header("Transfer-Encoding"))
            const_cast<httplib::Request&>(req).set_header("Content-Length", "0");
        if (HasBody(req)) {
            if (req.has_header("Transfer-Encoding"))
                return Refuse(res, 411, "length_required", "send the body with Content-Length (chunked bodies are not accepted)");
            // gzip is unpacked by ParseBody with a limit; httplib would unpack without one (a small
            // body could unpack to gigabytes), so it never sees the encoding.
            auto& headers = const_cast<httplib::Request&>(req).headers;
            headers.erase(kInflateLimitHeader);   // only this guard sets it
            std::string encoding = req.get_header_value("Content-Encoding");
            if (encoding == "gzip" && req.get_header_value_count("Content-Encoding") == 1) {
                headers.erase("Content-Encoding");
                headers.emplace(kInflateLimitHeader, std::to_string(std::max(limits.unpacked_bytes, limits.body_bytes)));
            } else if (req.has_header("Content-Encoding") && encoding != "identity") {
                return Refuse(res, 415, "unsupported_encoding", "send the body uncompressed or as gzip (Content-Encoding: gzip)");
            }
            // Without a length httplib reads until the client closes, with no limit.
            if (!req.has_header("Content-Length"))
                return Refuse(res, 411, "length_required", "send the body with Content-Length (0 when there is none)");
            {
                std::string v = req.get_header_value("Content-Length");
                if (v.empty() || v.size() > 18 || v.find_first_not_of("0123456789") != std::string::npos ||
                    req.get_header_value_count("Content-Length") > 1)
                    return Refuse(res, 400, "bad_content_length", "Content-Length must be one whole number of bytes");
                if (std::stoull(v) > limits.body_bytes)
                    return Refuse(res, 413, "payload_too_large", "the body is larger than the server accepts (" +
                                  std::to_string(limits.body_bytes / (1024 * 1024)) + " MB)");
            }
        }
        return httplib::Server::HandlerResponse::Unhandled;
    });
}

int StreamBudget::Take(const std::string& client) {
    std::lock_guard lock(mu_);
    if (total_ >= limits_.streams_total) return 503;
    int& mine = per_client_[client];
    if (mine >= limits_.streams_per_client) {
        if (mine == 0) per_client_.erase(client);
        return 429;
    }
    ++mine;
    ++total_;
    return 0;
}

void StreamBudget::Release(const std::string& client) {
    std::lock_guard lock(mu_);
    auto it = per_client_.find(client);
    if (it == per_client_.end()) return;
    --total_;
    if (--it->second <= 0) per_client_.erase(it);
}

int StreamBudget::Open() const {
    std::lock_guard lock(mu_);
    return total_;
}

}  // namespace server
