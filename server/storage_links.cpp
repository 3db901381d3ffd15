// Named links and the audit log: the part of the store that says who may do what, and who did.
#include "storage.h"

#include "sql.h"

namespace server {

namespace {

LinkInfo ReadLink(Stmt& st) {
    return {st.Text(0), st.Text(1), st.Text(2), RoleFromName(st.Text(3)), st.Text(4), st.Text(5), st.Text(6)};
}

constexpr const char* kLinkColumns = "SELECT id, workspace, name, role, created, created_by, last_used FROM links ";

}  // namespace

void Storage::Forget(const std::string& workspace, const std::string& link_id) {
    std::lock_guard cache(cache_mu_);
    for (auto it = tokens_.begin(); it != tokens_.end();) {
        bool gone = link_id.empty() ? it->second.workspace == workspace : it->second.link_id == link_id;
        it = gone ? tokens_.erase(it) : std::next(it);
    }
}

void Storage::FlushLastUsed() {
    std::unordered_map<std::string, std::string> used;
    {
        std::lock_guard cache(cache_mu_);
        used.swap(last_used_);
    }
    if (used.empty()) return;
    std::lock_guard lock(mu_);
    Stmt st(*db_, "UPDATE links SET last_used = ? WHERE id = ? AND last_used < ?");
    for (auto& [id, time] : used) {
        st.Reset();
        st.Bind(1, time); st.Bind(2, id); st.Bind(3, time);
        st.Step();
    }
}

std::optional<LinkInfo> Storage::AddLink(const std::string& workspace, const std::string& name, Role role, const std::string& hash,
                                         const std::string& created_by, std::string* error) {
    std::lock_guard lock(mu_);
    LinkInfo link{"l" + RandomHex(8), workspace, name, role, NowIso(), created_by, ""};
    Stmt st(*db_, "INSERT INTO links (id, workspace, name, role, hash, created, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)");
    st.Bind(1, link.id); st.Bind(2, workspace); st.Bind(3, name); st.Bind(4, std::string(RoleName(role)));
    st.Bind(5, hash); st.Bind(6, link.created); st.Bind(7, created_by);
    if (!st.Done()) {
        if (error) *error = db_->Error();
        return std::nullopt;
    }
    return link;
}

std::vector<LinkInfo> Storage::Links(const std::string& workspace) {
    FlushLastUsed();
    std::lock_guard lock(mu_);
    std::vector<LinkInfo> out;
    Stmt st(*db_, (std::string(kLinkColumns) + "WHERE workspace = ? ORDER BY rowid").c_str());
    st.Bind(1, workspace);
    while (st && st.Step() == kRow) out.push_back(ReadLink(st));
    return out;
}

std::optional<LinkInfo> Storage::Link(const std::string& workspace, const std::string& link_id) {
    FlushLastUsed();
    std::lock_guard lock(mu_);
    Stmt st(*db_, (std::string(kLinkColumns) + "WHERE workspace = ? AND id = ?").c_str());
    st.Bind(1, workspace);
    st.Bind(2, link_id);
    if (!st || st.Step() != kRow) return std::nullopt;
    return ReadLink(st);
}

bool Storage::RemoveLink(const std::string& workspace, const std::string& link_id) {
    {
        std::lock_guard lock(mu_);
        Stmt st(*db_, "DELETE FROM links WHERE workspace = ? AND id = ?");
        st.Bind(1, workspace);
        st.Bind(2, link_id);
        if (!st.Done() || db_->Changes() != 1) return false;
        Forget(workspace, link_id);   // under the database's lock, as FindToken caches under it
    }
    return true;
}

bool Storage::RotateLink(const std::string& workspace, const std::string& link_id, const std::string& new_hash) {
    std::lock_guard lock(mu_);
    Stmt st(*db_, "UPDATE links SET hash = ? WHERE workspace = ? AND id = ?");
    st.Bind(1, new_hash);
    st.Bind(2, workspace);
    st.Bind(3, link_id);
    if (!st.Done() || db_->Changes() != 1) return false;
    Forget(workspace, link_id);
    return true;
}

void Storage::Audit(const std::string& actor, const std::string& action, const std::string& workspace, const std::string& detail) {
    std::lock_guard lock(mu_);
    Stmt st(*db_, "INSERT INTO audit (time, actor, action, workspace, detail) VALUES (?, ?, ?, ?, ?)");
    st.Bind(1, NowIso()); st.Bind(2, actor); st.Bind(3, action); st.Bind(4, workspace); st.Bind(5, detail);
    st.Step();
}

std::vector<AuditEntry> Storage::AuditLog(int64_t limit) {
    std::lock_guard lock(mu_);
    std::vector<AuditEntry> out;
    Stmt st(*db_, "SELECT time, actor, action, workspace, detail FROM audit ORDER BY rowid DESC LIMIT ?");
    st.Bind(1, limit);
    while (st && st.Step() == kRow) out.push_back({st.Text(0), st.Text(1), st.Text(2), st.Text(3), st.Text(4)});
    return out;
}

}  // namespace server
