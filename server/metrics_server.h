// /metrics on an address of its own (--metrics HOST:PORT), so that Prometheus can scrape it
// where users cannot reach it; the users' port has no /metrics.
#pragma once
#include <memory>
#include <string>
#include <thread>

#include "metrics.h"

namespace httplib { class Server; }

namespace server {

class MetricsServer {
public:
    MetricsServer();
    ~MetricsServer();
    // Listens on `host_port` and answers GET /metrics from its own thread.
    bool Start(const std::string& host_port, const Metrics& metrics, Gauges gauges, std::string* error);
    void Stop();
    int Port() const { return port_; }

private:
    std::unique_ptr<httplib::Server> svr_;
    std::thread thread_;
    int port_ = 0;
};

}  // namespace server
