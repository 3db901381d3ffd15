// What the server counts for monitoring, written in Prometheus' text format (version 0.0.4).
// Labels hold only fixed words (methods, route patterns, statuses): never a token, a workspace
// id or a name, so their number stays small whatever clients send.
#pragma once
#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <tuple>

namespace server {

// Cumulative buckets of durations in seconds, as Prometheus counts them.
struct Histogram {
    static constexpr std::array<double, 12> kBounds = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10};
    std::array<uint64_t, kBounds.size()> buckets{};   // each counts the durations ≤ its bound
    uint64_t count = 0;
    double sum = 0;
    void Add(double seconds);
};

// Values read when /metrics is asked for, not kept here.
struct Gauges {
    std::function<int()> open_streams;        // event streams open now
    std::function<size_t()> open_workspaces;  // workspaces held in memory
};

class Metrics {
public:
    // One answered request; `route` is a pattern from RoutePattern, never a raw path.
    void Request(const std::string& method, const std::string& route, int status, double seconds);
    // One commit of a workspace's changes: how many revisions it stored and how long the
    // database took (the transaction and its fsync).
    void Commit(int revisions, double seconds);
    std::string Text(const Gauges& gauges) const;

private:
    mutable std::mutex mu_;
    std::map<std::tuple<std::string, std::string, int>, uint64_t> requests_;   // method, route, status
    std::map<std::pair<std::string, std::string>, Histogram> latency_;          // method, route
    uint64_t revisions_ = 0;
    Histogram commits_;
};

}  // namespace server
