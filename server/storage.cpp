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

// Written once for both databases: %SEQ% is PostgreSQL's row order (SQLite has rowid) and
// INTEGER is 64 bits in SQLite, BIGINT in PostgreSQL.
constexpr const char* kSchema = R"SQL(
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS workspaces (%SEQ%
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  created TEXT NOT NULL,
  updated TEXT NOT NULL,
  revision INTEGER NOT NULL,
  edit_hash TEXT NOT NULL DEFAULT '',
  view_hash TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS revisions (%SEQ%
  workspace TEXT NOT NULL REFERENCES workspaces(id),
  revision INTEGER NOT NULL,
  time TEXT NOT NULL,
  author TEXT NOT NULL,
  summary TEXT NOT NULL,
  patch TEXT NOT NULL,
  PRIMARY KEY (workspace, revision)
);
CREATE TABLE IF NOT EXISTS snapshots (%SEQ%
  workspace TEXT NOT NULL REFERENCES workspaces(id),
  revision INTEGER NOT NULL,
  state TEXT NOT NULL,
  PRIMARY KEY (workspace, revision)
);
CREATE TABLE IF NOT EXISTS links (%SEQ%
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
CREATE TABLE IF NOT EXISTS audit (%SEQ%
  time TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  workspace TEXT NOT NULL,
  detail TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS portfolios (%SEQ%
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  party TEXT NOT NULL,
  workspaces TEXT NOT NULL,
  year INTEGER NOT NULL DEFAULT 0,
  hash TEXT NOT NULL UNIQUE,
  created TEXT NOT NULL,
  created_by TEXT NOT NULL
);
-- What instances on one PostgreSQL database tell each other beside revisions: the
-- facilitator's slide (instance '*') and who follows on each instance (updated: ms).
CREATE TABLE IF NOT EXISTS live_notes (
  workspace TEXT NOT NULL,
  instance TEXT NOT NULL,
  kind TEXT NOT NULL,
  value TEXT NOT NULL,
  updated INTEGER NOT NULL,
  PRIMARY KEY (workspace, instance, kind)
);
INSERT INTO meta (key, value) VALUES ('schema', '1') ON CONFLICT DO NOTHING;
)SQL";

std::string Schema(Dialect d) {
    std::string s = kSchema;
    auto replace = [&s](const std::string& from, const std::string& to) {
        for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) s.replace(at, from.size(), to);
    };
    replace("%SEQ%", d == Dialect::Postgres ? "\n  seq BIGSERIAL UNIQUE," : "");
    if (d == Dialect::Postgres) replace(" INTEGER ", " BIGINT ");
    return s;
}

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
    db_.reset();
}

bool Storage::Exec(const char* sql, std::string* error) { return db_->Exec(sql, error); }

bool Storage::Open(const std::string& target, std::string* error) {
    std::lock_guard lock(mu_);
    bool postgres = IsPostgresUri(target);
    db_ = postgres ? OpenPostgres(target, error) : OpenSqlite(target, error);
    if (!db_) return false;
    // Two instances starting at once on one PostgreSQL database make the tables one at a time.
    if ((postgres && !Exec("SELECT pg_advisory_lock(7466)", error)) || !Exec(Schema(db_->Kind()).c_str(), error) || !Migrate(error)) {
        db_.reset();
        return false;
    }
    if (postgres) Exec("SELECT pg_advisory_unlock(7466)", nullptr);
    if (!postgres) RepairText();   // PostgreSQL never took malformed UTF-8
    return true;
}

Dialect Storage::Kind() const { return db_ ? db_->Kind() : Dialect::Sqlite; }

bool Storage::HasColumn(const std::string& table, const std::string& column) {
    if (db_->Kind() == Dialect::Postgres) {
        Stmt st(*db_, "SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ? AND column_name = ?");
        st.Bind(1, table);
        st.Bind(2, column);
        return st.Step() == kRow;
    }
    Stmt cols(*db_, "PRAGMA table_info(" + table + ")");
    while (cols && cols.Step() == kRow)
        if (cols.Text(1) == column) return true;
    return false;
}

