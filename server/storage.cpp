#include "storage.h"

#include "sql.h"
#include "utf8.h"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <random>
#include "json_io.h"

namespace server {

namespace {

constexpr const char* kSchema = R"SQL(
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS workspaces (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  created TEXT NOT NULL,
  updated TEXT NOT NULL,
  revision INTEGER NOT NULL,
  edit_hash TEXT NOT NULL DEFAULT '',
  view_hash TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS revisions (
  workspace TEXT NOT NULL REFERENCES workspaces(id),
  revision INTEGER NOT NULL,
  time TEXT NOT NULL,
  author TEXT NOT NULL,
  summary TEXT NOT NULL,
  patch TEXT NOT NULL,
  PRIMARY KEY (workspace, revision)
);
CREATE TABLE IF NOT EXISTS snapshots (
  workspace TEXT NOT NULL REFERENCES workspaces(id),
  revision INTEGER NOT NULL,
  state TEXT NOT NULL,
  PRIMARY KEY (workspace, revision)
);
CREATE TABLE IF NOT EXISTS links (
  id TEXT PRIMARY KEY,
  workspace TEXT NOT NULL REFERENCES workspaces(id),
  name TEXT NOT NULL,
  role TEXT NOT NULL,
  hash TEXT NOT NULL UNIQUE,
  created TEXT NOT NULL,
  created_by TEXT NOT NULL,
  last_used TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS links_by_workspace ON links (workspace);
CREATE TABLE IF NOT EXISTS audit (
  time TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  workspace TEXT NOT NULL,
  detail TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS portfolios (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  party TEXT NOT NULL,
  workspaces TEXT NOT NULL,
  year INTEGER NOT NULL DEFAULT 0,
  hash TEXT NOT NULL UNIQUE,
  created TEXT NOT NULL,
  created_by TEXT NOT NULL
);
INSERT OR IGNORE INTO meta (key, value) VALUES ('schema', '1');
)SQL";

}  // namespace

const char* RoleName(Role r) { return r == Role::Edit ? "edit" : r == Role::View ? "view" : ""; }
Role RoleFromName(const std::string& s) { return s == "edit" ? Role::Edit : s == "view" ? Role::View : Role::None; }

std::string RandomHex(size_t bytes) {
    std::random_device rd;
    std::string out;
    static const char* kHex = "0123456789abcdef";
    for (size_t i = 0; i < bytes; ++i) {
        unsigned v = rd() & 0xFF;
        out += kHex[v >> 4];
        out += kHex[v & 15];
    }
    return out;
}

std::string NowIso() {
    auto now = std::chrono::system_clock::now();
    std::time_t t = std::chrono::system_clock::to_time_t(now);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

Storage::~Storage() { Close(); }

void Storage::Close() {
    if (db_) FlushLastUsed();
    std::lock_guard lock(mu_);
    if (db_) sqlite3_close(db_);
    db_ = nullptr;
}

bool Storage::Exec(const char* sql, std::string* error) {
    char* msg = nullptr;
    if (sqlite3_exec(db_, sql, nullptr, nullptr, &msg) != SQLITE_OK) {
        if (error) *error = msg ? msg : "sqlite error";
        sqlite3_free(msg);
        return false;
    }
    return true;
}

bool Storage::Open(const std::string& path, std::string* error) {
    std::lock_guard lock(mu_);
    if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX, nullptr) != SQLITE_OK) {
        if (error) *error = db_ ? sqlite3_errmsg(db_) : "cannot open database";
        if (db_) sqlite3_close(db_);
        db_ = nullptr;
        return false;
    }
    sqlite3_busy_timeout(db_, 5000);
    // secure_delete: what a delete or an erase frees is overwritten with zeros, not left in the file.
    if (!Exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA secure_delete=ON;", error) ||
        !Exec(kSchema, error) || !Migrate(error)) {
        sqlite3_close(db_);
        db_ = nullptr;
        return false;
    }
    RepairText();
    return true;
}

// Schema 2: links of their own (the two first ones were columns of workspaces), and archiving.
bool Storage::Migrate(std::string* error) {
    bool has_archived = false;
    {
        Stmt cols(db_, "PRAGMA table_info(workspaces)");
        while (cols && cols.Step() == SQLITE_ROW) has_archived |= cols.Text(1) == "archived";
    }
    if (!has_archived && !Exec("ALTER TABLE workspaces ADD COLUMN archived INTEGER NOT NULL DEFAULT 0", error)) return false;
    if (!Exec("BEGIN IMMEDIATE", error)) return false;
    std::vector<std::tuple<std::string, std::string, std::string, std::string>> old;   // id, created, edit, view
    {
        Stmt st(db_, "SELECT id, created, edit_hash, view_hash FROM workspaces WHERE edit_hash <> '' OR view_hash <> ''");
        while (st && st.Step() == SQLITE_ROW) old.emplace_back(st.Text(0), st.Text(1), st.Text(2), st.Text(3));
    }
    bool ok = true;
    for (auto& [id, created, edit, view] : old) {
        for (auto [hash, name, role] : {std::tuple{edit, "Redigering", "edit"}, std::tuple{view, "Visning", "view"}}) {
            if (hash.empty()) continue;
            Stmt in(db_, "INSERT OR IGNORE INTO links (id, workspace, name, role, hash, created, created_by) VALUES (?, ?, ?, ?, ?, ?, 'admin')");
            in.Bind(1, "l" + RandomHex(8)); in.Bind(2, id); in.Bind(3, std::string(name)); in.Bind(4, std::string(role));
            in.Bind(5, hash); in.Bind(6, created);
            ok = ok && in.Done();
        }
        Stmt clear(db_, "UPDATE workspaces SET edit_hash = '', view_hash = '' WHERE id = ?");
        clear.Bind(1, id);
        ok = ok && clear.Done();
    }
    ok = ok && Exec("UPDATE meta SET value = '2' WHERE key = 'schema'", error);
    if (!ok) {
        if (error && error->empty()) *error = sqlite3_errmsg(db_);
        Exec("ROLLBACK", nullptr);
        return false;
    }
    return Exec("COMMIT", error);
}

int Storage::RepairText() {
    // Earlier versions stored an X-Author as sent, malformed UTF-8 included; such a row broke
    // every answer that carried it. Repaired here (U+FFFD for each bad byte), and said so.
    std::vector<std::pair<int64_t, std::string>> bad;
    {
        Stmt st(db_, "SELECT rowid, author, summary, workspace, revision FROM revisions");
        while (st && st.Step() == SQLITE_ROW)
            if (!sam::ValidUtf8(st.Text(1)) || !sam::ValidUtf8(st.Text(2))) {
                bad.push_back({st.Int(0), st.Text(1) + '\n' + st.Text(2)});
                std::fprintf(stderr, "samverkan-server: repairing revision %lld of workspace %s: its author or summary is not UTF-8\n",
                             (long long)st.Int(4), sam::RepairUtf8(st.Text(3)).c_str());
            }
    }
    for (auto& [rowid, text] : bad) {
        size_t nl = text.find('\n');
        Stmt up(db_, "UPDATE revisions SET author = ?, summary = ? WHERE rowid = ?");
        up.Bind(1, sam::RepairUtf8(text.substr(0, nl)));
        up.Bind(2, sam::RepairUtf8(text.substr(nl + 1)));
        up.Bind(3, rowid);
        up.Step();
    }
    return (int)bad.size();
}

std::vector<WorkspaceInfo> Storage::List() {
    std::lock_guard lock(mu_);
    std::vector<WorkspaceInfo> out;
    Stmt st(db_, "SELECT id, name, revision, created, updated, archived, (SELECT count(*) FROM links WHERE workspace = w.id) "
                 "FROM workspaces w ORDER BY rowid");
    while (st && st.Step() == SQLITE_ROW)
        out.push_back({st.Text(0), st.Text(1), st.Int(2), st.Text(3), st.Text(4), st.Int(5) != 0, (int)st.Int(6)});
    return out;
}

std::optional<WorkspaceInfo> Storage::Info(const std::string& id) {
    std::lock_guard lock(mu_);
    Stmt st(db_, "SELECT id, name, revision, created, updated, archived, (SELECT count(*) FROM links WHERE workspace = w.id) "
                 "FROM workspaces w WHERE id = ?");
    st.Bind(1, id);
    if (!st || st.Step() != SQLITE_ROW) return std::nullopt;
    return WorkspaceInfo{st.Text(0), st.Text(1), st.Int(2), st.Text(3), st.Text(4), st.Int(5) != 0, (int)st.Int(6)};
}

std::optional<std::string> Storage::State(const std::string& id, int64_t revision) {
    std::lock_guard lock(mu_);
    // The latest snapshot at or before the revision, then the patches after it.
    Stmt snap(db_, "SELECT revision, state FROM snapshots WHERE workspace = ? AND (? < 0 OR revision <= ?) ORDER BY revision DESC LIMIT 1");
    snap.Bind(1, id);
    snap.Bind(2, revision);
    snap.Bind(3, revision);
    if (!snap || snap.Step() != SQLITE_ROW) return std::nullopt;
    int64_t at = snap.Int(0);
    std::string state = snap.Text(1);
    Stmt later(db_, "SELECT patch FROM revisions WHERE workspace = ? AND revision > ? AND (? < 0 OR revision <= ?) ORDER BY revision");
    later.Bind(1, id);
    later.Bind(2, at);
    later.Bind(3, revision);
    later.Bind(4, revision);
    bool any = false;
    sam::json j;
    while (later && later.Step() == SQLITE_ROW) {
        if (!any) { j = sam::json::parse(state); any = true; }
        j = j.patch(sam::json::parse(later.Text(0)));
    }
    return any ? j.dump(2) + "\n" : state;
}

std::optional<std::string> Storage::Create(const sam::Workspace& ws, const std::string& author, const std::string& edit_hash,
                                           const std::string& view_hash, std::string* error) {
    std::lock_guard lock(mu_);
    std::string id = RandomHex(8);
    std::string now = NowIso();
    std::string state = sam::SaveWorkspace(ws);
    if (!Exec("BEGIN IMMEDIATE", error)) return std::nullopt;
    bool ok = true;
    {
        Stmt w(db_, "INSERT INTO workspaces (id, name, created, updated, revision) VALUES (?, ?, ?, ?, 1)");
        w.Bind(1, id); w.Bind(2, ws.name); w.Bind(3, now); w.Bind(4, now);
        ok = w && w.Step() == SQLITE_DONE;
    }
    for (auto [hash, name, role] : {std::tuple{edit_hash, "Redigering", "edit"}, std::tuple{view_hash, "Visning", "view"}}) {
        if (!ok || hash.empty()) continue;
        Stmt in(db_, "INSERT INTO links (id, workspace, name, role, hash, created, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)");
        in.Bind(1, "l" + RandomHex(8)); in.Bind(2, id); in.Bind(3, std::string(name)); in.Bind(4, std::string(role));
        in.Bind(5, hash); in.Bind(6, now); in.Bind(7, author);
        ok = in.Done();
    }
    if (ok) {
        Stmt r(db_, "INSERT INTO revisions (workspace, revision, time, author, summary, patch) VALUES (?, 1, ?, ?, 'created', ?)");
        r.Bind(1, id); r.Bind(2, now); r.Bind(3, author);
        r.Bind(4, sam::json::array({{{"op", "replace"}, {"path", ""}, {"value", sam::ToJson(ws)}}}).dump());
        ok = r && r.Step() == SQLITE_DONE;
    }
    if (ok) {
        Stmt sn(db_, "INSERT INTO snapshots (workspace, revision, state) VALUES (?, 1, ?)");
        sn.Bind(1, id); sn.Bind(2, state);
        ok = sn && sn.Step() == SQLITE_DONE;
    }
    if (!ok) {
        if (error) *error = sqlite3_errmsg(db_);
        Exec("ROLLBACK", nullptr);
        return std::nullopt;
    }
    if (!Exec("COMMIT", error)) return std::nullopt;
    return id;
}

TokenInfo Storage::FindToken(const std::string& hash) {
    if (hash.empty()) return {};
    {
        std::lock_guard cache(cache_mu_);
        auto it = tokens_.find(hash);
        if (it != tokens_.end()) return it->second;
    }
    TokenInfo found;
    {
        std::lock_guard lock(mu_);
        Stmt st(db_, "SELECT workspace, role, id, name FROM links WHERE hash = ?");
        st.Bind(1, hash);
        if (!st || st.Step() != SQLITE_ROW) return found;   // unknown tokens are not remembered
        found = {st.Text(0), RoleFromName(st.Text(1)), st.Text(2), st.Text(3)};
        // Cached under the database's lock: a removal (which holds it too) cannot slip in between.
        std::lock_guard cache(cache_mu_);
        tokens_[hash] = found;
    }
    return found;
}

void Storage::Touch(const std::string& link_id) {
    std::string now = NowIso();
    std::lock_guard cache(cache_mu_);
    last_used_[link_id] = now;
}

bool Storage::Exists(const std::string& id) {
    {
        std::lock_guard cache(cache_mu_);
        if (ids_.count(id)) return true;
    }
    auto info = Info(id);
    if (!info) return false;
    std::lock_guard cache(cache_mu_);
    ids_[id] = info->archived;
    return true;
}

bool Storage::Archived(const std::string& id) {
    if (!Exists(id)) return false;
    std::lock_guard cache(cache_mu_);
    auto it = ids_.find(id);
    return it != ids_.end() && it->second;
}

bool Storage::SetArchived(const std::string& id, bool archived) {
    std::lock_guard lock(mu_);
    Stmt st(db_, "UPDATE workspaces SET archived = ? WHERE id = ?");
    st.Bind(1, (int64_t)archived);
    st.Bind(2, id);
    if (!st.Done() || sqlite3_changes(db_) != 1) return false;
    std::lock_guard cache(cache_mu_);
    ids_[id] = archived;
    return true;
}

bool Storage::Delete(const std::string& id, const std::string& actor, std::string* error) {
    std::lock_guard lock(mu_);
    if (!Exec("BEGIN IMMEDIATE", error)) return false;
    bool ok = true;
    for (const char* sql : {"DELETE FROM snapshots WHERE workspace = ?", "DELETE FROM revisions WHERE workspace = ?",
                            "DELETE FROM links WHERE workspace = ?", "DELETE FROM workspaces WHERE id = ?",
                            "INSERT INTO audit (time, actor, action, workspace, detail) VALUES (?2, ?3, 'deleted', ?1, '')"}) {
        Stmt st(db_, sql);
        st.Bind(1, id);
        if (std::string(sql).find("?2") != std::string::npos) { st.Bind(2, NowIso()); st.Bind(3, actor); }
        ok = ok && st.Done();
    }
    if (!ok) {
        if (error) *error = sqlite3_errmsg(db_);
        Exec("ROLLBACK", nullptr);
        return false;
    }
    if (!Exec("COMMIT", error)) return false;
    {
        std::lock_guard cache(cache_mu_);
        ids_.erase(id);
    }
    Forget(id, "");
    return Reclaim(error);
}

bool Storage::Reclaim(std::string* error) {
    // The WAL still holds the old pages until a checkpoint; VACUUM rewrites the file without
    // free pages, and the last checkpoint empties the WAL again.
    return Exec("PRAGMA wal_checkpoint(TRUNCATE)", error) && Exec("VACUUM", error) && Exec("PRAGMA wal_checkpoint(TRUNCATE)", error);
}

bool Storage::AppendBatch(const std::string& id, int64_t base, const std::vector<RevisionRow>& rows, const std::string& name,
                          const std::string& snapshot, std::string* error) {
    std::lock_guard lock(mu_);
    if (rows.empty()) return true;
    if (!Exec("BEGIN IMMEDIATE", error)) return false;
    int64_t last = base + (int64_t)rows.size();
    bool ok;
    {
        Stmt w(db_, "UPDATE workspaces SET revision = ?, updated = ?, name = ? WHERE id = ? AND revision = ?");
        w.Bind(1, last); w.Bind(2, rows.back().time); w.Bind(3, name); w.Bind(4, id); w.Bind(5, base);
        ok = w && w.Step() == SQLITE_DONE && sqlite3_changes(db_) == 1;
        if (!ok && error) *error = "the workspace is not at revision " + std::to_string(base);
    }
    Stmt r(db_, "INSERT INTO revisions (workspace, revision, time, author, summary, patch) VALUES (?, ?, ?, ?, ?, ?)");
    for (size_t i = 0; ok && i < rows.size(); ++i) {
        sqlite3_reset(r.s);
        r.Bind(1, id); r.Bind(2, base + 1 + (int64_t)i); r.Bind(3, rows[i].time); r.Bind(4, rows[i].author);
        r.Bind(5, rows[i].summary); r.Bind(6, rows[i].patch);
        ok = r && r.Step() == SQLITE_DONE;
        if (!ok && error) *error = sqlite3_errmsg(db_);
    }
    if (ok && !snapshot.empty()) {
        Stmt sn(db_, "INSERT INTO snapshots (workspace, revision, state) VALUES (?, ?, ?)");
        sn.Bind(1, id); sn.Bind(2, last); sn.Bind(3, snapshot);
        ok = sn && sn.Step() == SQLITE_DONE;
        if (!ok && error) *error = sqlite3_errmsg(db_);
    }
    if (!ok) { Exec("ROLLBACK", nullptr); return false; }
    return Exec("COMMIT", error);
}

std::vector<RevisionRow> Storage::History(const std::string& id, int64_t limit) {
    std::lock_guard lock(mu_);
    std::vector<RevisionRow> out;
    Stmt st(db_, "SELECT revision, time, author, summary FROM revisions WHERE workspace = ? ORDER BY revision DESC LIMIT ?");
    st.Bind(1, id);
    st.Bind(2, limit);
    while (st && st.Step() == SQLITE_ROW) out.push_back({st.Int(0), st.Text(1), st.Text(2), st.Text(3), ""});
    return out;
}

std::vector<RevisionRow> Storage::RevisionsAfter(const std::string& id, int64_t after) {
    std::lock_guard lock(mu_);
    std::vector<RevisionRow> out;
    Stmt st(db_, "SELECT revision, time, author, summary, patch FROM revisions WHERE workspace = ? AND revision > ? ORDER BY revision");
    st.Bind(1, id);
    st.Bind(2, after);
    while (st && st.Step() == SQLITE_ROW) out.push_back({st.Int(0), st.Text(1), st.Text(2), st.Text(3), st.Text(4)});
    return out;
}

std::string Storage::GetMeta(const std::string& key) {
    std::lock_guard lock(mu_);
    Stmt st(db_, "SELECT value FROM meta WHERE key = ?");
    st.Bind(1, key);
    return st && st.Step() == SQLITE_ROW ? st.Text(0) : "";
}

bool Storage::SetMeta(const std::string& key, const std::string& value) {
    std::lock_guard lock(mu_);
    Stmt st(db_, "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    st.Bind(1, key);
    st.Bind(2, value);
    return st && st.Step() == SQLITE_DONE;
}

bool Storage::Backup(const std::string& path, std::string* error) {
    std::lock_guard lock(mu_);
    sqlite3* dest = nullptr;
    if (sqlite3_open(path.c_str(), &dest) != SQLITE_OK) {
        if (error) *error = dest ? sqlite3_errmsg(dest) : "cannot open " + path;
        sqlite3_close(dest);
        return false;
    }
    sqlite3_backup* b = sqlite3_backup_init(dest, "main", db_, "main");
    bool ok = b && sqlite3_backup_step(b, -1) == SQLITE_DONE;
    if (b) sqlite3_backup_finish(b);
    if (!ok && error) *error = sqlite3_errmsg(dest);
    sqlite3_close(dest);
    return ok;
}

}  // namespace server
