// samverkan-server: shared workspaces over HTTP, stored in one SQLite file, serving the web app.
#include <httplib.h>
#include <pthread.h>
#include <signal.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fcntl.h>

#include <cerrno>
#include <cstdlib>
#include <fstream>
#include <cstdio>
#include <cstring>
#include <string>
#include <thread>
#include "api.h"
#include "auth.h"
#include "guards.h"
#include "hub.h"
#include "demos.h"
#include "json_io.h"
#include "static_files.h"
#include <memory>
#include "data_lock.h"
#include "pg_listener.h"
#include "storage.h"

namespace {

struct Options {
    std::string host = "127.0.0.1";
    int port = 8080;
    std::string data = "./data";
    std::string web;
    std::string backup;   // --backup FILE: copy the database and exit
    std::string db;       // --db URI: PostgreSQL instead of the SQLite file in --data
    std::string import;   // --import-sqlite FILE: copy a SQLite store into --db and exit
    server::Limits limits;
    int idle_seconds = 60;   // --unload-after: an unused workspace leaves memory after this long
};

const char* kUsage =
    "usage: samverkan-server [--host ADDR] [--port N] [--data DIR] [--web DIR]\n"
    "  --host ADDR  address to listen on (default 127.0.0.1)\n"
    "  --port N     port to listen on, 0 for any free port (default 8080)\n"
    "  --data DIR   folder for the database samverkan.sqlite3 (default ./data, created if missing)\n"
    "  --db URI     PostgreSQL instead: a libpq URI, e.g. postgresql://samverkan@/samverkan?host=/run/postgresql\n"
    "               (several hosts with target_session_attrs=read-write for a primary and a standby)\n"
    "  --import-sqlite FILE  copy every workspace, its history and links from a SQLite file into --db and exit\n"
    "  --web DIR    folder with index.html, samverkan.js and samverkan.wasm to serve\n"
    "  --backup FILE  copy the SQLite database of --data to FILE (safe while a server runs) and exit;\n"
    "               on PostgreSQL use pg_dump\n"
    "  --max-body-mb N  largest request body accepted, in MB (default 8; a national workspace needs about 50)\n"
    "  --max-streams N  event streams open at once over all workspaces (default 256, fewer than the 320 threads)\n"
    "  --streams-per-address N  event streams from one client address (default 200)\n"
    "  --unload-after S  a workspace nobody uses for S seconds leaves memory, its thread ends (default 60)\n"
    "  --help       this text\n";

int Fail(const std::string& line) {
    std::fprintf(stderr, "samverkan-server: %s\n", line.c_str());
    return 1;
}

bool ParseArgs(int argc, char** argv, Options& o, std::string& error) {
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--help" || a == "-h") { std::fputs(kUsage, stdout); std::exit(0); }
        if (a != "--host" && a != "--port" && a != "--data" && a != "--web" && a != "--backup" && a != "--max-body-mb" &&
            a != "--db" && a != "--import-sqlite" &&
            a != "--max-streams" && a != "--streams-per-address" && a != "--unload-after") { error = "unknown option " + a; return false; }
        if (i + 1 >= argc) { error = a + " needs a value"; return false; }
        std::string v = argv[++i];
        if (a == "--host") o.host = v;
        else if (a == "--data") o.data = v;
        else if (a == "--web") o.web = v;
        else if (a == "--backup") o.backup = v;
        else if (a == "--db") {
            if (!server::IsPostgresUri(v)) { error = "--db takes a PostgreSQL URI (postgresql://…), not \"" + v + "\""; return false; }
            o.db = v;
        } else if (a == "--import-sqlite") o.import = v;
        else if (a == "--max-body-mb") {
            char* end = nullptr;
            long mb = std::strtol(v.c_str(), &end, 10);
            if (v.empty() || *end || mb < 1 || mb > 1024) { error = "--max-body-mb takes a number from 1 to 1024, not \"" + v + "\""; return false; }
            o.limits.body_bytes = (size_t)mb * 1024 * 1024;
        } else if (a == "--unload-after") {
            char* end = nullptr;
            long n = std::strtol(v.c_str(), &end, 10);
            if (v.empty() || *end || n < 1 || n > 86400) { error = "--unload-after takes seconds from 1 to 86400, not \"" + v + "\""; return false; }
            o.idle_seconds = (int)n;
        } else if (a == "--max-streams" || a == "--streams-per-address") {
            char* end = nullptr;
            long n = std::strtol(v.c_str(), &end, 10);
            int most = a == "--max-streams" ? o.limits.threads - 32 : 10000;
            if (v.empty() || *end || n < 1 || n > most) { error = a + " takes a number from 1 to " + std::to_string(most) + ", not \"" + v + "\""; return false; }
            (a == "--max-streams" ? o.limits.streams_total : o.limits.streams_per_client) = (int)n;
        } else {
            char* end = nullptr;
            long p = std::strtol(v.c_str(), &end, 10);
            if (v.empty() || *end || p < 0 || p > 65535) { error = "--port takes a number from 0 to 65535, not \"" + v + "\""; return false; }
            o.port = (int)p;
        }
    }
    return true;
}