// Schema 2: links of their own (the two first ones were columns of workspaces), archiving,
// and the Idempotency-Key a change came with (one revision per key).
bool Storage::Migrate(std::string* error) {
    if (!HasColumn("workspaces", "archived") && !Exec("ALTER TABLE workspaces ADD COLUMN archived INTEGER NOT NULL DEFAULT 0", error)) return false;
    if (!HasColumn("revisions", "idempotency_key") && !Exec("ALTER TABLE revisions ADD COLUMN idempotency_key TEXT NOT NULL DEFAULT ''", error)) return false;
    if (!Exec("CREATE UNIQUE INDEX IF NOT EXISTS revisions_by_key ON revisions (workspace, idempotency_key) WHERE idempotency_key <> ''", error)) return false;
    if (!db_->Begin(error)) return false;
    std::vector<std::tuple<std::string, std::string, std::string, std::string>> old;   // id, created, edit, view
    {
        Stmt st(*db_, "SELECT id, created, edit_hash, view_hash FROM workspaces WHERE edit_hash <> '' OR view_hash <> ''");
        while (st && st.Step() == kRow) old.emplace_back(st.Text(0), st.Text(1), st.Text(2), st.Text(3));
    }
    bool ok = true;
    for (auto& [id, created, edit, view] : old) {
        for (auto [hash, name, role] : {std::tuple{edit, "Redigering", "edit"}, std::tuple{view, "Visning", "view"}}) {
            if (hash.empty()) continue;
            Stmt in(*db_, "INSERT INTO links (id, workspace, name, role, hash, created, created_by) VALUES (?, ?, ?, ?, ?, ?, 'admin') ON CONFLICT DO NOTHING");
            in.Bind(1, "l" + RandomHex(8)); in.Bind(2, id); in.Bind(3, std::string(name)); in.Bind(4, std::string(role));
            in.Bind(5, hash); in.Bind(6, created);
            ok = ok && in.Done();
        }
        Stmt clear(*db_, "UPDATE workspaces SET edit_hash = '', view_hash = '' WHERE id = ?");
        clear.Bind(1, id);
        ok = ok && clear.Done();
    }
    ok = ok && Exec("UPDATE meta SET value = '2' WHERE key = 'schema'", error);
    if (!ok) {
        if (error && error->empty()) *error = db_->Error();
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
        Stmt st(*db_, "SELECT rowid, author, summary, workspace, revision FROM revisions");
        while (st && st.Step() == kRow)
            if (!sam::ValidUtf8(st.Text(1)) || !sam::ValidUtf8(st.Text(2))) {
                bad.push_back({st.Int(0), st.Text(1) + '\n' + st.Text(2)});
                std::fprintf(stderr, "samverkan-server: repairing revision %lld of workspace %s: its author or summary is not UTF-8\n",
                             (long long)st.Int(4), sam::RepairUtf8(st.Text(3)).c_str());
            }
    }
    for (auto& [rowid, text] : bad) {
        size_t nl = text.find('\n');
        Stmt up(*db_, "UPDATE revisions SET author = ?, summary = ? WHERE rowid = ?");
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
    Stmt st(*db_, "SELECT id, name, revision, created, updated, archived, (SELECT count(*) FROM links WHERE workspace = w.id) "
                 "FROM workspaces w ORDER BY rowid");
    while (st && st.Step() == kRow)
        out.push_back({st.Text(0), st.Text(1), st.Int(2), st.Text(3), st.Text(4), st.Int(5) != 0, (int)st.Int(6)});
    return out;
}

std::optional<WorkspaceInfo> Storage::Info(const std::string& id) {
    std::lock_guard lock(mu_);
    Stmt st(*db_, "SELECT id, name, revision, created, updated, archived, (SELECT count(*) FROM links WHERE workspace = w.id) "
                 "FROM workspaces w WHERE id = ?");
    st.Bind(1, id);
    if (!st || st.Step() != kRow) return std::nullopt;
    return WorkspaceInfo{st.Text(0), st.Text(1), st.Int(2), st.Text(3), st.Text(4), st.Int(5) != 0, (int)st.Int(6)};
}

std::optional<std::string> Storage::State(const std::string& id, int64_t revision) {
    std::lock_guard lock(mu_);
    // The latest snapshot at or before the revision, then the patches after it.
    Stmt snap(*db_, "SELECT revision, state FROM snapshots WHERE workspace = ? AND (? < 0 OR revision <= ?) ORDER BY revision DESC LIMIT 1");
    snap.Bind(1, id);
    snap.Bind(2, revision);
    snap.Bind(3, revision);
    if (!snap || snap.Step() != kRow) return std::nullopt;
    int64_t at = snap.Int(0);
    std::string state = snap.Text(1);
    Stmt later(*db_, "SELECT patch FROM revisions WHERE workspace = ? AND revision > ? AND (? < 0 OR revision <= ?) ORDER BY revision");
    later.Bind(1, id);
    later.Bind(2, at);
    later.Bind(3, revision);
    later.Bind(4, revision);
    bool any = false;
    sam::json j;
    while (later && later.Step() == kRow) {
        if (!any) { j = sam::json::parse(state); any = true; }
        j = j.patch(sam::json::parse(later.Text(0)));
    }
    return any ? j.dump() : state;
}

std::optional<std::string> Storage::Create(const sam::Workspace& ws, const std::string& author, const std::string& edit_hash,
                                           const std::string& view_hash, std::string* error, std::string* state_out) {
    std::lock_guard lock(mu_);
    std::string id = RandomHex(8);
    std::string now = NowIso();
    std::string state = sam::SaveWorkspace(ws, false);   // compact: a third of the size to store and read
    if (!db_->Begin(error)) return std::nullopt;
    bool ok = true;
    {
        Stmt w(*db_, "INSERT INTO workspaces (id, name, created, updated, revision) VALUES (?, ?, ?, ?, 1)");
        w.Bind(1, id); w.Bind(2, ws.name); w.Bind(3, now); w.Bind(4, now);
        ok = w && w.Step() == kDone;
    }
    for (auto [hash, name, role] : {std::tuple{edit_hash, "Redigering", "edit"}, std::tuple{view_hash, "Visning", "view"}}) {
        if (!ok || hash.empty()) continue;
        Stmt in(*db_, "INSERT INTO links (id, workspace, name, role, hash, created, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)");
        in.Bind(1, "l" + RandomHex(8)); in.Bind(2, id); in.Bind(3, std::string(name)); in.Bind(4, std::string(role));
        in.Bind(5, hash); in.Bind(6, now); in.Bind(7, author);
        ok = in.Done();
    }
    if (ok) {
        Stmt r(*db_, "INSERT INTO revisions (workspace, revision, time, author, summary, patch) VALUES (?, 1, ?, ?, 'created', ?)");
        r.Bind(1, id); r.Bind(2, now); r.Bind(3, author);
        r.Bind(4, R"([{"op":"replace","path":"","value":)" + state + "}]");   // the saved text, not written out again
        ok = r && r.Step() == kDone;
    }
    if (ok) {
        Stmt sn(*db_, "INSERT INTO snapshots (workspace, revision, state) VALUES (?, 1, ?)");
        sn.Bind(1, id); sn.Bind(2, state);
        ok = sn && sn.Step() == kDone;
    }
    if (!ok) {
        if (error) *error = db_->Error();
        Exec("ROLLBACK", nullptr);
        return std::nullopt;
    }
    if (!Exec("COMMIT", error)) return std::nullopt;
    if (state_out) *state_out = std::move(state);
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
        Stmt st(*db_, "SELECT workspace, role, id, name FROM links WHERE hash = ?");
        st.Bind(1, hash);
        if (!st || st.Step() != kRow) return found;   // unknown tokens are not remembered
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
    Stmt st(*db_, "UPDATE workspaces SET archived = ? WHERE id = ?");
    st.Bind(1, (int64_t)archived);
    st.Bind(2, id);
    if (!st.Done() || db_->Changes() != 1) return false;
    std::lock_guard cache(cache_mu_);
    ids_[id] = archived;
    return true;
}

bool Storage::Delete(const std::string& id, const std::string& actor, std::string* error) {
    std::lock_guard lock(mu_);
    if (!db_->Begin(error)) return false;
    bool ok = true;
    for (const char* sql : {"DELETE FROM snapshots WHERE workspace = ?", "DELETE FROM revisions WHERE workspace = ?",
                            "DELETE FROM links WHERE workspace = ?", "DELETE FROM live_notes WHERE workspace = ?", "DELETE FROM workspaces WHERE id = ?",
                            "INSERT INTO audit (time, actor, action, workspace, detail) VALUES (?2, ?3, 'deleted', ?1, '')"}) {
        Stmt st(*db_, sql);
        st.Bind(1, id);
        if (std::string(sql).find("?2") != std::string::npos) { st.Bind(2, NowIso()); st.Bind(3, actor); }
        ok = ok && st.Done();
    }
    if (!ok) {
        if (error) *error = db_->Error();
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
    // PostgreSQL: VACUUM takes the dead rows out of the tables and their indexes (their pages
    // are written over as they are reused; VACUUM FULL would lock out every other instance).
    if (db_->Kind() == Dialect::Postgres) return Exec("VACUUM snapshots, revisions, links, workspaces, audit", error);
    // SQLite: the WAL still holds the old pages until a checkpoint; VACUUM rewrites the file
    // without free pages, and the last checkpoint empties the WAL again.
    return Exec("PRAGMA wal_checkpoint(TRUNCATE)", error) && Exec("VACUUM", error) && Exec("PRAGMA wal_checkpoint(TRUNCATE)", error);
}

bool Storage::Append(const std::string& id, int64_t known,
                     const std::function<AppendPlan(int64_t head, const std::vector<RevisionRow>& newer)>& decide,
                     const std::string& tag, std::string* error) {
    std::lock_guard lock(mu_);
    bool postgres = db_->Kind() == Dialect::Postgres;
    if (!db_->Begin(error)) return false;
    auto fail = [&](const std::string& why) {
        if (error) *error = why;
        Exec("ROLLBACK", nullptr);
        return false;
    };
    int64_t head;
    {
        Stmt st(*db_, std::string("SELECT revision FROM workspaces WHERE id = ?") + (postgres ? " FOR UPDATE" : ""));
        st.Bind(1, id);
        int rc = st.Step();
        if (rc != kRow) return fail(rc == kDone ? "no workspace with id " + id : db_->Error());
        head = st.Int(0);
    }
    std::vector<RevisionRow> newer;
    if (head > known) {
        newer = RevisionsAfter(id, known);
        if (newer.size() != size_t(head - known)) return fail("the revisions after " + std::to_string(known) + " could not be read");
    }
    AppendPlan plan = decide(head, newer);
    if (plan.rows.empty()) return Exec("COMMIT", error);
    int64_t last = head + (int64_t)plan.rows.size();
    Stmt r(*db_, "INSERT INTO revisions (workspace, revision, time, author, summary, patch, idempotency_key) VALUES (?, ?, ?, ?, ?, ?, ?)");
    for (size_t i = 0; i < plan.rows.size(); ++i) {
        const RevisionRow& row = plan.rows[i];
        r.Reset();
        r.Bind(1, id); r.Bind(2, head + 1 + (int64_t)i); r.Bind(3, row.time); r.Bind(4, row.author);
        r.Bind(5, row.summary); r.Bind(6, row.patch); r.Bind(7, row.key);
        if (!r.Done()) return fail(db_->Error());
    }
    {
        Stmt w(*db_, "UPDATE workspaces SET revision = ?, updated = ?, name = ? WHERE id = ?");
        w.Bind(1, last); w.Bind(2, plan.rows.back().time); w.Bind(3, plan.name); w.Bind(4, id);
        if (!w.Done()) return fail(db_->Error());
    }
    if (!plan.snapshot.empty()) {
        Stmt sn(*db_, "INSERT INTO snapshots (workspace, revision, state) VALUES (?, ?, ?)");
        sn.Bind(1, id); sn.Bind(2, last); sn.Bind(3, plan.snapshot);
        if (!sn.Done()) return fail(db_->Error());
    }
    // Delivered to the other instances' listeners when (and only if) this commits.
    if (!Notify(tag, id, std::to_string(last))) return fail(db_->Error());
    if (!Exec("COMMIT", error)) {
        Exec("ROLLBACK", nullptr);
        return false;
    }
    return true;
}

bool Storage::Notify(const std::string& tag, const std::string& id, const std::string& what) {
    std::lock_guard lock(mu_);
    if (db_->Kind() != Dialect::Postgres) return true;   // one process: nobody else to tell
    Stmt n(*db_, "SELECT pg_notify('samverkan', ?)");
    n.Bind(1, tag + " " + id + " " + what);
    return n.Step() == kRow;
}

bool Storage::PutNote(const std::string& tag, const std::string& id, const std::string& instance, const std::string& kind,
                      const std::string& value) {
    std::lock_guard lock(mu_);
    if (db_->Kind() != Dialect::Postgres) return true;
    int64_t now = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
    if (!db_->Begin(nullptr)) return false;
    Stmt up(*db_, "INSERT INTO live_notes (workspace, instance, kind, value, updated) VALUES (?, ?, ?, ?, ?) "
                  "ON CONFLICT (workspace, instance, kind) DO UPDATE SET value = excluded.value, updated = excluded.updated");
    up.Bind(1, id); up.Bind(2, instance); up.Bind(3, kind); up.Bind(4, value); up.Bind(5, now);
    if (!up.Done() || !Notify(tag, id, "note")) { Exec("ROLLBACK", nullptr); return false; }
    return Exec("COMMIT", nullptr);
}

std::vector<LiveNote> Storage::Notes(const std::string& id) {
    std::lock_guard lock(mu_);
    std::vector<LiveNote> out;
    if (db_->Kind() != Dialect::Postgres) return out;
    Stmt st(*db_, "SELECT instance, kind, value, updated FROM live_notes WHERE workspace = ?");
    st.Bind(1, id);
    while (st.Step() == kRow) out.push_back({st.Text(0), st.Text(1), st.Text(2), st.Int(3)});
    return out;
}

bool Storage::Reconnect() {
    std::lock_guard lock(mu_);
    return db_ && db_->Reconnect();
}

std::vector<RevisionRow> Storage::History(const std::string& id, int64_t limit) {
    std::lock_guard lock(mu_);
    std::vector<RevisionRow> out;
    Stmt st(*db_, "SELECT revision, time, author, summary FROM revisions WHERE workspace = ? ORDER BY revision DESC LIMIT ?");
    st.Bind(1, id);
    st.Bind(2, limit);
    while (st && st.Step() == kRow) out.push_back({st.Int(0), st.Text(1), st.Text(2), st.Text(3), "", ""});
    return out;
}

std::vector<RevisionRow> Storage::RevisionsAfter(const std::string& id, int64_t after) {
    std::lock_guard lock(mu_);
    std::vector<RevisionRow> out;
    Stmt st(*db_, "SELECT revision, time, author, summary, patch FROM revisions WHERE workspace = ? AND revision > ? ORDER BY revision");
    st.Bind(1, id);
    st.Bind(2, after);
    while (st && st.Step() == kRow) out.push_back({st.Int(0), st.Text(1), st.Text(2), st.Text(3), st.Text(4), ""});
    return out;
}

std::optional<int64_t> Storage::RevisionByKey(const std::string& id, const std::string& key) {
    std::lock_guard lock(mu_);
    Stmt st(*db_, "SELECT revision FROM revisions WHERE workspace = ? AND idempotency_key = ?");
    st.Bind(1, id);
    st.Bind(2, key);
    if (st.Step() != kRow) return std::nullopt;
    return st.Int(0);
}

bool Storage::Reachable() {
    std::lock_guard lock(mu_);
    Stmt st(*db_, "SELECT count(*) FROM meta");
    return st && st.Step() == kRow;
}

std::string Storage::GetMeta(const std::string& key) {
    std::lock_guard lock(mu_);
    Stmt st(*db_, "SELECT value FROM meta WHERE key = ?");
    st.Bind(1, key);
    return st && st.Step() == kRow ? st.Text(0) : "";
}

bool Storage::SetMeta(const std::string& key, const std::string& value) {
    std::lock_guard lock(mu_);
    Stmt st(*db_, "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    st.Bind(1, key);
    st.Bind(2, value);
    return st && st.Step() == kDone;
}

bool Storage::Backup(const std::string& path, std::string* error) {
    std::lock_guard lock(mu_);
    if (db_->Kind() != Dialect::Sqlite) {
        if (error) *error = "--backup is for SQLite; back up PostgreSQL with pg_dump (see the README)";
        return false;
    }
    // VACUUM INTO writes a consistent, compact copy while the server goes on; it wants a new file.
    std::remove(path.c_str());
    Stmt st(*db_, "VACUUM INTO ?");
    st.Bind(1, path);
    if (st.Done()) return true;
    if (error) *error = db_->Error();
    return false;
}

}  // namespace server
