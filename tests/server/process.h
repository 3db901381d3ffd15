// Starts samverkan-server as a real child process on a free loopback port.
#pragma once
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>
#include "test_db.h"

struct ServerProcess {
    std::string binary = SAMVERKAN_SERVER;
    pid_t pid = -1;
    int port = 0;
    std::string log;   // file with the server's stdout and stderr

    // Starts the server with `args` (plus --port 0) and waits for its "running" line.
    bool Start(const std::vector<std::string>& args, const std::string& log_file, const std::string& admin_token = "test-admin-token") {
        log = log_file;
        std::vector<std::string> given = args;
        bool has_db = std::find(args.begin(), args.end(), "--db") != args.end();
        for (size_t i = 0; i + 1 < args.size() && !has_db; ++i)
            if (args[i] == "--data") {
                std::string db = PrepareTestDb(args[i + 1]);
                if (!db.empty()) given.insert(given.end(), {"--db", db});
            }
        std::ofstream(log_file, std::ios::trunc).close();   // never read an older run's port
        std::fflush(nullptr);                                // nothing buffered is written twice
        pid = fork();
        if (pid == 0) {
            if (admin_token.empty()) unsetenv("SAMVERKAN_ADMIN_TOKEN");
            else setenv("SAMVERKAN_ADMIN_TOKEN", admin_token.c_str(), 1);
            FILE* f = std::freopen(log_file.c_str(), "w", stdout);
            (void)f;
            dup2(fileno(stdout), fileno(stderr));
            std::vector<std::string> all = {binary, "--host", "127.0.0.1", "--port", "0"};
            all.insert(all.end(), given.begin(), given.end());
            std::vector<char*> argv;
            for (auto& a : all) argv.push_back(const_cast<char*>(a.c_str()));
            argv.push_back(nullptr);
            execv(argv[0], argv.data());
            _exit(127);
        }
        for (int i = 0; i < 200; ++i) {
            std::string text = Log();
            size_t at = text.find("http://127.0.0.1:");
            if (at != std::string::npos && text.find('/', at + 17) != std::string::npos) {
                port = std::stoi(text.substr(at + 17));
                return true;
            }
            int status;
            if (waitpid(pid, &status, WNOHANG) == pid) { pid = -1; return false; }
            std::this_thread::sleep_for(std::chrono::milliseconds(25));
        }
        return false;
    }
    std::string Log() const {
        std::ifstream f(log);
        std::stringstream ss;
        ss << f.rdbuf();
        return ss.str();
    }
    // Sends `sig` and returns the exit code (or -signal).
    int Stop(int sig = SIGTERM) {
        if (pid <= 0) return -999;
        kill(pid, sig);
        int status = 0;
        waitpid(pid, &status, 0);
        pid = -1;
        return WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
    }
    ~ServerProcess() { if (pid > 0) Stop(SIGKILL); }
};

// Runs the server to completion (for start-up errors): exit code and output. `env`, when given,
// is put in front through env(1) ("-u NAME", "NAME=value" …).
inline int RunServer(const std::vector<std::string>& args, std::string& output, const std::string& env = "") {
    std::string cmd = (env.empty() ? "" : "env " + env + " ") + SAMVERKAN_SERVER;
    for (auto& a : args) cmd += " '" + a + "'";
    cmd += " 2>&1";
    FILE* p = popen(cmd.c_str(), "r");
    char buf[1024];
    size_t n;
    output.clear();
    while ((n = fread(buf, 1, sizeof buf, p)) > 0) output.append(buf, n);
    int status = pclose(p);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}
