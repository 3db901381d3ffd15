// A raw TCP client for tests that send what no HTTP library would: malformed, partial,
// slow or oversized requests. Talks to 127.0.0.1 only.
#pragma once
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>
#include <chrono>
#include <string>

struct RawAnswer {
    int status = 0;          // 0: no answer
    std::string head, body;
    bool closed = false;     // the server closed the connection after answering
};

struct RawConnection {
    int fd = -1;
    explicit RawConnection(int port) {
        fd = socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_port = htons((uint16_t)port);
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (connect(fd, (sockaddr*)&a, sizeof a) != 0) { close(fd); fd = -1; }
    }
    ~RawConnection() { if (fd >= 0) close(fd); }
    bool Send(const std::string& bytes) {
        size_t done = 0;
        while (done < bytes.size()) {
            ssize_t n = send(fd, bytes.data() + done, bytes.size() - done, MSG_NOSIGNAL);
            if (n <= 0) return false;
            done += (size_t)n;
        }
        return true;
    }
    // Reads until the answer's body is complete (Content-Length), the server closes, or `ms` pass.
    RawAnswer Read(int ms = 5000) {
        RawAnswer r;
        std::string data;
        auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
        size_t want = std::string::npos;
        while (std::chrono::steady_clock::now() < until) {
            pollfd p{fd, POLLIN, 0};
            int left = (int)std::chrono::duration_cast<std::chrono::milliseconds>(until - std::chrono::steady_clock::now()).count();
            if (poll(&p, 1, left > 0 ? left : 0) <= 0) break;
            char buf[65536];
            ssize_t n = recv(fd, buf, sizeof buf, 0);
            if (n <= 0) { r.closed = true; break; }
            data.append(buf, (size_t)n);
            size_t end = data.find("\r\n\r\n");
            if (end != std::string::npos && want == std::string::npos) {
                std::string head = data.substr(0, end);
                size_t cl = head.find("Content-Length: ");
                want = cl == std::string::npos ? std::string::npos : end + 4 + std::stoul(head.substr(cl + 16));
            }
            if (want != std::string::npos && data.size() >= want) break;
        }
        size_t end = data.find("\r\n\r\n");
        if (data.rfind("HTTP/1.1 ", 0) == 0 && data.size() > 12) r.status = std::stoi(data.substr(9, 3));
        if (end != std::string::npos) {
            r.head = data.substr(0, end);
            r.body = data.substr(end + 4);
        }
        return r;
    }
    // True when the server closes the connection within `ms` (reading and dropping anything else).
    bool ClosedWithin(int ms) {
        auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
        while (std::chrono::steady_clock::now() < until) {
            pollfd p{fd, POLLIN, 0};
            if (poll(&p, 1, 50) <= 0) continue;
            char buf[4096];
            ssize_t n = recv(fd, buf, sizeof buf, 0);
            if (n <= 0) return true;
        }
        return false;
    }
};

// One request on a fresh connection.
inline RawAnswer RawRequest(int port, const std::string& bytes, int ms = 5000) {
    RawConnection c(port);
    if (c.fd < 0 || !c.Send(bytes)) return {};
    return c.Read(ms);
}
