#include "options.h"

#include <cstdlib>
#include <cstring>
#include <functional>

#include "storage.h"

namespace server {

const char* const kUsage =
    "usage: samverkan-server [--host ADDR] [--port N] [--data DIR] [--web DIR] [options]\n"
    "  --host ADDR  address to listen on (default 127.0.0.1)\n"
    "  --port N     port to listen on, 0 for any free port (default 8080)\n"
    "  --data DIR   folder for the database samverkan.sqlite3 (default ./data, created if missing)\n"
    "  --db URI     PostgreSQL instead: a libpq URI, e.g. postgresql://samverkan@/samverkan?host=/run/postgresql\n"
    "               (several hosts with target_session_attrs=read-write for a primary and a standby)\n"
    "  --import-sqlite FILE  copy every workspace, its history and links from a SQLite file into --db and exit\n"
    "  --web DIR    folder with index.html, samverkan.js and samverkan.wasm to serve\n"
    "               (default: ../share/samverkan/web beside the program, where the package puts it)\n"
    "  --backup FILE|DIR/  copy the SQLite database of --data (safe while a server runs) and exit; to a folder:\n"
    "               a dated file samverkan-YYYYMMDD-HHMMSS.sqlite3 in it; on PostgreSQL use pg_dump\n"
    "  --keep N     with --backup to a folder: keep the newest N dated backups, remove older ones\n"
    "  --restore FILE  put a backup back as the database of --data (the server must be stopped) and exit;\n"
    "               the database it replaces is kept beside it\n"
    "  --admin-token-file FILE  the admin token, read from this file (first line)\n"
    "  --metrics HOST:PORT  serve Prometheus metrics at http://HOST:PORT/metrics (default: off)\n"
    "  --trust-proxy ADDR  requests from ADDR (your nginx) name the client in X-Forwarded-For\n"
    "  --request-log on|off  one line per request on stderr (default on)\n"
    "  --print-links  show the demo links and a new admin token on stdout (default: only on a terminal;\n"
    "               they are always in DIR/links.txt and DIR/admin-token, readable by this user only)\n"
    "  --demos on|off  the five demo workspaces in a new, empty store (default on)\n"
    "  --max-body-mb N  largest request body accepted, in MB (default 8; a national workspace needs about 50)\n"
    "  --max-streams N  event streams open at once over all workspaces (default 256, fewer than the 320 threads)\n"
    "  --streams-per-address N  event streams from one client address (default 200)\n"
    "  --unload-after S  a workspace nobody uses for S seconds leaves memory, its thread ends (default 60)\n"
    "  --help       this text\n"
    "Each option may also come from the environment: SAMVERKAN_HOST, SAMVERKAN_PORT, SAMVERKAN_DATA, SAMVERKAN_DB,\n"
    "SAMVERKAN_WEB, SAMVERKAN_METRICS, SAMVERKAN_TRUST_PROXY, SAMVERKAN_ADMIN_TOKEN_FILE, SAMVERKAN_MAX_BODY_MB,\n"
    "SAMVERKAN_REQUEST_LOG, SAMVERKAN_DEMOS (SAMVERKAN_ADMIN_TOKEN gives the token itself); the command line wins.\n";

namespace {

// A whole number in [lo, hi], or false.
bool Whole(const std::string& v, long lo, long hi, long& out) {
    char* end = nullptr;
    out = std::strtol(v.c_str(), &end, 10);
    return !v.empty() && !*end && out >= lo && out <= hi;
}

using Setter = std::function<bool(Options&, const std::string&, std::string&)>;

Setter Text(std::string Options::*field) {
    return [field](Options& o, const std::string& v, std::string&) { o.*field = v; return true; };
}

Setter Switch(bool Options::*field) {
    return [field](Options& o, const std::string& v, std::string& error) {
        if (v != "on" && v != "off") { error = "takes on or off"; return false; }
        o.*field = v == "on";
        return true;
    };
}

Setter Number(long lo, long hi, std::function<void(Options&, long)> set) {
    return [lo, hi, set](Options& o, const std::string& v, std::string& error) {
        long n;
        if (!Whole(v, lo, hi, n)) { error = "takes a number from " + std::to_string(lo) + " to " + std::to_string(hi); return false; }
        set(o, n);
        return true;
    };
}

struct Option {
    const char* name;
    const char* env;   // nullptr: command line only
    Setter set;
};

const std::vector<Option>& Table() {
    static const std::vector<Option> table = {
        {"--host", "SAMVERKAN_HOST", Text(&Options::host)},
        {"--port", "SAMVERKAN_PORT", Number(0, 65535, [](Options& o, long n) { o.port = (int)n; })},
        {"--data", "SAMVERKAN_DATA", Text(&Options::data)},
        {"--web", "SAMVERKAN_WEB", Text(&Options::web)},
        {"--db", "SAMVERKAN_DB",
         [](Options& o, const std::string& v, std::string& error) {
             if (!IsPostgresUri(v)) { error = "takes a PostgreSQL URI (postgresql://…)"; return false; }
             o.db = v;
             return true;
         }},
        {"--import-sqlite", nullptr, Text(&Options::import)},
        {"--backup", nullptr, Text(&Options::backup)},
        {"--keep", nullptr, Number(1, 100000, [](Options& o, long n) { o.keep = (int)n; })},
        {"--restore", nullptr, Text(&Options::restore)},
        {"--admin-token-file", "SAMVERKAN_ADMIN_TOKEN_FILE", Text(&Options::admin_token_file)},
        {"--metrics", "SAMVERKAN_METRICS",
         [](Options& o, const std::string& v, std::string& error) {
             std::string host;
             int port;
             if (!SplitHostPort(v, host, port)) { error = "takes HOST:PORT, e.g. 127.0.0.1:9464"; return false; }
             o.metrics = v;
             return true;
         }},
        {"--trust-proxy", "SAMVERKAN_TRUST_PROXY", Text(&Options::trusted_proxy)},
        {"--request-log", "SAMVERKAN_REQUEST_LOG", Switch(&Options::request_log)},
        {"--demos", "SAMVERKAN_DEMOS", Switch(&Options::demos)},
        {"--max-body-mb", "SAMVERKAN_MAX_BODY_MB", Number(1, 1024, [](Options& o, long n) { o.limits.body_bytes = (size_t)n * 1024 * 1024; })},
        {"--unload-after", nullptr, Number(1, 86400, [](Options& o, long n) { o.idle_seconds = (int)n; })},
        {"--max-streams", nullptr, Number(1, Limits{}.threads - 32, [](Options& o, long n) { o.limits.streams_total = (int)n; })},
        {"--streams-per-address", nullptr, Number(1, 10000, [](Options& o, long n) { o.limits.streams_per_client = (int)n; })},
    };
    return table;
}

}  // namespace

std::vector<std::string> ArgsFromEnvironment(char** environ) {
    std::vector<std::string> args;
    for (const Option& option : Table()) {
        if (!option.env) continue;
        size_t len = std::strlen(option.env);
        for (char** e = environ; e && *e; ++e)
            if (std::strncmp(*e, option.env, len) == 0 && (*e)[len] == '=' && (*e)[len + 1]) {
                args.push_back(option.name);
                args.push_back(*e + len + 1);
            }
    }
    return args;
}

bool ParseArgs(const std::vector<std::string>& args, Options& o, std::string& error) {
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--print-links") { o.print_links = true; continue; }
        const Option* found = nullptr;
        for (const Option& option : Table())
            if (a == option.name) found = &option;
        if (!found) { error = "unknown option " + a; return false; }
        if (i + 1 >= args.size()) { error = a + " needs a value"; return false; }
        const std::string& v = args[++i];
        std::string why;
        if (!found->set(o, v, why)) { error = a + " " + why + ", not \"" + v + "\""; return false; }
    }
    return true;
}

bool SplitHostPort(const std::string& text, std::string& host, int& port) {
    size_t colon = text.rfind(':');
    if (colon == std::string::npos || colon == 0) return false;
    host = text.substr(0, colon);
    if (host.size() > 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
    long n;
    if (!Whole(text.substr(colon + 1), 0, 65535, n)) return false;   // 0: any free port
    port = (int)n;
    return true;
}

}  // namespace server
