// A client that follows a workspace's event stream, for the server tests.
#pragma once
#include <doctest/doctest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>
#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>
#include "api_client.h"

// Follows a workspace's events on its own thread, applying each patch to a local copy.
struct Follower {
    std::string id, token;
    int port;
    std::mutex mu;
    json state;
    int64_t revision = 0;
    std::atomic<bool> stop{false};
    std::atomic<int> events{0};
    std::vector<int64_t> seen;   // every patch event's revision, as it came
    std::thread thread;
    std::unique_ptr<httplib::Client> client;

    // From the current state, or from `from` (a state at revision `from_revision`).
    void Start(const json& from = nullptr, int64_t from_revision = -1) {
        if (from.is_null()) {
            httplib::Client c("127.0.0.1", port);
            auto r = c.Get("/api/workspaces/" + id, Bearer(token));
            REQUIRE(r->status == 200);
            json j = json::parse(r->body);
            state = j["state"];
            revision = j["revision"];
        } else {
            state = from;
            revision = from_revision;
        }
        int64_t last_event_id = revision;
        client = std::make_unique<httplib::Client>("127.0.0.1", port);
        client->set_read_timeout(60, 0);
        thread = std::thread([this, last_event_id] {
            httplib::Headers h = Bearer(token);
            h.emplace("Last-Event-ID", std::to_string(last_event_id));
            std::string buffer;
            client->Get("/api/workspaces/" + id + "/events", h, [&](const char* data, size_t n) {
                buffer.append(data, n);
                size_t end;
                while ((end = buffer.find("\n\n")) != std::string::npos) {
                    std::string ev = buffer.substr(0, end);
                    buffer.erase(0, end + 2);
                    size_t d = ev.find("event: patch\ndata: ");
                    if (d == std::string::npos) continue;
                    json e = json::parse(ev.substr(d + 19));
                    std::lock_guard lock(mu);
                    seen.push_back(e["revision"]);
                    if (e["revision"].get<int64_t>() == revision + 1) {
                        state = state.patch(e["patch"]);
                        revision = e["revision"];
                        ++events;
                    }
                }
                return !stop;
            });
        });
    }
    void End() {
        stop = true;
        if (client) client->stop();
        if (thread.joinable()) thread.join();
    }
    ~Follower() { End(); }
};

inline bool WaitFor(const std::function<bool()>& cond, int ms) {
    for (int i = 0; i < ms / 10; ++i) {
        if (cond()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return cond();
}

