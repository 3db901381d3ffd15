// The web platform's state: the app, its window, and its link to the server.
#pragma once
#include <string>
#include "app.h"
#include "sync.h"

struct GLFWwindow;

namespace web {

struct Server {
    bool linked = false;        // opened from a workspace link
    std::string id, token;
    sam::Sync sync;
    bool stream_open = false;
    bool fetching = false;      // a state request is on its way
    double retry_at = 0;        // when to try sending again after network trouble (ms)
    std::string conflict_path;  // what the change in flight clashed on
};

struct Web {
    ui::App app;
    GLFWwindow* window = nullptr;
    int width = 0, height = 0;
    Server server;
};

// Called once per frame: sends what waits, asks for the state when needed, updates the status.
void SyncFrame(Web& w);
// Starts following the workspace the page was opened for.
void SyncConnect(Web& w, const std::string& id, const std::string& token, const sam::json& state, int64_t revision);

}  // namespace web
