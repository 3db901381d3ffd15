// libFuzzer target over the server's request handling: each input is one connection's
// bytes (request line, headers, body; several requests when it holds several), sent to the
// real handlers of a real server (guards, API, links and lifecycle, documents, the admin page) on loopback, with a real SQLite
// file. "WSID" in an input becomes the fuzz workspace's id; its tokens are edit-token,
// view-token and admin-token. Invariants: the server answers every request with 2xx, 3xx or
// 4xx (a 503 only for a full stream budget), every JSON answer parses, and the store still
// loads every workspace.
#include <arpa/inet.h>
#include <httplib.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include "api.h"
#include "auth.h"
#include "demos.h"
#include "guards.h"
#include "hub.h"
#include "json_io.h"
#include "storage.h"

namespace {

struct Fixture {
    std::string db = "/tmp/samverkan-fuzz-http-" + std::to_string(getpid()) + ".sqlite3";
    server::Limits limits;
    server::Storage storage;
    server::StreamBudget streams{limits};
    std::unique_ptr<server::Hub> hub;
    httplib::Server svr;
    std::thread thread;
    std::string id;
    int port = 0;

    void Recreate() {
        std::string error;
        sam::Workspace ws = sam::LoadWorkspace(*sam::FindDemo("familjehem-vasternorrland")).workspace;
        id = *storage.Create(ws, "fuzz", server::HashToken("edit-token"), server::HashToken("view-token"), &error);
    }

    Fixture() {
        std::remove(db.c_str());
        std::string error;
        if (!storage.Open(db, &error)) { std::fprintf(stderr, "fuzz_http: %s\n", error.c_str()); std::abort(); }
        Recreate();
        hub = std::make_unique<server::Hub>(storage);
        static server::ApiConfig api;
        api.admin_hash = server::HashToken("admin-token");
        api.streams = &streams;
        limits.streams_total = 16;   // streams hold threads: few, so the fuzzer never runs out
        svr.new_task_queue = [] { return new httplib::ThreadPool(64); };
        svr.set_payload_max_length(limits.body_bytes);
        svr.set_read_timeout(1, 0);
        svr.set_keep_alive_timeout(1);
        server::InstallGuards(svr, limits);
        server::InstallApi(svr, storage, *hub, api);
        server::InstallDocuments(svr, storage, *hub, api);
        server::InstallAdminPage(svr);
        server::InstallErrorBodies(svr);
        svr.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
            server::SendError(res, 500, "internal", "the server could not handle this request");
        });
        port = svr.bind_to_any_port("127.0.0.1");
        thread = std::thread([this] { svr.listen_after_bind(); });
        while (!svr.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
};

Fixture& F() {
    static Fixture* f = new Fixture();   // lives for the whole run
    return *f;
}

std::string Exchange(int port, const std::string& bytes) {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons((uint16_t)port);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(fd, (sockaddr*)&a, sizeof a) != 0) { close(fd); return ""; }
    size_t done = 0;
    while (done < bytes.size()) {
        ssize_t n = send(fd, bytes.data() + done, bytes.size() - done, MSG_NOSIGNAL);
        if (n <= 0) break;
        done += (size_t)n;
    }
    shutdown(fd, SHUT_WR);
    std::string out;
    for (;;) {   // until the server closes, or 300 ms pass with nothing (an open event stream)
        pollfd p{fd, POLLIN, 0};
        if (poll(&p, 1, 300) <= 0) break;
        char buf[65536];
        ssize_t n = recv(fd, buf, sizeof buf, 0);
        if (n <= 0) break;
        out.append(buf, (size_t)n);
    }
    close(fd);
    return out;
}

// Every answer in `out`: a status the invariants allow, and a JSON body that parses.
void CheckAnswers(const std::string& out) {
    size_t at = 0;
    while ((at = out.find("HTTP/1.1 ", at)) != std::string::npos) {
        if (at + 12 > out.size()) break;
        int status = std::atoi(out.substr(at + 9, 3).c_str());
        size_t head_end = out.find("\r\n\r\n", at);
        if (head_end == std::string::npos) break;
        std::string head = out.substr(at, head_end - at);
        size_t cl = head.find("Content-Length: ");
        size_t len = cl == std::string::npos ? 0 : std::strtoul(head.c_str() + cl + 16, nullptr, 10);
        std::string body = out.substr(head_end + 4, len);
        if (head.find("Transfer-Encoding: chunked") != std::string::npos) return;   // an event stream: its data is the workspace's
        if (body.rfind("HTTP/1.1 ", 0) == 0) body.clear();                          // a HEAD answer has no body
        bool json = head.find("Content-Type: application/json") != std::string::npos && head.find("Content-Encoding") == std::string::npos;
        if (json && !body.empty() && body.size() == len && sam::json::parse(body, nullptr, false).is_discarded()) {
            std::fprintf(stderr, "fuzz_http: an answer that is not JSON:\n%s\n%s\n", head.c_str(), body.c_str());
            std::abort();
        }
        bool full_streams = status == 503 && body.find("too_many_streams") != std::string::npos;
        if (status < 200 || (status >= 500 && !full_streams)) {
            std::fprintf(stderr, "fuzz_http: status %d:\n%s\n%s\n", status, head.c_str(), body.c_str());
            std::abort();
        }
        at = head_end + 4 + len;
    }
}

void CheckStoreLoads(Fixture& f) {
    server::Storage again;
    std::string error;
    if (!again.Open(f.db, &error)) { std::fprintf(stderr, "fuzz_http: the store does not open: %s\n", error.c_str()); std::abort(); }
    for (auto& w : again.List()) {
        auto state = again.State(w.id, -1);
        if (!state || !sam::LoadWorkspace(*state).ok) {
            std::fprintf(stderr, "fuzz_http: workspace %s no longer loads\n", w.id.c_str());
            std::abort();
        }
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    Fixture& f = F();
    std::string bytes(reinterpret_cast<const char*>(data), size);
    for (size_t at = 0; (at = bytes.find("WSID", at)) != std::string::npos;) bytes.replace(at, 4, f.id);
    CheckAnswers(Exchange(f.port, bytes));
    // An input may delete the workspace (the admin token is in the corpus): the next one gets a new one.
    if (!f.storage.Exists(f.id)) f.Recreate();
    static int runs = 0;
    if (++runs % 200 == 0) CheckStoreLoads(f);
    return 0;
}
