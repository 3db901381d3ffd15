#include "api.h"

#include "describe.h"

#include <httplib.h>
#include <chrono>
#include "auth.h"
#include "demos.h"
#include "encoding.h"
#include "packed_state.h"
#include "guards.h"
#include "request_log.h"
#include "json_scan.h"
#include "utf8.h"
#include "json_io.h"
#include "model.h"

namespace server {

using sam::json;

void SendError(httplib::Response& res, int status, const std::string& code, const std::string& message) {
    res.status = status;
    SetBody(res, sam::JsonText(json{{"error", code}, {"message", message}}), "application/json");
}

bool ValidIdempotencyKey(const std::string& key) {
    if (key.size() > 128) return false;
    for (char c : key)
        if (c <= ' ' || c > '~') return false;
    return true;   // "" (no header) is no key
}

Access Authorize(const httplib::Request& req, Storage& storage, const ApiConfig& config) {
    Access a;
    std::string token = RequestToken(req);
    if (token.empty()) return a;
    a.token_given = true;
    std::string hash = HashToken(token);
    if (!config.admin_hash.empty() && SameHash(hash, config.admin_hash)) {
        a.admin = true;
        a.role = Role::Edit;
        return a;
    }
    TokenInfo t = storage.FindToken(hash);
    a.workspace = t.workspace;
    a.role = t.role;
    a.link_id = t.link_id;
    a.link_name = t.link_name;
    a.token_hash = hash;
    if (!t.link_id.empty()) storage.Touch(t.link_id);
    return a;
}

// Checks access to workspace `id`; answers and returns false when refused.
bool Allowed(const Access& a, const std::string& id, Role need, httplib::Response& res) {
    if (a.admin) return true;
    if (!a.token_given) { SendError(res, 401, "unauthorized", "this needs the workspace's link (Authorization: Bearer TOKEN)"); return false; }
    if (a.role == Role::None || a.workspace != id) { SendError(res, 401, "unauthorized", "the token does not open this workspace"); return false; }
    if (need == Role::Edit && a.role != Role::Edit) { SendError(res, 403, "forbidden", "a view link can read and follow, not change"); return false; }
    return true;
}

// The workspace exists and the request may `need` it; otherwise answers and returns false.
// (Without the admin token an unknown id is 401 like a wrong token: ids are not disclosed.)
bool Open(const Access& a, Storage& storage, const std::string& id, Role need, httplib::Response& res) {
    if (!storage.Exists(id)) {
        if (a.admin) SendError(res, 404, "unknown_workspace", "no workspace with id " + id);
        else SendError(res, 401, "unauthorized", "the token does not open this workspace");
        return false;
    }
    if (!Allowed(a, id, need, res)) return false;
    if (need == Role::Edit && storage.Archived(id)) {
        SendError(res, 423, "archived", "the workspace is archived: it can be read, not changed, until an admin restores it");
        return false;
    }
    return true;
}

// A workspace this large (its compact text) is deflated for its GET as it is created.
constexpr size_t kPackOnCreate = 1u << 20;

// `req` given: a large answer is gzipped when the client takes it (encoding.h).
void SendJson(httplib::Response& res, int status, const json& body, const httplib::Request* req) {
    res.status = status;
    res.set_header("Cache-Control", "no-store");
    SetBody(res, sam::JsonText(body), "application/json", req);
}

// `body` written up to where its "state" member's value goes: `{…,"state":`.
std::string StateAnswerHead(const json& body) {
    std::string text = sam::JsonText(body);
    text.pop_back();   // its closing brace
    text += text.size() > 1 ? ",\"state\":" : "\"state\":";
    return text;
}

// `body` with the workspace's compact text as its "state", spliced in as text: a national
// workspace (46 MB) is never parsed into a tree or written out again to be sent.
void SendWithState(httplib::Response& res, const json& body, const std::string& state, const httplib::Request& req) {
    std::string text = StateAnswerHead(body);
    text.reserve(text.size() + state.size() + 1);
    text += state;
    text += '}';
    res.status = 200;
    res.set_header("Cache-Control", "no-store");
    SetBody(res, std::move(text), "application/json", &req);
}

// Who made a change: the name of the link it came through (the server knows it; the client
// cannot change it), with the client's X-Author (URL-encoded UTF-8, at most 80 bytes) as detail
// in brackets. False (and a 400) when X-Author is not UTF-8.
bool Author(const httplib::Request& req, const Access& access, httplib::Response& res, std::string& out) {
    // An EventSource cannot send headers: the page's event stream names its user in `author`.
    std::string sent = req.has_header("X-Author") ? req.get_header_value("X-Author") : req.get_param_value("author");
    std::string detail = httplib::detail::decode_url(sent, false);
    if (!sam::ValidUtf8(detail)) {
        SendError(res, 400, "bad_author", "X-Author must be URL-encoded UTF-8");
        return false;
    }
    detail = sam::CutUtf8(detail, 80);
    for (char& c : detail) if ((unsigned char)c < 0x20 || c == 0x7F) c = ' ';
    std::string who = access.Actor();
    if (who.empty()) who = "okänd";
    out = detail.empty() || detail == who ? who : who + " (" + detail + ")";
    return true;
}

namespace {

// If-Match: "7" or 7 -> 7; -1 when missing, -2 when malformed.
int64_t IfMatch(const httplib::Request& req) {
    if (!req.has_header("If-Match")) return -1;
    std::string v = req.get_header_value("If-Match");
    if (v.size() >= 2 && v.front() == '"' && v.back() == '"') v = v.substr(1, v.size() - 2);
    if (v.empty() || v.size() > 18 || v.find_first_not_of("0123456789") != std::string::npos) return -2;
    return std::stoll(v);
}

}  // namespace

// The body as JSON: valid UTF-8, nested at most sam::kMaxJsonDepth deep (deeper JSON
// would overflow the stack of whatever prints or copies it), or a 400 saying why.
bool ParseBody(const httplib::Request& req, httplib::Response& res, json& out) {
    std::string why, unpacked;
    const std::string* body = &req.body;
    if (req.has_header(kInflateLimitHeader)) {   // sent as gzip (the guard checked the encoding)
        size_t limit = std::stoull(req.get_header_value(kInflateLimitHeader));
        Unpacked u = Gunzip(req.body, limit, unpacked);
        if (u == Unpacked::TooLarge) {
            SendError(res, 413, "payload_too_large", "the body unpacks to more than the server accepts (" + std::to_string(limit / (1024 * 1024)) + " MB)");
            return false;
        }
        if (u == Unpacked::Broken) {
            SendError(res, 400, "malformed_gzip", "the body is not whole gzip data (Content-Encoding: gzip)");
            return false;
        }
        body = &unpacked;
    }
    std::optional<json> j = sam::ParseJsonLimited(*body, why);
    if (!j) {
        if (why.rfind("nested", 0) == 0) SendError(res, 400, "too_deep", "the body is " + why + " (at most " + std::to_string(sam::kMaxJsonDepth) + ")");
        else SendError(res, 400, "malformed_json", "the body is not valid JSON (UTF-8): " + sam::RepairUtf8(why));
        return false;
    }
    out = std::move(*j);
    return true;
}

json AccessJson(const Access& a, Storage& storage, const std::string& id) {
    bool archived = storage.Archived(id);
    const char* access = archived ? "view" : a.admin ? "admin" : a.role == Role::Edit ? "edit" : "view";
    json body = {{"access", access}, {"archived", archived}};
    if (!a.admin) body["link"] = {{"id", a.link_id}, {"name", a.link_name}, {"role", RoleName(a.role)}};
    return body;
}

namespace {

json InfoJson(const WorkspaceInfo& w) {
    return {{"id", w.id}, {"name", w.name}, {"revision", w.revision}, {"created", w.created}, {"updated", w.updated},
            {"archived", w.archived}, {"links", w.links}};
}

const char* kId = R"(/api/workspaces/([A-Za-z0-9_-]{1,64}))";

}  // namespace

void InstallErrorBodies(httplib::Server& svr) {
    svr.set_error_handler([](const httplib::Request&, httplib::Response& res) {
        if (!res.body.empty() || res.has_header("Content-Type")) return;   // the handler gave its own (SetBody)
        switch (res.status) {
            case 413: SendError(res, 413, "payload_too_large", "the request is larger than the server accepts"); break;
            case 414: SendError(res, 414, "uri_too_long", "the request's address is longer than the server accepts"); break;
            case 404: SendError(res, 404, "not_found", "no such path"); break;
            case 400: SendError(res, 400, "bad_request", "the request could not be read"); break;
            default: SendError(res, res.status, "error", "the request failed"); break;
        }
    });
}

void InstallApi(httplib::Server& svr, Storage& storage, Hub& hub, const ApiConfig& config) {
    // Liveness and the database: a load balancer or monitor takes 503 as "send no users here".
    svr.Get("/api/health", [&](const httplib::Request&, httplib::Response& res) {
        res.set_header("Cache-Control", "no-store");
        if (!storage.Reachable()) return SendJson(res, 503, {{"ok", false}, {"storage", false}, {"message", "the database does not answer"}});
        SendJson(res, 200, {{"ok", true}, {"storage", true}});
    });

    svr.Get("/api/workspaces", [&](const httplib::Request& req, httplib::Response& res) {
        Access a = Authorize(req, storage, config);
        if (!a.admin && a.role == Role::None) return SendError(res, 401, "unauthorized", "this needs an admin token or a workspace link");
        json list = json::array();
        for (auto& w : storage.List())
            if (a.admin || w.id == a.workspace) list.push_back(InfoJson(w));
        SendJson(res, 200, {{"workspaces", list}}, &req);
    });

    svr.Post("/api/workspaces", [&](const httplib::Request& req, httplib::Response& res) {
        Access a = Authorize(req, storage, config);
        if (!a.token_given || (!a.admin && a.role == Role::None)) return SendError(res, 401, "unauthorized", "creating a workspace needs the admin token");
        if (!a.admin) return SendError(res, 403, "forbidden", "creating a workspace needs the admin token");
        json body;
        if (!ParseBody(req, res, body)) return;
        if (!body.is_object() || !body.contains("name") || !body["name"].is_string() || body["name"].get<std::string>().empty())
            return SendError(res, 400, "bad_request", "the body must be {\"name\": \"…\"} with an optional \"demo\" or \"state\"");
        // Anything else is refused by name: a workspace document sent as the body (its parties and
        // matters beside "name") was created as an empty workspace.
        std::string unknown;
        for (auto& [key, value] : body.items())
            if (key != "name" && key != "demo" && key != "state") unknown += (unknown.empty() ? "" : ", ") + key;
        if (!unknown.empty())
            return SendError(res, 400, "bad_request", "unknown field(s) " + unknown + ": the body must be {\"name\": \"…\"} with an optional \"demo\" or " +
                             "\"state\" (a workspace document goes in \"state\")");
        if (body.contains("demo") && body.contains("state")) return SendError(res, 400, "bad_request", "give \"demo\" or \"state\", not both");
        sam::Workspace ws;
        if (body.contains("demo")) {
            const std::string* text = body["demo"].is_string() ? sam::FindDemo(body["demo"]) : nullptr;
            if (!text) return SendError(res, 400, "unknown_demo", "no demo named " + sam::JsonText(body["demo"]));
            ws = sam::LoadWorkspace(*text).workspace;
        } else if (body.contains("state")) {
            sam::LoadResult r = sam::LoadWorkspace(body["state"].dump());
            if (!r.ok) return SendJson(res, 422, {{"error", "invalid_workspace"}, {"message", r.problems[0].Message(sam::Lang::En)},
                                                  {"problems", sam::ToJson(r.problems)}});
            ws = std::move(r.workspace);
        }
        ws.name = body["name"];
        std::string edit = NewToken(), view = NewToken(), error, text;
        uint64_t generation = hub.packed.Generation();
        auto id = storage.Create(ws, "admin", HashToken(edit), HashToken(view), &error, &text);
        if (!id) return SendError(res, 500, "storage", "the workspace could not be stored: " + error);
        // A large workspace is deflated now, while its text is at hand: its links open it next.
        auto packed = std::make_shared<DeflatedText>();
        if (text.size() >= kPackOnCreate && DeflatePiece(text, false, *packed, kStateLevel)) hub.packed.Put(*id, 1, generation, packed);
        storage.Audit("admin", "create", *id, "");
        SendJson(res, 201, {{"id", *id}, {"edit_token", edit}, {"view_token", view}});
    });

    svr.Get(kId, [&](const httplib::Request& req, httplib::Response& res) {
        std::string id = req.matches[1];
        Access a = Authorize(req, storage, config);
        if (!Open(a, storage, id, Role::View, res)) return;
        auto info = storage.Info(id);
        if (!info) return SendError(res, 404, "unknown_workspace", "no workspace with id " + id);
        int64_t revision = info->revision;
        if (req.has_param("revision")) {
            try { revision = std::stoll(req.get_param_value("revision")); } catch (...) { revision = -1; }
            if (revision < 1 || revision > info->revision)
                return SendError(res, 404, "unknown_revision", "revision must be between 1 and " + std::to_string(info->revision));
            auto state = storage.State(id, revision);
            if (!state) return SendError(res, 500, "storage", "the workspace's state could not be read");
            res.set_header("ETag", "\"" + std::to_string(revision) + "\"");
            return SendWithState(res, {{"revision", revision}}, *state, req);
        }
        // The state as text: written from memory when loaded, else the stored text as it is, with
        // no model built only to be written out again (its event stream loads it).
        json body = AccessJson(a, storage, id);   // before the workspace's lock: it asks storage
        auto live = hub.Find(id);
        std::unique_lock<std::mutex> held;
        if (live) {
            held = std::unique_lock(live->mu);
            revision = live->revision;
        }
        auto state = [&]() -> std::optional<std::string> {
            if (live) return sam::SaveWorkspace(live->ws, false);
            return storage.State(id, revision);
        };
        body["revision"] = revision;
        res.set_header("ETag", "\"" + std::to_string(revision) + "\"");
        if (AcceptsGzip(req)) {
            // Deflated once per revision: opening it again only copies (packed_state.h).
            auto packed = hub.packed.Find(id, revision);
            if (!packed) {
                uint64_t generation = hub.packed.Generation();
                auto text = state();
                if (!text) return SendError(res, 500, "storage", "the workspace's state could not be read");
                if (held) held.unlock();
                auto made = std::make_shared<DeflatedText>();
                if (!DeflatePiece(*text, false, *made, kStateLevel)) return SendError(res, 500, "compression", "the answer could not be compressed");
                hub.packed.Put(id, revision, generation, made);
                packed = std::move(made);
            }
            if (held) held.unlock();
            res.status = 200;
            res.set_header("Cache-Control", "no-store");
            if (SetGzipBody(res, StateAnswerHead(body), *packed, "}", "application/json")) return;
            return SendError(res, 500, "compression", "the answer could not be compressed");
        }
        auto text = state();
        if (held) held.unlock();
        if (!text) return SendError(res, 500, "storage", "the workspace's state could not be read");
        SendWithState(res, body, *text, req);
    });

    svr.Patch(kId, [&](const httplib::Request& req, httplib::Response& res) {
        std::string id = req.matches[1];
        Access a = Authorize(req, storage, config);
        if (!Open(a, storage, id, Role::Edit, res)) return;
        std::string type = req.get_header_value("Content-Type");
        if (type.rfind("application/json-patch+json", 0) != 0)
            return SendError(res, 415, "unsupported_media_type", "send the change as Content-Type: application/json-patch+json");
        int64_t base = IfMatch(req);
        if (base == -1) return SendError(res, 428, "if_match_required", "say which revision the change is made against: If-Match: \"N\"");
        if (base == -2) return SendError(res, 400, "bad_if_match", "If-Match must be a revision number, as in the ETag");
        json patch;
        if (!ParseBody(req, res, patch)) return;
        std::string author;
        if (!Author(req, a, res, author)) return;
        std::string key = req.get_header_value("Idempotency-Key");
        if (!ValidIdempotencyKey(key))
            return SendError(res, 400, "bad_idempotency_key", "Idempotency-Key must be 1 to 128 visible ASCII characters");
        Outcome o = hub.Patch(id, base, patch, author, key);
        if (o.status == 200) res.set_header("ETag", "\"" + std::to_string(o.body["revision"].get<int64_t>()) + "\"");
        SendJson(res, o.status, o.body);
    });

    svr.Post(std::string(kId) + "/restore", [&](const httplib::Request& req, httplib::Response& res) {
        std::string id = req.matches[1];
        Access a = Authorize(req, storage, config);
        if (!Open(a, storage, id, Role::Edit, res)) return;
        json body;
        if (!ParseBody(req, res, body)) return;
        if (!body.is_object() || !body.contains("revision") || !body["revision"].is_number_integer())
            return SendError(res, 400, "bad_request", "the body must be {\"revision\": N}");
        std::string author;
        if (!Author(req, a, res, author)) return;
        Outcome o = hub.Restore(id, body["revision"], author);
        SendJson(res, o.status, o.body);
    });

    // Follow mode: the facilitator's current slide, sent to every follower as an event.
    svr.Post(std::string(kId) + "/presentation", [&](const httplib::Request& req, httplib::Response& res) {
        std::string id = req.matches[1];
        Access a = Authorize(req, storage, config);
        if (!Open(a, storage, id, Role::Edit, res)) return;
        json body;
        if (!ParseBody(req, res, body)) return;
        if (!body.is_object() || !body.contains("active") || !body["active"].is_boolean() ||
            (body.contains("slide") && (!body["slide"].is_number_integer() || body["slide"].get<int64_t>() < 0 || body["slide"].get<int64_t>() > 10000)))
            return SendError(res, 400, "bad_request", "the body must be {\"active\": true|false, \"slide\": N} with N from 0 to 10000");
        // The facilitator's "what if" (who leaves or joins, items' FTE), passed on to followers as it is.
        if (body.contains("what_if") && (!body["what_if"].is_object() || sam::JsonText(body["what_if"]).size() > 64 * 1024))
            return SendError(res, 400, "bad_request", "what_if must be an object of at most 64 KB");
        auto live = hub.Get(id);
        if (!live) return SendError(res, 500, "storage", "the workspace could not be read");
        json p = {{"active", body["active"]}, {"slide", body.value("slide", 0)}};
        if (body.contains("what_if")) p["what_if"] = body["what_if"];
        {
            std::lock_guard lock(live->mu);
            live->presentation = p;
            ++live->presentation_seq;
        }
        live->changed.notify_all();
        hub.PresentationChanged(id, p);   // followers on other instances too
        SendJson(res, 200, p);
    });

    svr.Get(std::string(kId) + "/history", [&](const httplib::Request& req, httplib::Response& res) {
        std::string id = req.matches[1];
        Access a = Authorize(req, storage, config);
        if (!Open(a, storage, id, Role::View, res)) return;
        json list = json::array();
        sam::Lang lang = req.get_param_value("lang") == "en" ? sam::Lang::En : sam::Lang::Sv;
        for (auto& r : storage.History(id, 500))
            list.push_back({{"revision", r.revision}, {"time", r.time}, {"author", sam::RepairUtf8(r.author)},
                            {"summary", sam::RepairUtf8(sam::SummaryIn(r.summary, lang))}});
        SendJson(res, 200, {{"history", list}}, &req);
    });

    svr.Get(std::string(kId) + "/events", [&](const httplib::Request& req, httplib::Response& res) {
        std::string id = req.matches[1];
        Access a = Authorize(req, storage, config);
        if (!Open(a, storage, id, Role::View, res)) return;
        auto live = hub.Get(id);
        if (!live) return SendError(res, 500, "storage", "the workspace could not be read");
        int64_t last = -1;
        std::string resume = req.get_header_value("Last-Event-ID");
        if (resume.empty() && req.has_param("last_event_id")) resume = req.get_param_value("last_event_id");
        if (!resume.empty() && resume.find_first_not_of("0123456789") == std::string::npos && resume.size() < 18) last = std::stoll(resume);
        // A refused stream's connection is closed at once, so it holds no thread.
        std::string client = ClientAddress(req, config.trusted_proxy);
        if (int refused = config.streams ? config.streams->Take(client) : 0) {
            res.set_header("Retry-After", "10");
            SendError(res, refused, "too_many_streams", refused == 429 ? "this address has as many event streams open as it may"
                                                                          : "the server has as many event streams open as it can serve");
            return CloseAfter(res);
        }
        {
            std::lock_guard lock(live->mu);
            if (live->streams >= Hub::kMaxStreams) {
                if (config.streams) config.streams->Release(client);
                res.set_header("Retry-After", "10");
                SendError(res, 503, "too_many_streams", "this workspace has as many followers as it can serve");
                return CloseAfter(res);
            }
            ++live->streams;
            if (last < 0) last = live->durable;   // a new follower starts from now
        }
        // Who follows: shown to the others as present ("Här nu: …").
        std::string who;
        httplib::Response ignored;
        if (!Author(req, a, ignored, who)) who = a.Actor().empty() ? "okänd" : a.Actor();
        uint64_t slot;
        {
            std::lock_guard lock(live->mu);
            slot = ++live->present_next;
            live->present[slot] = who;
            ++live->presence_seq;
        }
        live->changed.notify_all();
        hub.PresenceChanged(id, *live);
        res.set_header("Cache-Control", "no-store");
        res.set_header("X-Accel-Buffering", "no");
        // What this follower has been sent: revision, presentation, access changes, archiving.
        struct Seen { int64_t revision, presentation = 0, access; bool hello = true, archived; int64_t presence = 0; };
        auto seen = std::make_shared<Seen>(Seen{last, 0, 0, true, storage.Archived(id), 0});
        {
            std::lock_guard lock(live->mu);
            seen->access = live->access_seq;
        }
        std::string hash = a.admin ? "" : a.token_hash;
        res.set_chunked_content_provider("text/event-stream",
            [&hub, &storage, live, id, seen, hash, slot](size_t, httplib::DataSink& sink) {
                std::string out;
                {
                    std::unique_lock lock(live->mu);
                    if (seen->hello) {
                        out = "retry: 1000\nevent: hello\ndata: " + sam::JsonText(json{{"revision", live->durable}}) + "\n\n";
                        seen->hello = false;
                    } else if (live->durable <= seen->revision && live->presentation_seq <= seen->presentation && live->access_seq == seen->access &&
                               live->presence_seq <= seen->presence) {
                        // A keep-alive every 3 s: a follower that left is found by the second write
                        // to its closed connection, so its presence ends within seconds.
                        live->changed.wait_for(lock, std::chrono::seconds(3), [&] {
                            return hub.Stopping() || live->gone || live->durable > seen->revision ||
                                   live->presentation_seq > seen->presentation || live->access_seq != seen->access ||
                                   live->presence_seq > seen->presence;
                        });
                    }
                    if (hub.Stopping()) return false;
                    // Deleted: the stream ends. Erased: the follower is told to fetch the state again.
                    // (Ended with the last chunk, so that the client sees an end, not a broken answer.)
                    if (live->gone) {
                        if (live->erased) {
                            std::string reset = "event: reset\ndata: {}\n\n";
                            sink.write(reset.data(), reset.size());
                        }
                        sink.done();
                        return true;
                    }
                    // A revoked or rotated token: the stream ends (and reconnecting gets a 401).
                    if (live->access_seq != seen->access) {
                        seen->access = live->access_seq;
                        lock.unlock();
                        if (!hash.empty() && storage.FindToken(hash).role == Role::None) { sink.done(); return true; }
                        bool archived = storage.Archived(id);
                        if (archived != seen->archived) {
                            seen->archived = archived;
                            out += "event: archived\ndata: " + sam::JsonText(json{{"archived", archived}}) + "\n\n";
                        }
                        lock.lock();
                    }
                    // Who else follows now (not this stream itself).
                    if (live->presence_seq > seen->presence) {
                        json names = json::array();
                        for (auto& [other, name] : live->present) if (other != slot) names.push_back(name);
                        for (auto& name : live->remote_present) names.push_back(name);
                        out += "event: presence\ndata: " + sam::JsonText(json{{"names", names}}) + "\n\n";
                        seen->presence = live->presence_seq;
                    }
                    // The facilitator's slide (no id: it is not a revision, and a resumed stream gets the newest).
                    if (live->presentation_seq > seen->presentation) {
                        out += "event: presentation\ndata: " + sam::JsonText(live->presentation) + "\n\n";
                        seen->presentation = live->presentation_seq;
                    }
                    if (live->durable > seen->revision) {
                        bool in_memory = !live->events.empty() && live->events.front().revision <= seen->revision + 1;
                        if (in_memory) {
                            for (auto& e : live->events)
                                if (e.revision > seen->revision && e.revision <= live->durable) { out += e.text; seen->revision = e.revision; }
                        } else {
                            lock.unlock();
                            for (auto& r : storage.RevisionsAfter(id, seen->revision)) {
                                json data = {{"revision", r.revision}, {"author", sam::RepairUtf8(r.author)}, {"time", r.time}, {"patch", json::parse(r.patch)}};
                                out += "id: " + std::to_string(r.revision) + "\nevent: patch\ndata: " + sam::JsonText(data) + "\n\n";
                                seen->revision = r.revision;
                            }
                        }
                    } else if (out.empty()) {
                        out = ": keep-alive\n\n";   // also finds out whether the follower is still there
                    }
                }
                NoteStreamed(out.size());
                return sink.write(out.data(), out.size());
            },
            [live, streams = config.streams, client, slot, &hub, id](bool) {
                if (streams) streams->Release(client);
                {
                    std::lock_guard lock(live->mu);
                    --live->streams;
                    live->present.erase(slot);
                    ++live->presence_seq;
                }
                live->changed.notify_all();
                hub.PresenceChanged(id, *live);
            });
    });

    InstallAccessApi(svr, storage, hub, config);
    InstallPortfolios(svr, storage, hub, config);

    // Anything else under /api is a JSON 404, not the static handler's.
    auto not_found = [](const httplib::Request& req, httplib::Response& res) {
        SendError(res, 404, "not_found", "no such API path: " + req.path);
    };
    svr.Get(R"(/api/.*)", not_found);
    svr.Post(R"(/api/.*)", not_found);
    svr.Patch(R"(/api/.*)", not_found);
    svr.Delete(R"(/api/.*)", not_found);
}

}  // namespace server
