// Who may open a workspace, and for how long: named links (made, listed, rotated, revoked),
// the workspace's lifecycle (rename, archive, restore, delete), erasing a person's data,
// and the audit log. Access rules:
//   links:      the workspace's edit links and the admin; the last edit link only the admin removes
//   lifecycle, erase, audit: the admin
#include <httplib.h>
#include "api.h"
#include "auth.h"
#include "erase.h"
#include "patch.h"
#include "utf8.h"

namespace server {

using sam::json;

namespace {

const std::string kId = R"(/api/workspaces/([A-Za-z0-9_-]{1,64}))";
const std::string kLink = kId + R"(/links/([A-Za-z0-9_-]{1,64}))";

// The admin, or an edit link of this workspace (not while it is archived).
bool MayManageLinks(const Access& a, Storage& storage, const std::string& id, httplib::Response& res) {
    if (!Open(a, storage, id, Role::View, res)) return false;
    if (a.admin) return true;
    if (a.role != Role::Edit) { SendError(res, 403, "forbidden", "only an edit link or the admin manages links"); return false; }
    if (storage.Archived(id)) { SendError(res, 423, "archived", "the workspace is archived: only the admin manages its links"); return false; }
    return true;
}

bool AdminOnly(const Access& a, Storage& storage, const std::string& id, httplib::Response& res) {
    if (!a.token_given) { SendError(res, 401, "unauthorized", "this needs the admin token"); return false; }
    if (!a.admin) { SendError(res, a.role == Role::None ? 401 : 403, a.role == Role::None ? "unauthorized" : "forbidden", "this needs the admin token"); return false; }
    if (!id.empty() && !storage.Exists(id)) { SendError(res, 404, "unknown_workspace", "no workspace with id " + id); return false; }
    return true;
}

// A name typed by a person: trimmed, 1 to 80 characters, no control characters.
bool ReadName(const json& body, std::string& name, httplib::Response& res) {
    if (!body.is_object() || !body.contains("name") || !body["name"].is_string()) {
        SendError(res, 400, "bad_request", "the body must hold \"name\": a text");
        return false;
    }
    name = body["name"].get<std::string>();
    size_t a = name.find_first_not_of(" \t"), b = name.find_last_not_of(" \t");
    name = a == std::string::npos ? "" : name.substr(a, b - a + 1);
    size_t chars = 0;
    for (unsigned char c : name) {
        chars += (c & 0xC0) != 0x80;
        if (c < 0x20 || c == 0x7F) { SendError(res, 400, "bad_name", "the name may not hold control characters"); return false; }
    }
    if (chars == 0 || chars > 80) { SendError(res, 400, "bad_name", "the name must be 1 to 80 characters"); return false; }
    return true;
}

json LinkJson(const LinkInfo& l, const Access& a) {
    return {{"link_id", l.id}, {"name", l.name}, {"role", RoleName(l.role)}, {"created", l.created},
            {"created_by", l.created_by}, {"last_used", l.last_used}, {"yours", !a.admin && a.link_id == l.id}};
}

json NewLinkJson(const LinkInfo& l, const std::string& token) {
    return {{"link_id", l.id}, {"name", l.name}, {"role", RoleName(l.role)}, {"token", token},
            {"fragment", "#w=" + l.workspace + "&t=" + token}};
}

int EditLinks(Storage& storage, const std::string& id) {
    int n = 0;
    for (auto& l : storage.Links(id)) n += l.role == Role::Edit;
    return n;
}

void InstallLinks(httplib::Server& svr, Storage& storage, Hub& hub, const ApiConfig& config) {
    // What a link opens now: a client whose event stream broke off asks this, not for the state.
    svr.Get(kId + "/access", [&](const httplib::Request& req, httplib::Response& res) {
        std::string id = req.matches[1];
        Access a = Authorize(req, storage, config);
        if (!Open(a, storage, id, Role::View, res)) return;
        SendJson(res, 200, AccessJson(a, storage, id));
    });

    svr.Get(kId + "/links", [&](const httplib::Request& req, httplib::Response& res) {
        std::string id = req.matches[1];
        Access a = Authorize(req, storage, config);
        if (!MayManageLinks(a, storage, id, res)) return;
        json list = json::array();
        for (auto& l : storage.Links(id)) list.push_back(LinkJson(l, a));
        SendJson(res, 200, {{"links", list}}, &req);
    });

    svr.Post(kId + "/links", [&](const httplib::Request& req, httplib::Response& res) {
        std::string id = req.matches[1];
        Access a = Authorize(req, storage, config);
        if (!MayManageLinks(a, storage, id, res)) return;
        json body;
        if (!ParseBody(req, res, body)) return;
        std::string name;
        if (!ReadName(body, name, res)) return;
        Role role = body.contains("role") && body["role"].is_string() ? RoleFromName(body["role"]) : Role::None;
        if (role == Role::None) return SendError(res, 400, "bad_role", "\"role\" must be \"edit\" or \"view\"");
        std::string token = NewToken(), error;
        auto link = storage.AddLink(id, name, role, HashToken(token), a.Actor(), &error);
        if (!link) return SendError(res, 500, "storage", "the link could not be stored: " + error);
        storage.Audit(a.Actor(), "link_made", id, link->id + " (" + RoleName(role) + ")");
        SendJson(res, 201, NewLinkJson(*link, token));
    });

    svr.Delete(kLink, [&](const httplib::Request& req, httplib::Response& res) {
        std::string id = req.matches[1], link_id = req.matches[2];
        Access a = Authorize(req, storage, config);
        if (!MayManageLinks(a, storage, id, res)) return;
        auto link = storage.Link(id, link_id);
        if (!link) return SendError(res, 404, "unknown_link", "no link " + link_id + " in this workspace");
        if (!a.admin && link->role == Role::Edit && EditLinks(storage, id) <= 1)
            return SendError(res, 409, "last_edit_link", "this is the workspace's last edit link: only the admin can remove it");
        if (!storage.RemoveLink(id, link_id)) return SendError(res, 404, "unknown_link", "no link " + link_id + " in this workspace");
        hub.AccessChanged(id);   // its open streams end now
        storage.Audit(a.Actor(), "link_revoked", id, link_id + " (" + RoleName(link->role) + ")");
        res.status = 204;
    });

    svr.Post(kLink + "/rotate", [&](const httplib::Request& req, httplib::Response& res) {
        std::string id = req.matches[1], link_id = req.matches[2];
        Access a = Authorize(req, storage, config);
        if (!MayManageLinks(a, storage, id, res)) return;
        auto link = storage.Link(id, link_id);
        std::string token = NewToken();
        if (!link || !storage.RotateLink(id, link_id, HashToken(token)))
            return SendError(res, 404, "unknown_link", "no link " + link_id + " in this workspace");
        hub.AccessChanged(id);
        storage.Audit(a.Actor(), "link_rotated", id, link_id + " (" + RoleName(link->role) + ")");
        SendJson(res, 200, NewLinkJson(*link, token));
    });
}

void InstallLifecycle(httplib::Server& svr, Storage& storage, Hub& hub, const ApiConfig& config) {
    svr.Post(kId + "/rename", [&](const httplib::Request& req, httplib::Response& res) {
        std::string id = req.matches[1];
        Access a = Authorize(req, storage, config);
        if (!AdminOnly(a, storage, id, res)) return;
        json body;
        if (!ParseBody(req, res, body)) return;
        std::string name;
        if (!ReadName(body, name, res)) return;
        auto live = hub.Get(id);
        if (!live) return SendError(res, 500, "storage", "the workspace could not be read");
        int64_t base;
        {
            std::lock_guard lock(live->mu);
            base = live->revision;
        }
        // A change like any other: through core, in the history, to every follower.
        Outcome o = hub.Patch(id, base, json::array({sam::OpReplace("/name", name)}), "admin");
        if (o.status == 200) storage.Audit("admin", "renamed", id, "");
        SendJson(res, o.status, o.body);
    });

    for (bool archive : {true, false}) {
        svr.Post(kId + (archive ? "/archive" : "/unarchive"), [&, archive](const httplib::Request& req, httplib::Response& res) {
            std::string id = req.matches[1];
            Access a = Authorize(req, storage, config);
            if (!AdminOnly(a, storage, id, res)) return;
            if (!storage.SetArchived(id, archive)) return SendError(res, 500, "storage", "the workspace could not be changed");
            hub.AccessChanged(id);   // followers hear that it is (no longer) read-only
            storage.Audit("admin", archive ? "archived" : "unarchived", id, "");
            SendJson(res, 200, {{"id", id}, {"archived", archive}});
        });
    }

    svr.Delete(kId, [&](const httplib::Request& req, httplib::Response& res) {
        std::string id = req.matches[1];
        Access a = Authorize(req, storage, config);
        if (!AdminOnly(a, storage, id, res)) return;
        std::string error;
        bool ok = hub.Exclusive(id, false, [&] { return storage.Delete(id, "admin", &error); });
        if (!ok) return SendError(res, 500, "storage", "the workspace could not be deleted: " + error);
        res.status = 204;
    });

    svr.Post(kId + "/erase", [&](const httplib::Request& req, httplib::Response& res) {
        std::string id = req.matches[1];
        Access a = Authorize(req, storage, config);
        if (!AdminOnly(a, storage, id, res)) return;
        json body;
        if (!ParseBody(req, res, body)) return;
        if (!body.is_object() || !body.contains("text") || !body["text"].is_string())
            return SendError(res, 400, "bad_request", "the body must be {\"text\": \"…\"}");
        std::string text(sam::TrimErasedText(body["text"].get<std::string>()));
        std::string problem = sam::EraseTextProblem(text, sam::Lang::En);
        if (!problem.empty()) return SendJson(res, 400, {{"error", "bad_text"}, {"message", problem}, {"sv", sam::EraseTextProblem(text, sam::Lang::Sv)}});
        EraseResult r = hub.Exclusive(id, true, [&] { return storage.Erase(id, text, "admin"); });
        if (!r.ok) return SendError(res, r.status, r.status == 422 ? "would_break" : "storage", r.error);
        SendJson(res, 200, {{"occurrences", r.occurrences}, {"rows", r.rows}});
    });

    svr.Get("/api/audit", [&](const httplib::Request& req, httplib::Response& res) {
        Access a = Authorize(req, storage, config);
        if (!AdminOnly(a, storage, "", res)) return;
        json list = json::array();
        for (auto& e : storage.AuditLog(1000))
            list.push_back({{"time", e.time}, {"actor", e.actor}, {"action", e.action}, {"workspace", e.workspace}, {"detail", e.detail}});
        SendJson(res, 200, {{"audit", list}}, &req);
    });
}

}  // namespace

void InstallAccessApi(httplib::Server& svr, Storage& storage, Hub& hub, const ApiConfig& config) {
    InstallLinks(svr, storage, hub, config);
    InstallLifecycle(svr, storage, hub, config);
}

}  // namespace server
