#include "metrics.h"

#include <cstdio>

namespace server {

namespace {

// A number as Prometheus reads it ('.' as the decimal point, whatever the locale).
std::string Number(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6g", v);
    for (char* c = buf; *c; ++c) if (*c == ',') *c = '.';
    return buf;
}

void WriteHistogram(std::string& out, const std::string& name, const std::string& labels, const Histogram& h) {
    std::string sep = labels.empty() ? "" : ",";
    for (size_t i = 0; i < Histogram::kBounds.size(); ++i)
        out += name + "_bucket{" + labels + sep + "le=\"" + Number(Histogram::kBounds[i]) + "\"} " + std::to_string(h.buckets[i]) + "\n";
    out += name + "_bucket{" + labels + sep + "le=\"+Inf\"} " + std::to_string(h.count) + "\n";
    std::string braces = labels.empty() ? "" : "{" + labels + "}";
    out += name + "_sum" + braces + " " + Number(h.sum) + "\n";
    out += name + "_count" + braces + " " + std::to_string(h.count) + "\n";
}

void Header(std::string& out, const char* name, const char* type, const char* help) {
    out += std::string("# HELP ") + name + " " + help + "\n# TYPE " + name + " " + type + "\n";
}

}  // namespace

void Histogram::Add(double seconds) {
    for (size_t i = 0; i < kBounds.size(); ++i)
        if (seconds <= kBounds[i]) ++buckets[i];
    ++count;
    sum += seconds;
}

void Metrics::Request(const std::string& method, const std::string& route, int status, double seconds) {
    std::lock_guard lock(mu_);
    ++requests_[{method, route, status}];
    latency_[{method, route}].Add(seconds);
}

void Metrics::Commit(int revisions, double seconds) {
    std::lock_guard lock(mu_);
    revisions_ += (uint64_t)revisions;
    commits_.Add(seconds);
}

std::string Metrics::Text(const Gauges& gauges) const {
    std::string out;
    std::lock_guard lock(mu_);
    Header(out, "samverkan_http_requests_total", "counter", "Requests answered, by method, route pattern and status.");
    for (const auto& [key, n] : requests_) {
        const auto& [method, route, status] = key;
        out += "samverkan_http_requests_total{method=\"" + method + "\",route=\"" + route + "\",status=\"" + std::to_string(status) + "\"} " +
               std::to_string(n) + "\n";
    }
    Header(out, "samverkan_http_request_duration_seconds", "histogram",
           "Time from a request's headers to its answer's end (an event stream: its whole life).");
    for (const auto& [key, h] : latency_)
        WriteHistogram(out, "samverkan_http_request_duration_seconds", "method=\"" + key.first + "\",route=\"" + key.second + "\"", h);
    Header(out, "samverkan_event_streams_open", "gauge", "Event streams open now.");
    out += "samverkan_event_streams_open " + std::to_string(gauges.open_streams ? gauges.open_streams() : 0) + "\n";
    Header(out, "samverkan_workspaces_open", "gauge", "Workspaces held in memory now.");
    out += "samverkan_workspaces_open " + std::to_string(gauges.open_workspaces ? gauges.open_workspaces() : 0) + "\n";
    Header(out, "samverkan_revisions_committed_total", "counter", "Revisions stored since the server started.");
    out += "samverkan_revisions_committed_total " + std::to_string(revisions_) + "\n";
    Header(out, "samverkan_commit_duration_seconds", "histogram", "Time the database took to commit a group of changes, fsync included.");
    WriteHistogram(out, "samverkan_commit_duration_seconds", "", commits_);
    return out;
}

}  // namespace server