// Creates the data folder when missing and checks that files can be made in it.
bool PrepareDataDir(const std::string& dir, std::string& error) {
    struct stat st{};
    if (stat(dir.c_str(), &st) != 0) {
        if (mkdir(dir.c_str(), 0755) != 0) { error = "cannot create the data folder " + dir + ": " + std::strerror(errno); return false; }
    } else if (!S_ISDIR(st.st_mode)) {
        error = "the data path " + dir + " is not a folder";
        return false;
    }
    std::string probe = dir + "/.write-test-" + std::to_string(getpid());
    FILE* f = std::fopen(probe.c_str(), "w");
    if (!f) { error = "cannot write to the data folder " + dir + ": " + std::strerror(errno); return false; }
    std::fclose(f);
    std::remove(probe.c_str());
    return true;
}

// A URI as it may be shown: without its password.
std::string Redacted(const std::string& uri) {
    size_t scheme = uri.find("://");
    size_t at = uri.find('@');
    if (scheme == std::string::npos || at == std::string::npos) return uri;
    size_t colon = uri.find(':', scheme + 3);
    if (colon == std::string::npos || colon > at) return uri;
    return uri.substr(0, colon) + ":***" + uri.substr(at);
}

// --import-sqlite FILE --db URI: everything in the SQLite file moves into PostgreSQL.
int ImportSqlite(const Options& opt) {
    if (opt.db.empty()) return Fail("--import-sqlite needs --db: the PostgreSQL database to copy into");
    struct stat st{};
    if (stat(opt.import.c_str(), &st) != 0) return Fail("there is no SQLite database at " + opt.import);
    std::string error;
    server::Storage from, to;
    if (!from.Open(opt.import, &error)) return Fail("cannot open " + opt.import + ": " + error);
    if (!to.Open(opt.db, &error)) return Fail("cannot open the database " + Redacted(opt.db) + ": " + error);
    server::ImportCounts n;
    if (!to.ImportFrom(from, n, &error)) return Fail("nothing was imported: " + error);
    std::printf("Imported %lld workspaces with %lld revisions, %lld links and %lld portfolios from %s into %s\n",
                (long long)n.workspaces, (long long)n.revisions, (long long)n.links, (long long)n.portfolios, opt.import.c_str(),
                Redacted(opt.db).c_str());
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    Options opt;
    std::string error;
    if (!ParseArgs(argc, argv, opt, error)) {
        std::fprintf(stderr, "samverkan-server: %s\n%s", error.c_str(), kUsage);
        return 2;
    }
    if (!opt.import.empty()) return ImportSqlite(opt);
    if (!opt.backup.empty()) {
        if (!opt.db.empty()) return Fail("--backup is for SQLite; back up PostgreSQL with pg_dump (see the README)");
        server::Storage storage;
        std::string db_path = opt.data + "/samverkan.sqlite3";
        struct stat st{};
        if (stat(db_path.c_str(), &st) != 0) return Fail("there is no database at " + db_path);
        if (!storage.Open(db_path, &error)) return Fail("cannot open the database " + db_path + ": " + error);
        if (!storage.Backup(opt.backup, &error)) return Fail("cannot write the backup " + opt.backup + ": " + error);
        std::printf("Backed up %s to %s\n", db_path.c_str(), opt.backup.c_str());
        return 0;
    }
    if (!PrepareDataDir(opt.data, error)) return Fail(error);
    if (!opt.web.empty()) {
        struct stat st{};
        if (stat((opt.web + "/index.html").c_str(), &st) != 0)
            return Fail("the web folder " + opt.web + " has no index.html (build the web app first: ./run does)");
    }

    // Signals go to one thread that stops the server; the pool threads never see them.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);

    httplib::Server svr;
    // One thread per open connection. Event streams may take streams_total of them, never
    // all: the rest answer the API (guards.h).
    const server::Limits& limits = opt.limits;
    svr.new_task_queue = [&limits] { return new httplib::ThreadPool(limits.threads); };
    svr.set_payload_max_length(limits.body_bytes);
    server::InstallGuards(svr, limits);
    server::StreamBudget streams(limits);
    svr.set_read_timeout(10, 0);
    svr.set_write_timeout(10, 0);
    svr.set_keep_alive_max_count(100000);   // reconnects overflow httplib's listen backlog of 5 under load
    // httplib's default also sets SO_REUSEPORT, which lets a second server share a
    // port that is in use; SO_REUSEADDR alone still allows a quick restart.
    int listening = -1;
    svr.set_socket_options([&listening](int sock) {
        listening = sock;
        int yes = 1;
        setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
        // Answers go out at once (headers and body are separate writes: Nagle would hold the body).
        setsockopt(sock, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);
    });

    int port = opt.port;
    if (opt.port == 0) {
        port = svr.bind_to_any_port(opt.host);
        if (port < 0) return Fail("cannot listen on " + opt.host + " (any port)");
    } else if (!svr.bind_to_port(opt.host, opt.port)) {
        return Fail("cannot listen on " + opt.host + ":" + std::to_string(opt.port) + ": the port is in use or not allowed");
    }
    // httplib listens with a backlog of 5: a room opening the page at once, or 50 editors
    // connecting together, would see connections dropped and retried a second later.
    // listen() again on the bound socket only raises the backlog.
    if (listening >= 0) ::listen(listening, 1024);

    server::Storage storage;
    std::string db_path = opt.data + "/samverkan.sqlite3";
    if (opt.db.empty() && !server::LockDatabaseFile(db_path, &error)) return Fail(error);
    std::string target = opt.db.empty() ? db_path : opt.db;
    if (!storage.Open(target, &error)) return Fail("cannot open the database " + Redacted(target) + ": " + error);
    // The admin token: from SAMVERKAN_ADMIN_TOKEN, or made and shown once on first start.
    server::ApiConfig api;
    api.streams = &streams;
    if (const char* env = std::getenv("SAMVERKAN_ADMIN_TOKEN"); env && *env) {
        api.admin_hash = server::HashToken(env);
        storage.SetMeta("admin_hash", api.admin_hash);
    } else {
        api.admin_hash = storage.GetMeta("admin_hash");
        if (api.admin_hash.empty()) {
            std::string token = server::NewToken();
            api.admin_hash = server::HashToken(token);
            storage.SetMeta("admin_hash", api.admin_hash);
            std::printf("Admin token (shown this once; set SAMVERKAN_ADMIN_TOKEN to choose your own): %s\n", token.c_str());
        }
    }

    std::string base_url = "http://" + opt.host + ":" + std::to_string(port) + "/";
    std::string links_path = opt.data + "/links.txt";
    if (storage.List().empty() && storage.ClaimDemos()) {
        // The demos, with their links kept (readable by this user only) so later starts can show them.
        std::string links;
        for (const char* id : {"halsam-vasternorrland", "familjehem-vasternorrland", "norrbotten", "utvecklingsarbete-2017", "kommunforbundet-vasternorrland"}) {
            const std::string* text = sam::FindDemo(id);
            sam::LoadResult r = text ? sam::LoadWorkspace(*text) : sam::LoadResult{};
            if (!r.ok) return Fail(std::string("the built-in demo ") + id + " does not load");
            std::string edit = server::NewToken(), view = server::NewToken();
            auto wid = storage.Create(r.workspace, "demo", server::HashToken(edit), server::HashToken(view), &error);
            if (!wid) return Fail("cannot store the demo workspace: " + error);
            links += r.workspace.name + "\tedit\t#w=" + *wid + "&t=" + edit + "\tview\t#w=" + *wid + "&t=" + view + "\n";
        }
        int fd = open(links_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        if (fd >= 0) {
            ssize_t n = write(fd, links.data(), links.size());
            (void)n;
            close(fd);
        }
    }

    server::Hub hub(storage, opt.idle_seconds);
    // On PostgreSQL other instances may share the database: hear their commits.
    std::unique_ptr<server::PgListener> listener;
    if (!opt.db.empty())
        listener = std::make_unique<server::PgListener>(opt.db, hub.Tag(), [&hub](const std::string& id, const std::string& what) { hub.Remote(id, what); },
                                                        [&hub] { hub.RemoteAll(); });
    server::InstallApi(svr, storage, hub, api);
    server::InstallDocuments(svr, storage, hub, api);
    server::InstallAdminPage(svr);
    server::InstallErrorBodies(svr);
    if (!opt.web.empty()) server::ServeStatic(svr, opt.web);
    svr.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
        server::SendError(res, 500, "internal", "the server could not handle this request");
    });

    std::thread stopper([&svr, &hub, signals] {
        int sig = 0;
        sigwait(&signals, &sig);
        hub.Stop();   // event streams end, so the pool can finish
        svr.stop();
    });
    std::printf("Samverkan is running: %s\n", base_url.c_str());
    {
        // The demo links, so a user can open a workspace straight away.
        std::ifstream links(links_path);
        std::string line;
        while (std::getline(links, line)) {
            size_t a = line.find('\t'), b = line.find('\t', a + 1), c = line.find('\t', b + 1), d = line.find('\t', c + 1);
            if (a == std::string::npos || d == std::string::npos) continue;
            std::printf("  %s: edit %s%s  view %s%s\n", line.substr(0, a).c_str(), base_url.c_str(), line.substr(b + 1, c - b - 1).c_str(),
                        base_url.c_str(), line.substr(d + 1).c_str());
        }
    }
    std::printf("Administration: %sadmin (sign in with the admin token)\n", base_url.c_str());
    std::printf("Data: %s  Web: %s\n", Redacted(target).c_str(), opt.web.empty() ? "(none: API only)" : opt.web.c_str());
    std::printf("Stop with Ctrl-C.\n");
    std::fflush(stdout);

    svr.listen_after_bind();
    // listen returns after stop(): requests in flight have finished.
    if (stopper.joinable()) {
        pthread_kill(stopper.native_handle(), SIGTERM);   // wakes the sigwait when listen ended another way
        stopper.join();
    }
    listener.reset();
    hub.Close();   // the writers finish what was queued
    storage.Close();
    std::printf("Samverkan stopped.\n");
    return 0;
}
