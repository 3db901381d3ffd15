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
#include "backup.h"
#include "metrics.h"
#include "metrics_server.h"
#include "options.h"
#include "request_log.h"
#include <vector>

namespace {

using server::Options;
using server::kUsage;

int Fail(const std::string& line) {
    std::fprintf(stderr, "samverkan-server: %s\n", line.c_str());
    return 1;
}

// The web app the package installs: ../share/samverkan/web beside /usr/bin/samverkan-server.
std::string InstalledWeb() {
    char exe[4096];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0) return "";
    std::string dir(exe, (size_t)n);
    dir = dir.substr(0, dir.rfind('/'));
    std::string web = dir.substr(0, dir.rfind('/')) + "/share/samverkan/web";
    struct stat st{};
    return stat((web + "/index.html").c_str(), &st) == 0 ? web : "";
}

// The admin token's hash: from SAMVERKAN_ADMIN_TOKEN, a token file, the database, or made now.
// A new token is written to DATA/admin-token (this user only), never to a log.
bool AdminHash(const Options& opt, server::Storage& storage, std::string& hash, std::string& error) {
    std::string token;
    if (const char* env = std::getenv("SAMVERKAN_ADMIN_TOKEN"); env && *env) token = env;
    else if (!opt.admin_token_file.empty()) {
        std::ifstream in(opt.admin_token_file);
        if (!in || !std::getline(in, token)) { error = "cannot read the admin token file " + opt.admin_token_file; return false; }
        while (!token.empty() && (token.back() == '\r' || token.back() == ' ')) token.pop_back();
        if (token.size() < 16) { error = "the admin token in " + opt.admin_token_file + " is shorter than 16 characters"; return false; }
    }
    if (!token.empty()) {
        hash = server::HashToken(token);
        storage.SetMeta("admin_hash", hash);
        return true;
    }
    hash = storage.GetMeta("admin_hash");
    if (!hash.empty()) return true;
    token = server::NewToken();
    hash = server::HashToken(token);
    storage.SetMeta("admin_hash", hash);
    std::string path = opt.data + "/admin-token";
    int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    std::string line = token + "\n";
    bool written = fd >= 0 && write(fd, line.data(), line.size()) == (ssize_t)line.size();
    if (fd >= 0) close(fd);
    if (opt.print_links) std::printf("Admin token (shown this once; set SAMVERKAN_ADMIN_TOKEN to choose your own): %s\n", token.c_str());
    else if (written) std::printf("A new admin token is in %s (readable by this user only)\n", path.c_str());
    else { error = "cannot write the new admin token to " + path; return false; }
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
    std::vector<std::string> args(argv + 1, argv + argc);
    for (const std::string& a : args)
        if (a == "--help" || a == "-h") { std::fputs(kUsage, stdout); return 0; }
    if (!server::ParseArgs(server::ArgsFromEnvironment(environ), opt, error)) return Fail("in the environment (SAMVERKAN_…): " + error);
    if (!server::ParseArgs(args, opt, error)) {
        std::fprintf(stderr, "samverkan-server: %s\n%s", error.c_str(), kUsage);
        return 2;
    }
    opt.print_links = opt.print_links || isatty(STDOUT_FILENO);
    if (!opt.import.empty()) return ImportSqlite(opt);
    if (!opt.backup.empty() || !opt.restore.empty()) {
        if (!opt.db.empty()) return Fail("--backup and --restore are for SQLite; on PostgreSQL use pg_dump and pg_restore (see the README)");
        return opt.restore.empty() ? server::RunBackup(opt.data, opt.backup, opt.keep) : server::RunRestore(opt.data, opt.restore);
    }
    if (opt.web.empty()) opt.web = InstalledWeb();
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
    server::ApiConfig api;
    api.streams = &streams;
    api.trusted_proxy = opt.trusted_proxy;
    if (!AdminHash(opt, storage, api.admin_hash, error)) return Fail(error);

    std::string base_url = "http://" + opt.host + ":" + std::to_string(port) + "/";
    std::string links_path = opt.data + "/links.txt";
    if (opt.demos && storage.List().empty() && storage.ClaimDemos()) {
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
    server::Metrics metrics;
    hub.Observe(&metrics);
    server::InstallRequestLog(svr, opt.metrics.empty() ? nullptr : &metrics, opt.request_log);
    server::MetricsServer metrics_server;
    if (!opt.metrics.empty() &&
        !metrics_server.Start(opt.metrics, metrics, {[&streams] { return streams.Open(); }, [&hub] { return hub.Loaded(); }}, &error))
        return Fail(error);
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
    if (!opt.print_links) {
        // Links carry tokens: they go to a terminal, never to a log (journald keeps stdout).
        struct stat st{};
        if (stat(links_path.c_str(), &st) == 0) std::printf("The demo workspaces' links are in %s\n", links_path.c_str());
    } else {
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
    if (!opt.metrics.empty())
        std::printf("Metrics: http://%s:%d/metrics\n", opt.metrics.substr(0, opt.metrics.rfind(':')).c_str(), metrics_server.Port());
    std::printf("Stop with Ctrl-C.\n");
    std::fflush(stdout);

    svr.listen_after_bind();
    // listen returns after stop(): requests in flight have finished.
    if (stopper.joinable()) {
        pthread_kill(stopper.native_handle(), SIGTERM);   // wakes the sigwait when listen ended another way
        stopper.join();
    }
    listener.reset();
    metrics_server.Stop();
    hub.Close();   // the writers finish what was queued
    storage.Close();
    std::printf("Samverkan stopped.\n");
    return 0;
}
