#include "metrics_server.h"

#include <httplib.h>

#include "options.h"

namespace server {

MetricsServer::MetricsServer() = default;

MetricsServer::~MetricsServer() { Stop(); }

bool MetricsServer::Start(const std::string& host_port, const Metrics& metrics, Gauges gauges, std::string* error) {
    std::string host;
    int port = 0;
    if (!SplitHostPort(host_port, host, port)) {
        *error = "--metrics takes HOST:PORT, not \"" + host_port + "\"";
        return false;
    }
    svr_ = std::make_unique<httplib::Server>();
    svr_->new_task_queue = [] { return new httplib::ThreadPool(2); };
    svr_->Get("/metrics", [&metrics, gauges](const httplib::Request&, httplib::Response& res) {
        res.set_header("Cache-Control", "no-store");
        res.set_content(metrics.Text(gauges), "text/plain; version=0.0.4; charset=utf-8");
    });
    port_ = port == 0 ? svr_->bind_to_any_port(host) : (svr_->bind_to_port(host, port) ? port : -1);
    if (port_ <= 0) {
        *error = "cannot listen for metrics on " + host_port + ": the port is in use or not allowed";
        return false;
    }
    thread_ = std::thread([this] { svr_->listen_after_bind(); });
    return true;
}

void MetricsServer::Stop() {
    if (svr_) svr_->stop();
    if (thread_.joinable()) thread_.join();
}

}  // namespace server
