// Portfolios: which workspaces one organisation's read-only view covers, and its token's hash.
#include "storage.h"

#include "json_io.h"
#include "sql.h"

namespace server {

namespace {

constexpr const char* kColumns = "SELECT id, name, party, workspaces, year, created, created_by FROM portfolios ";

PortfolioInfo ReadPortfolio(Stmt& st) {
    PortfolioInfo p{st.Text(0), st.Text(1), st.Text(2), {}, (int)st.Int(4), st.Text(5), st.Text(6)};
    sam::json ids = sam::json::parse(st.Text(3), nullptr, false);
    if (ids.is_array())
        for (auto& id : ids)
            if (id.is_string()) p.workspaces.push_back(id.get<std::string>());
    return p;
}

}  // namespace

std::optional<PortfolioInfo> Storage::AddPortfolio(PortfolioInfo p, const std::string& hash, std::string* error) {
    std::lock_guard lock(mu_);
    p.id = "p" + RandomHex(8);
    p.created = NowIso();
    Stmt st(*db_, "INSERT INTO portfolios (id, name, party, workspaces, year, hash, created, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    st.Bind(1, p.id); st.Bind(2, p.name); st.Bind(3, p.party); st.Bind(4, sam::json(p.workspaces).dump());
    st.Bind(5, (int64_t)p.year); st.Bind(6, hash); st.Bind(7, p.created); st.Bind(8, p.created_by);
    if (!st.Done()) {
        if (error) *error = db_->Error();
        return std::nullopt;
    }
    return p;
}

std::vector<PortfolioInfo> Storage::Portfolios() {
    std::lock_guard lock(mu_);
    std::vector<PortfolioInfo> out;
    Stmt st(*db_, (std::string(kColumns) + "ORDER BY rowid").c_str());
    while (st.Step() == kRow) out.push_back(ReadPortfolio(st));
    return out;
}

std::optional<PortfolioInfo> Storage::Portfolio(const std::string& id) {
    std::lock_guard lock(mu_);
    Stmt st(*db_, (std::string(kColumns) + "WHERE id = ?").c_str());
    st.Bind(1, id);
    if (st.Step() != kRow) return std::nullopt;
    return ReadPortfolio(st);
}

std::string Storage::PortfolioByToken(const std::string& hash) {
    std::lock_guard lock(mu_);
    Stmt st(*db_, "SELECT id FROM portfolios WHERE hash = ?");
    st.Bind(1, hash);
    return st.Step() == kRow ? st.Text(0) : "";
}

bool Storage::RemovePortfolio(const std::string& id) {
    std::lock_guard lock(mu_);
    Stmt st(*db_, "DELETE FROM portfolios WHERE id = ?");
    st.Bind(1, id);
    return st.Done() && db_->Changes() > 0;
}

}  // namespace server
