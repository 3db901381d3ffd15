// Moving a whole SQLite store into PostgreSQL (--import-sqlite): every workspace with its
// whole history, snapshots, links (tokens stay valid: only their hashes are stored),
// portfolios and audit log, in one transaction. Workspaces already there are refused.
#include "storage.h"

#include "sql.h"

namespace server {

namespace {

struct Table {
    const char* name;
    const char* columns;
    int count;   // how many columns
};

// In an order the references allow; each in the order it was written.
constexpr Table kTables[] = {
    {"workspaces", "id, name, created, updated, revision, edit_hash, view_hash, archived", 8},
    {"revisions", "workspace, revision, time, author, summary, patch, idempotency_key", 7},
    {"snapshots", "workspace, revision, state", 3},
    {"links", "id, workspace, name, role, hash, created, created_by, last_used", 8},
    {"portfolios", "id, name, party, workspaces, year, hash, created, created_by", 8},
    {"audit", "time, actor, action, workspace, detail", 5},
};

}  // namespace

bool Storage::ImportFrom(Storage& from, ImportCounts& counts, std::string* error) {
    from.FlushLastUsed();
    std::scoped_lock lock(mu_, from.mu_);
    {
        Stmt ids(*from.db_, "SELECT id FROM workspaces");
        Stmt here(*db_, "SELECT 1 FROM workspaces WHERE id = ?");
        while (ids.Step() == kRow) {
            here.Reset();
            here.Bind(1, ids.Text(0));
            if (here.Step() == kRow) {
                *error = "workspace " + ids.Text(0) + " is already in the database: nothing was imported";
                return false;
            }
        }
    }
    if (!db_->Begin(error)) return false;
    for (const Table& t : kTables) {
        std::string marks;
        for (int i = 0; i < t.count; ++i) marks += i ? ", ?" : "?";
        Stmt read(*from.db_, std::string("SELECT ") + t.columns + " FROM " + t.name + " ORDER BY rowid");
        Stmt write(*db_, std::string("INSERT INTO ") + t.name + " (" + t.columns + ") VALUES (" + marks + ")");
        int64_t n = 0;
        while (read.Step() == kRow) {
            write.Reset();
            for (int i = 0; i < t.count; ++i) write.Bind(i + 1, read.Text(i));
            if (!write.Done()) {
                *error = std::string("cannot copy a row of ") + t.name + ": " + db_->Error();
                Exec("ROLLBACK", nullptr);
                return false;
            }
            ++n;
        }
        if (std::string(t.name) == "workspaces") counts.workspaces = n;
        else if (std::string(t.name) == "revisions") counts.revisions = n;
        else if (std::string(t.name) == "links") counts.links = n;
        else if (std::string(t.name) == "portfolios") counts.portfolios = n;
    }
    // The admin token goes along unless this database has one already.
    Stmt admin(*from.db_, "SELECT value FROM meta WHERE key = 'admin_hash'");
    if (admin.Step() == kRow) {
        Stmt keep(*db_, "INSERT INTO meta (key, value) VALUES ('admin_hash', ?) ON CONFLICT DO NOTHING");
        keep.Bind(1, admin.Text(0));
        if (!keep.Done()) { *error = db_->Error(); Exec("ROLLBACK", nullptr); return false; }
    }
    if (!Exec("COMMIT", error)) return false;
    std::lock_guard cache(cache_mu_);
    ids_.clear();
    return true;
}

bool Storage::ClaimDemos() {
    std::lock_guard lock(mu_);
    Stmt st(*db_, "INSERT INTO meta (key, value) VALUES ('demos', ?) ON CONFLICT DO NOTHING");
    st.Bind(1, NowIso());
    return st.Done() && db_->Changes() == 1;
}

}  // namespace server
