#include "pg_listener.h"

#include <libpq-fe.h>
#include <poll.h>
#include <unistd.h>
#include <algorithm>
#include <chrono>
#include <cstdio>

namespace server {

PgListener::PgListener(std::string uri, std::string own_tag, std::function<void(const std::string&, const std::string&)> changed, std::function<void()> resume)
    : uri_(std::move(uri)), own_tag_(std::move(own_tag)), changed_(std::move(changed)), resume_(std::move(resume)) {
    if (pipe(wake_) != 0) wake_[0] = wake_[1] = -1;
    thread_ = std::thread([this] { Run(); });
}

PgListener::~PgListener() {
    stop_ = true;
    if (wake_[1] >= 0) {
        ssize_t n = write(wake_[1], "x", 1);
        (void)n;
    }
    if (thread_.joinable()) thread_.join();
    for (int fd : wake_)
        if (fd >= 0) close(fd);
}

void PgListener::Run() {
    int backoff_ms = 100;
    bool said_lost = false;
    while (!stop_) {
        PGconn* conn = PQconnectdb(uri_.c_str());
        if (conn) PQsetNoticeProcessor(conn, [](void*, const char*) {}, nullptr);   // its going is said below
        PGresult* r = conn && PQstatus(conn) == CONNECTION_OK ? PQexec(conn, "LISTEN samverkan") : nullptr;
        bool ok = r && PQresultStatus(r) == PGRES_COMMAND_OK;
        PQclear(r);
        if (!ok) {
            if (!said_lost) std::fprintf(stderr, "samverkan-server: not hearing other instances (PostgreSQL away); trying again\n");
            said_lost = true;
            PQfinish(conn);
            pollfd p{wake_[0], POLLIN, 0};
            poll(&p, 1, backoff_ms);
            backoff_ms = std::min(backoff_ms * 2, 2000);
            continue;
        }
        if (said_lost) std::fprintf(stderr, "samverkan-server: hearing other instances again\n");
        said_lost = false;
        backoff_ms = 100;
        listening_ = true;
        resume_();   // anything committed while no one listened is read now
        while (!stop_ && PQstatus(conn) == CONNECTION_OK) {
            pollfd p[2] = {{PQsocket(conn), POLLIN, 0}, {wake_[0], POLLIN, 0}};
            if (poll(p, 2, 1000) < 0) continue;
            if (!PQconsumeInput(conn)) break;   // the connection went
            while (PGnotify* n = PQnotifies(conn)) {
                std::string payload = n->extra ? n->extra : "";
                PQfreemem(n);
                size_t a = payload.find(' '), b = payload.find(' ', a + 1);
                if (a == std::string::npos || b == std::string::npos) continue;
                if (payload.compare(0, a, own_tag_) != 0) changed_(payload.substr(a + 1, b - a - 1), payload.substr(b + 1));
            }
        }
        listening_ = false;
        PQfinish(conn);
    }
}

}  // namespace server
