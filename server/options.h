// samverkan-server's settings: from SAMVERKAN_* environment variables (what systemd's
// EnvironmentFile=/etc/samverkan/samverkan.env gives), then from the command line, which wins.
#pragma once
#include <string>
#include <vector>

#include "guards.h"

namespace server {

struct Options {
    std::string host = "127.0.0.1";
    int port = 8080;
    std::string data = "./data";
    std::string web;            // empty: the installed web app next to the program, if any
    std::string backup;         // --backup FILE or FOLDER/: copy the database and exit
    int keep = 0;               // --keep N: dated backups kept in a --backup folder (0: all)
    std::string restore;        // --restore FILE: put a backup back as the database of --data
    std::string db;             // --db URI: PostgreSQL instead of the SQLite file in --data
    std::string import;         // --import-sqlite FILE: copy a SQLite store into --db and exit
    std::string metrics;        // --metrics HOST:PORT: Prometheus /metrics there (off when empty)
    std::string trusted_proxy;  // --trust-proxy ADDR: its X-Forwarded-For names the client
    std::string admin_token_file;
    bool request_log = true;    // --request-log off: no line per request
    bool print_links = false;
    bool demos = true;          // --demos off: an empty store stays empty   // --print-links: the demo links and a new admin token on stdout
    Limits limits;
    int idle_seconds = 60;      // --unload-after: an unused workspace leaves memory after this long
};

extern const char* const kUsage;

// The environment's settings as command-line words ("--port", "8081", …), in a fixed order.
std::vector<std::string> ArgsFromEnvironment(char** environ);

// Reads "--name value" pairs into `o`; false with a line naming the option otherwise.
bool ParseArgs(const std::vector<std::string>& args, Options& o, std::string& error);

// "HOST:PORT" (or "[v6]:PORT") split; false when it is not one.
bool SplitHostPort(const std::string& text, std::string& host, int& port);

}  // namespace server
