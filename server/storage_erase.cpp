// Erasing a person's data from everything stored for a workspace (GDPR article 17): the
// rules of what is replaced are core's (core/erase.h); here every row is read, rewritten,
// checked to load, written back in one transaction, and the file compacted.
#include "storage.h"

#include "erase.h"
#include "json_io.h"
#include "utf8.h"
#include "sql.h"

namespace server {

namespace {

struct Row {
    int64_t key = 0;       // rowid
    std::string text, erased;
};

struct Stored {
    std::vector<std::pair<int64_t, sam::json>> snapshots;   // revision, state
    std::vector<std::pair<int64_t, sam::json>> patches;     // revision, patch
    std::vector<Row> snapshot_rows, patch_rows, authors, summaries, names, link_names, link_makers, audit_actors;
};

// Every revision replays from the snapshot before it and loads under today's rules.
bool Replays(const Stored& s, std::string& why) {
    size_t p = 0;
    for (size_t i = 0; i < s.snapshots.size(); ++i) {
        int64_t from = s.snapshots[i].first;
        int64_t to = i + 1 < s.snapshots.size() ? s.snapshots[i + 1].first : INT64_MAX;
        sam::json state = s.snapshots[i].second;
        while (p < s.patches.size() && s.patches[p].first <= from) ++p;
        for (; p < s.patches.size() && s.patches[p].first <= to; ++p) {
            try {
                state = state.patch(s.patches[p].second);
            } catch (const std::exception&) {
                why = "revision " + std::to_string(s.patches[p].first) + " would no longer apply";
                return false;
            }
            sam::LoadResult r = sam::LoadWorkspace(state.dump());
            if (!r.ok) {
                why = "revision " + std::to_string(s.patches[p].first) + " would no longer load: " + r.problems[0].Message(sam::Lang::En);
                return false;
            }
        }
    }
    return true;
}

}  // namespace

EraseResult Storage::Erase(const std::string& id, const std::string& text, const std::string& actor) {
    EraseResult result;
    std::lock_guard lock(mu_);
    Stored s;
    auto read = [&](const char* sql, std::vector<Row>& rows) {
        Stmt st(*db_, sql);
        st.Bind(1, id);
        while (st && st.Step() == kRow) rows.push_back({st.Int(0), st.Text(1), ""});
    };
    read("SELECT rowid, state FROM snapshots WHERE workspace = ? ORDER BY revision", s.snapshot_rows);
    read("SELECT rowid, patch FROM revisions WHERE workspace = ? ORDER BY revision", s.patch_rows);
    read("SELECT rowid, author FROM revisions WHERE workspace = ?", s.authors);
    read("SELECT rowid, summary FROM revisions WHERE workspace = ?", s.summaries);
    read("SELECT rowid, name FROM workspaces WHERE id = ?", s.names);
    read("SELECT rowid, name FROM links WHERE workspace = ?", s.link_names);
    read("SELECT rowid, created_by FROM links WHERE workspace = ?", s.link_makers);
    read("SELECT rowid, actor FROM audit WHERE workspace = ?", s.audit_actors);
    if (s.names.empty()) return {false, 404, "no workspace with id " + id};
    {
        Stmt revs(*db_, "SELECT revision FROM snapshots WHERE workspace = ? ORDER BY revision");
        revs.Bind(1, id);
        for (size_t i = 0; revs && revs.Step() == kRow; ++i) s.snapshots.push_back({revs.Int(0), sam::json::parse(s.snapshot_rows[i].text)});
        Stmt pr(*db_, "SELECT revision FROM revisions WHERE workspace = ? ORDER BY revision");
        pr.Bind(1, id);
        for (size_t i = 0; pr && pr.Step() == kRow; ++i) s.patches.push_back({pr.Int(0), sam::json::parse(s.patch_rows[i].text)});
    }

    // Pass 1: the ids that hold the text; pass 2: everything rewritten.
    sam::Eraser e = sam::MakeEraser(text);
    for (auto& [rev, state] : s.snapshots) sam::CollectIdsInState(e, state);
    for (auto& [rev, patch] : s.patches) sam::CollectIdsInPatch(e, patch);
    sam::AssignIds(e);
    for (size_t i = 0; i < s.snapshots.size(); ++i) {
        int64_t before = e.occurrences;
        s.snapshots[i].second = sam::EraseInState(e, s.snapshots[i].second);
        if (e.occurrences != before) s.snapshot_rows[i].erased = s.snapshots[i].second.dump(2) + "\n";
    }
    for (size_t i = 0; i < s.patches.size(); ++i) {
        int64_t before = e.occurrences;
        s.patches[i].second = sam::EraseInPatch(e, s.patches[i].second);
        if (e.occurrences != before) s.patch_rows[i].erased = sam::JsonText(s.patches[i].second);
    }
    for (auto* rows : {&s.authors, &s.summaries, &s.names, &s.link_names, &s.link_makers, &s.audit_actors})
        for (auto& r : *rows) {
            int64_t before = e.occurrences;
            std::string erased = sam::EraseInText(e, r.text);
            if (e.occurrences != before) r.erased = erased;
        }
    result.occurrences = e.occurrences;
    std::string why;
    if (!Replays(s, why)) return {false, 422, "erasing this text would break the workspace: " + why};

    if (!db_->Begin(&result.error)) return {false, 500, result.error};
    bool ok = true;
    auto write = [&](const char* sql, const std::vector<Row>& rows) {
        Stmt st(*db_, sql);
        for (auto& r : rows) {
            if (r.erased.empty()) continue;   // unchanged
            st.Reset();
            st.Bind(1, r.erased);
            st.Bind(2, r.key);
            ok = ok && st.Done();
            ++result.rows;
        }
    };
    write("UPDATE snapshots SET state = ? WHERE rowid = ?", s.snapshot_rows);
    write("UPDATE revisions SET patch = ? WHERE rowid = ?", s.patch_rows);
    write("UPDATE revisions SET author = ? WHERE rowid = ?", s.authors);
    write("UPDATE revisions SET summary = ? WHERE rowid = ?", s.summaries);
    write("UPDATE workspaces SET name = ? WHERE rowid = ?", s.names);
    write("UPDATE links SET name = ? WHERE rowid = ?", s.link_names);
    write("UPDATE links SET created_by = ? WHERE rowid = ?", s.link_makers);
    write("UPDATE audit SET actor = ? WHERE rowid = ?", s.audit_actors);
    {
        // What instances told each other (names of who follows) goes too: it is made again live.
        Stmt notes(*db_, "DELETE FROM live_notes WHERE workspace = ?");
        notes.Bind(1, id);
        ok = ok && notes.Done();
    }
    {
        // Who, how many, when: never the text itself.
        Stmt st(*db_, "INSERT INTO audit (time, actor, action, workspace, detail) VALUES (?, ?, 'erase', ?, ?)");
        st.Bind(1, NowIso()); st.Bind(2, actor); st.Bind(3, id);
        st.Bind(4, std::to_string(result.occurrences) + " occurrences in " + std::to_string(result.rows) + " stored rows");
        ok = ok && st.Done();
    }
    if (!ok) {
        std::string error = db_->Error();
        Exec("ROLLBACK", nullptr);
        return {false, 500, "the erasure could not be stored: " + error};
    }
    if (!Exec("COMMIT", &result.error)) return {false, 500, result.error};
    Forget(id, "");   // link names are in the cached tokens
    if (!Reclaim(&result.error)) return {false, 500, "erased, but the file could not be compacted: " + result.error};
    result.ok = true;
    return result;
}

}  // namespace server
