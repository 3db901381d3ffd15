#include "data_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>
#include <cerrno>
#include <cstring>

namespace server {

bool LockDatabaseFile(const std::string& path, std::string* error) {
    std::string lock_path = path + ".lock";
    int fd = open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) {
        *error = "cannot open " + lock_path + ": " + std::strerror(errno);
        return false;
    }
    if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
        char pid[32] = {};
        ssize_t n = pread(fd, pid, sizeof pid - 1, 0);
        std::string holder = n > 0 ? std::string(pid, strcspn(pid, "\n")) : "";
        *error = "another samverkan-server" + (holder.empty() ? std::string() : " (process " + holder + ")") + " already uses " + path +
                 ". Stop it first, or give this one another --data folder. Several instances share one database only on "
                 "PostgreSQL (--db).";
        close(fd);
        return false;
    }
    std::string me = std::to_string(getpid()) + "\n";
    if (ftruncate(fd, 0) == 0) {
        ssize_t n = pwrite(fd, me.data(), me.size(), 0);
        (void)n;
    }
    return true;   // fd stays open for the life of the process: the lock with it
}

}  // namespace server
