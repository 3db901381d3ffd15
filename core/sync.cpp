#include "sync.h"

#include "json_io.h"
#include "json_scan.h"
#include "patch.h"

#include <algorithm>

namespace sam {

namespace {

// A const json's operator[] on a missing key is undefined: a kept copy read back from the
// browser's storage may lack any field.
bool HasArray(const json& j, const char* key) { return j.contains(key) && j[key].is_array(); }
bool HasInteger(const json& j, const char* key) { return j.contains(key) && j[key].is_number_integer(); }

// Through core, as the server applies it: all or nothing.
bool Apply(Workspace& state, const json& patch) { return ApplyPatch(state, patch).ok; }

// A state kept as JSON (an older kept copy, the desktop's cache) into the model.
bool ReadState(const json& j, Workspace& out) {
    if (!j.is_object()) return false;
    LoadResult r = LoadWorkspace(j.dump());
    if (!r.ok) return false;
    out = std::move(r.workspace);
    return true;
}

// Applies buffered events that follow on from the confirmed revision.
bool Drain(Sync& s) {
    bool changed = false;
    std::vector<std::pair<int64_t, json>> later;
    std::sort(s.early.begin(), s.early.end(), [](auto& a, auto& b) { return a.first < b.first; });
    for (auto& [rev, patch] : s.early) {
        if (s.in_flight) { later.push_back({rev, patch}); continue; }
        changed |= SyncRemote(s, rev, patch);
    }
    s.early = std::move(later);
    return changed;
}

}  // namespace

namespace {

// Where `"key":` is a member of the object `body` begins with (npos when not there): inside a
// JSON string every quote follows a backslash, so `,"key":` (or `{"key":`) is a key of the
// object itself, not text. Its first place is the outer object's, which is written first.
size_t MemberAt(std::string_view body, const std::string& member) {
    if (body.rfind("{" + member, 0) == 0) return 0;
    return body.find("," + member);
}

}  // namespace

size_t FindMemberStart(std::string_view received, std::string_view key) {
    const std::string member = "\"" + std::string(key) + "\":";
    size_t at = MemberAt(received, member);
    return at == std::string_view::npos ? at : at + 1 + member.size();
}

void StateAnswerPieces::Feed(std::string_view received, bool complete) {
    if (given_up) return;
    if (state_at == std::string_view::npos) {
        state_at = FindMemberStart(received, "state");
        // The envelope before the state is a few hundred bytes: anything else is read whole.
        if (state_at == std::string_view::npos) {
            given_up = complete || received.size() > (64u << 10);
            return;
        }
        load = std::make_unique<PieceLoad>();
        load->StopAfterValue();
    }
    if (load->Feed(received.substr(state_at), complete) == PieceScan::State::Failed) given_up = true;
}

std::optional<LoadResult> StateAnswerPieces::Take(std::string_view answer, std::string_view state) {
    Feed(answer, true);
    if (given_up || !load || state.data() != answer.data() + state_at) return std::nullopt;
    // The state read to its end, and only white space after it: as LoadWorkspace(state) reads it.
    if (state.size() < load->read() || state.substr(load->read()).find_first_not_of(" \t\r\n") != std::string_view::npos)
        return std::nullopt;
    return load->Finish();
}

bool FindLastMember(std::string_view body, std::string_view key, json& envelope, std::string_view& value) {
    const std::string member = "\"" + std::string(key) + "\":";
    size_t end = body.find_last_not_of(" \t\r\n");
    size_t at = MemberAt(body, member);
    if (end == std::string_view::npos || body[end] != '}' || at == std::string_view::npos) return false;
    size_t start = at + 1 + member.size();
    envelope = ReadJson(std::string(body.substr(0, at == 0 ? 1 : at)) + "}");
    value = body.substr(start, end - start);
    return envelope.is_object() && !envelope.contains(key) && value.substr(0, 1) == "{";
}

bool SplitLastMember(std::string_view body, std::string_view key, json& envelope, std::string& value) {
    std::string_view text;
    if (FindLastMember(body, key, envelope, text)) {
        Brackets brackets = ScanBrackets(text);   // one object, and not too deep
        if (brackets.first_closed == text.size() && brackets.deepest <= kMaxJsonDepth) {
            value.assign(text);
            return true;
        }
    }
    envelope = ReadJson(body);   // written another way: the slow road
    if (!envelope.is_object() || !envelope.contains(key)) return false;
    value = envelope[std::string(key)].dump();
    envelope.erase(std::string(key));
    return true;
}

bool SplitStateAnswer(std::string_view body, json& envelope, std::string& state) {
    return SplitLastMember(body, "state", envelope, state);
}

void SyncStart(Sync& s, Workspace state, int64_t revision) {
    s.confirmed = std::move(state);
    s.since_base.clear();
    s.base_kept = false;
    s.revision = revision;
    // Accepted changes at or below the new revision are in the state already.
    for (auto it = s.accepted.begin(); it != s.accepted.end();) it = it->first <= revision ? s.accepted.erase(it) : std::next(it);
    s.early.clear();
    s.needs_state = false;
}

std::string SyncChangeKey(const Sync& s, const json& patch) {
    if (s.client.empty()) return "";
    uint64_t h = 1469598103934665603ull;   // FNV-1a over the change's text
    for (unsigned char c : patch.dump()) h = (h ^ c) * 1099511628211ull;
    static const char* kHex = "0123456789abcdef";
    std::string hex;
    for (int shift = 60; shift >= 0; shift -= 4) hex += kHex[(h >> shift) & 15];
    return s.client + "-" + std::to_string(s.sent + 1) + "-" + hex;
}

void SyncLocalEdit(Sync& s, const json& forward) {
    if (forward.is_array() && !forward.empty()) s.pending.push_back(forward);
}

std::optional<std::pair<json, int64_t>> SyncNext(Sync& s) {
    if (s.in_flight || s.pending.empty() || s.needs_state) return std::nullopt;
    s.in_flight = true;
    // The base is the newest revision we know, counting our own accepted changes.
    int64_t base = s.accepted.empty() ? s.revision : std::max(s.revision, s.accepted.rbegin()->first);
    return std::make_pair(s.pending.front(), base);
}

bool SyncAccepted(Sync& s, int64_t revision) {
    if (!s.in_flight || s.pending.empty()) return false;
    s.in_flight = false;
    s.accepted[revision] = std::move(s.pending.front());
    s.pending.pop_front();
    ++s.sent;
    if (revision <= s.revision) s.accepted.erase(revision);   // its event came first
    return Drain(s);
}

bool SyncNotSent(Sync& s) {
    s.in_flight = false;
    return Drain(s);
}

bool SyncRejected(Sync& s, const std::string& why) {
    if (!s.in_flight || s.pending.empty()) return false;
    s.in_flight = false;
    s.pending.pop_front();
    ++s.sent;
    s.dropped = why;
    Drain(s);
    return true;
}

bool SyncRemote(Sync& s, int64_t revision, const json& patch) {
    if (revision <= s.revision) return false;   // seen already
    if (s.in_flight) {
        // It may be our own change: wait for the answer to tell.
        s.early.push_back({revision, patch});
        return false;
    }
    if (revision != s.revision + 1) {
        s.needs_state = true;   // a gap: only the whole state is safe
        return false;
    }
    if (!Apply(s.confirmed, patch)) {
        s.needs_state = true;
        return false;
    }
    s.revision = revision;
    s.since_base.push_back({revision, patch});
    auto own = s.accepted.find(revision);
    if (own != s.accepted.end()) {   // our own change coming back: the local state has it
        s.accepted.erase(own);
        return false;
    }
    return true;
}

bool SyncNothingLocal(const Sync& s) { return s.accepted.empty() && s.pending.empty(); }

Workspace SyncLocalState(Sync& s) {
    Workspace local = s.confirmed;
    for (auto& [rev, patch] : s.accepted) Apply(local, patch);
    for (auto it = s.pending.begin(); it != s.pending.end();) {
        // ApplyPatch changes nothing when it fails: no trial copy needed.
        if (Apply(local, *it) || (it == s.pending.begin() && s.in_flight)) { ++it; continue; }
        s.dropped = "a waiting change no longer applies to the server's state";
        it = s.pending.erase(it);
    }
    return local;
}

size_t SyncWaiting(const Sync& s) { return s.pending.size(); }

SyncReply SyncAnswer(Sync& s, int status, const json& body) {
    SyncReply r;
    std::string message = body.is_object() && body.contains("message") && body["message"].is_string() ? body["message"].get<std::string>() : "";
    std::string error = body.is_object() && body.contains("error") && body["error"].is_string() ? body["error"].get<std::string>() : "";
    if (status == 200 && body.is_object() && body.contains("revision") && body["revision"].is_number_integer()) {
        r.rebuild = SyncAccepted(s, body["revision"].get<int64_t>());
    } else if (status == 409 && error == "conflict") {
        r.conflict = true;
        if (body.contains("clashes") && body["clashes"].is_array() && !body["clashes"].empty())
            r.conflict_path = TextOf(body["clashes"][0], "path");
        r.conflict_revision = IntOf(body, "revision");
    } else if (status == 409) {   // too old or unknown base: start again from the newest state
        r.rebuild = SyncNotSent(s);
        s.needs_state = true;
    } else if (status == 403 || status == 423) {
        r.read_only = true;
        r.archived = status == 423;
        r.rebuild = SyncRejected(s, message);
    } else if (status == 401) {
        // Revoked or rotated: nothing is sent with it again, and nothing typed is lost (it stays
        // waiting in the kept copy, and Save keeps it in a file).
        r.revoked = true;
        r.rebuild = SyncNotSent(s);
    } else if (status == 0 || status >= 500) {
        r.rebuild = SyncNotSent(s);
        r.retry_later = true;
    } else {
        r.rebuild = SyncRejected(s, message.empty() ? "HTTP " + std::to_string(status) : message);
    }
    return r;
}

void SyncResolve(Sync& s, bool keep_mine) {
    if (keep_mine) SyncNotSent(s);
    else { SyncRejected(s, ""); s.dropped.clear(); }
    s.needs_state = true;   // either way: the newest state first
}

namespace {

// What both kept forms hold besides the state: our changes, and who this copy is.
json SavedChanges(const Sync& s) {
    json accepted = json::array();
    for (auto& [rev, patch] : s.accepted) accepted.push_back({{"revision", rev}, {"patch", patch}});
    json pending = json::array();
    for (auto& p : s.pending) pending.push_back(p);
    json saved = {{"revision", s.revision}, {"accepted", accepted}, {"pending", pending}};
    if (!s.client.empty()) saved["client"] = s.client;
    saved["sent"] = s.sent;
    return saved;
}

}  // namespace

json SyncSaveOffline(const Sync& s) {
    json saved = SavedChanges(s);
    saved["format"] = "samverkan-offline-1";
    saved["confirmed"] = ToJson(s.confirmed);
    return saved;
}

namespace {

// What a kept copy holds besides the state (revision, our changes, who we are) into `next`.
bool LoadChanges(Sync& next, const json& saved) {
    if (!HasInteger(saved, "revision") || !HasArray(saved, "accepted") || !HasArray(saved, "pending")) return false;
    next.revision = saved["revision"].get<int64_t>();
    for (auto& a : saved["accepted"]) {
        if (!a.is_object() || !HasInteger(a, "revision") || !a.contains("patch")) return false;
        next.accepted[a["revision"].get<int64_t>()] = a["patch"];
    }
    for (auto& p : saved["pending"]) next.pending.push_back(p);
    next.client = TextOf(saved, "client");   // a waiting change sent again keeps its key
    next.sent = IntOf(saved, "sent");
    return true;
}

}  // namespace

bool SyncLoadOffline(Sync& s, const json& saved) {
    if (!saved.is_object() || TextOf(saved, "format") != "samverkan-offline-1" || !saved.contains("confirmed")) return false;
    Sync next;
    if (!LoadChanges(next, saved) || !ReadState(saved["confirmed"], next.confirmed)) return false;
    s = std::move(next);
    return true;
}

namespace {

json LineJson(const Sync& s) {
    json line = json::array();
    for (auto& [rev, patch] : s.since_base) line.push_back({{"revision", rev}, {"patch", patch}});
    return line;
}

}  // namespace

bool SyncBaseDue(const Sync& s) { return !s.base_kept || s.since_base.size() > 200; }

std::string SyncSaveBase(Sync& s) { return SyncBaseText(s, SaveWorkspace(s.confirmed, false)); }

std::string SyncBaseHead(Sync& s) {
    s.since_base.clear();
    s.base_kept = true;
    return R"({"format":"samverkan-offline-base-1","revision":)" + std::to_string(s.revision) + R"(,"confirmed":)";
}

std::string SyncBaseText(Sync& s, std::string_view state_text) {
    std::string out = SyncBaseHead(s);
    out.append(state_text);
    out += '}';
    return out;
}

json SyncSaveLine(const Sync& s) {
    json saved = SavedChanges(s);
    saved["format"] = "samverkan-offline-line-1";
    saved["base_revision"] = s.revision - (int64_t)s.since_base.size();
    saved["since_base"] = LineJson(s);
    return saved;
}

bool SyncLoadBaseAndLine(Sync& s, std::string_view base_text, const json& line) {
    json base;
    std::string state;
    if (!SplitLastMember(base_text, "confirmed", base, state) || TextOf(base, "format") != "samverkan-offline-base-1" ||
        !line.is_object() || TextOf(line, "format") != "samverkan-offline-line-1" || !HasArray(line, "since_base") ||
        IntOf(base, "revision", -1) != IntOf(line, "base_revision", -2))
        return false;
    LoadResult loaded = LoadWorkspace(state);
    Sync next;
    if (!loaded.ok || !LoadChanges(next, line)) return false;
    next.confirmed = std::move(loaded.workspace);
    next.revision = IntOf(base, "revision");
    for (auto& step : line["since_base"]) {   // the server's changes since the base, in order
        if (!step.is_object() || !step.contains("patch") || IntOf(step, "revision") != next.revision + 1 ||
            !Apply(next.confirmed, step["patch"]))
            return false;
        next.revision = IntOf(step, "revision");
        next.since_base.push_back({next.revision, step["patch"]});
    }
    if (next.revision != IntOf(line, "revision")) return false;
    next.base_kept = true;
    s = std::move(next);
    return true;
}

bool SyncLoadWaiting(Sync& s, const json& line) {
    if (!line.is_object() || TextOf(line, "format") != "samverkan-offline-line-1" || !HasArray(line, "pending")) return false;
    s.pending.clear();
    for (auto& p : line["pending"]) s.pending.push_back(p);
    s.client = TextOf(line, "client");
    s.sent = IntOf(line, "sent");
    return true;
}

}  // namespace sam
