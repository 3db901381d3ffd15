// How one instance hears of the others' commits on a shared PostgreSQL database: a connection
// of its own that LISTENs on the channel Storage::Append notifies ("tag id revision"). After a
// lost connection it connects again (backing off), LISTENs again and asks for every loaded
// workspace to be read, so that nothing committed meanwhile is missed.
#pragma once
#include <atomic>
#include <functional>
#include <string>
#include <thread>

namespace server {

class PgListener {
public:
    // `changed(id, what)`: another instance (a tag other than `own_tag`) stored revision `what`
    // of `id`, or left a "note", or the workspace is "gone" or "erased".
    // `resume()`: the connection is (again) listening; notifications may have been missed.
    PgListener(std::string uri, std::string own_tag, std::function<void(const std::string&, const std::string&)> changed, std::function<void()> resume);
    ~PgListener();
    PgListener(const PgListener&) = delete;
    PgListener& operator=(const PgListener&) = delete;
    bool Listening() const { return listening_; }

private:
    void Run();
    std::string uri_, own_tag_;
    std::function<void(const std::string&, const std::string&)> changed_;
    std::function<void()> resume_;
    std::atomic<bool> stop_{false}, listening_{false};
    int wake_[2] = {-1, -1};
    std::thread thread_;
};

}  // namespace server
