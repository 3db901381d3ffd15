// samverkan-server: shared workspaces over HTTP, stored in one SQLite file, serving the web app.
#include <httplib.h>
#include <pthread.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>
#include <thread>
#include "api.h"
#include "demos.h"
#include "json_io.h"
#include "static_files.h"
#include "storage.h"

namespace {

struct Options {
    std::string host = "127.0.0.1";
    int port = 8080;
    std::string data = "./data";
    std::string web;
};

const char* kUsage =
    "usage: samverkan-server [--host ADDR] [--port N] [--data DIR] [--web DIR]\n"
    "  --host ADDR  address to listen on (default 127.0.0.1)\n"
    "  --port N     port to listen on, 0 for any free port (default 8080)\n"
    "  --data DIR   folder for the database samverkan.sqlite3 (default ./data, created if missing)\n"
    "  --web DIR    folder with index.html, samverkan.js and samverkan.wasm to serve\n"
    "  --help       this text\n";

int Fail(const std::string& line) {
    std::fprintf(stderr, "samverkan-server: %s\n", line.c_str());
    return 1;
}

bool ParseArgs(int argc, char** argv, Options& o, std::string& error) {
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--help" || a == "-h") { std::fputs(kUsage, stdout); std::exit(0); }
        if (a != "--host" && a != "--port" && a != "--data" && a != "--web") { error = "unknown option " + a; return false; }
        if (i + 1 >= argc) { error = a + " needs a value"; return false; }
        std::string v = argv[++i];
        if (a == "--host") o.host = v;
        else if (a == "--data") o.data = v;
        else if (a == "--web") o.web = v;
        else {
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

}  // namespace

int main(int argc, char** argv) {
    Options opt;
    std::string error;
    if (!ParseArgs(argc, argv, opt, error)) {
        std::fprintf(stderr, "samverkan-server: %s\n%s", error.c_str(), kUsage);
        return 2;
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
    svr.new_task_queue = [] { return new httplib::ThreadPool(64); };
    svr.set_payload_max_length(8 * 1024 * 1024);
    svr.set_read_timeout(10, 0);
    svr.set_write_timeout(10, 0);
    svr.set_keep_alive_max_count(100);
    // httplib's default also sets SO_REUSEPORT, which lets a second server share a
    // port that is in use; SO_REUSEADDR alone still allows a quick restart.
    svr.set_socket_options([](int sock) {
        int yes = 1;
        setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    });

    int port = opt.port;
    if (opt.port == 0) {
        port = svr.bind_to_any_port(opt.host);
        if (port < 0) return Fail("cannot listen on " + opt.host + " (any port)");
    } else if (!svr.bind_to_port(opt.host, opt.port)) {
        return Fail("cannot listen on " + opt.host + ":" + std::to_string(opt.port) + ": the port is in use or not allowed");
    }

    server::Storage storage;
    std::string db_path = opt.data + "/samverkan.sqlite3";
    if (!storage.Open(db_path, &error)) return Fail("cannot open the database " + db_path + ": " + error);
    if (storage.List().empty()) {
        // The first is the one the page opens.
        for (const char* id : {"halsam-vasternorrland", "familjehem-vasternorrland", "norrbotten"}) {
            const std::string* text = sam::FindDemo(id);
            sam::LoadResult r = text ? sam::LoadWorkspace(*text) : sam::LoadResult{};
            if (!r.ok) return Fail(std::string("the built-in demo ") + id + " does not load");
            if (!storage.Create(r.workspace, "demo", &error)) return Fail("cannot store the demo workspace: " + error);
        }
    }

    server::InstallApi(svr, storage);
    if (!opt.web.empty()) server::ServeStatic(svr, opt.web);
    svr.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
        server::SendError(res, 500, "internal", "the server could not handle this request");
    });

    std::thread stopper([&svr, signals] {
        int sig = 0;
        sigwait(&signals, &sig);
        svr.stop();
    });
    std::string url = "http://" + opt.host + ":" + std::to_string(port) + "/";
    std::printf("Samverkan is running: %s\n", url.c_str());
    std::printf("Data: %s  Web: %s\n", db_path.c_str(), opt.web.empty() ? "(none: API only)" : opt.web.c_str());
    std::printf("Stop with Ctrl-C.\n");
    std::fflush(stdout);

    svr.listen_after_bind();
    // listen returns after stop(): requests in flight have finished.
    if (stopper.joinable()) {
        pthread_kill(stopper.native_handle(), SIGTERM);   // wakes the sigwait when listen ended another way
        stopper.join();
    }
    storage.Close();
    std::printf("Samverkan stopped.\n");
    return 0;
}
