#include "validate.h"

#include <algorithm>
#include <cmath>
#include <set>
#include "costs.h"
#include "decision_path.h"
#include "format.h"
#include "planning.h"
#include "reach.h"

namespace sam {

void ValidateBodies(const BodyLookup& find, const std::vector<std::string>& ids, size_t body_count, std::vector<Problem>& out) {
    for (auto& id : ids) {
        const Body* b = find(id);
        if (!b || b->parent.empty()) continue;
        if (!find(b->parent)) {
            out.push_back({Severity::Error, "/bodies/" + id + "/parent", "err.unknown_parent", {b->parent}});
            continue;
        }
        // Walk up; a tree reaches the top within as many steps as there are bodies.
        std::string at = b->parent;
        for (size_t steps = 0; steps <= body_count && !at.empty(); ++steps) {
            if (at == id) {
                out.push_back({Severity::Error, "/bodies/" + id + "/parent", "err.parent_cycle", {b->parent}});
                break;
            }
            const Body* up = find(at);
            at = up ? up->parent : "";
        }
    }
}

void ValidateStructure(const Workspace& ws, std::vector<Problem>& out) {
    std::vector<std::string> ids;
    for (auto& [id, b] : ws.bodies) ids.push_back(id);
    ValidateBodies([&](const std::string& id) -> const Body* {
        auto it = ws.bodies.find(id);
        return it == ws.bodies.end() ? nullptr : &it->second;
    }, ids, ws.bodies.size(), out);
}

namespace {

struct Checker {
    const Workspace& ws;
    std::vector<Problem> out;

    void Warn(std::string path, const char* code, std::vector<std::string> args = {}) {
        out.push_back({Severity::Warning, std::move(path), code, std::move(args)});
    }
    void Party(const std::string& path, const std::string& id) {
        if (!id.empty() && !ws.parties.count(id)) Warn(path, "warn.unknown_party", {id});
    }
    void Parties(const std::string& path, const std::vector<std::string>& ids) {
        for (size_t i = 0; i < ids.size(); ++i) Party(path + "/" + std::to_string(i), ids[i]);
    }
    void Key(const std::string& path, const AllocationKey& k, const std::vector<std::string>& participants) {
        for (auto& [id, pct] : k.shares) Party(path + "/shares/" + id, id);
        if (k.kind == KeyKind::Fixed) {
            double sum = 0;
            for (auto& [id, pct] : k.shares) sum += pct;
            if (std::fabs(sum - 100.0) > 1e-6) Warn(path + "/shares", "warn.shares_sum", {FormatPercent(sum, 4)});
        }
        if (k.kind == KeyKind::PerCapita || k.kind == KeyKind::BasePlusPerCapita)
            for (auto& id : participants) {
                auto it = ws.parties.find(id);
                if (it != ws.parties.end() && it->second.kind == PartyKind::Region)
                    Warn(path, "warn.region_per_capita", {it->second.name});
            }
    }
};

}  // namespace

// A decision path: nothing after a decline, and a status that says what the steps say.
void PathChecks(Checker& c, const std::string& path, const Matter& m, const std::string& pid, const Decision& d) {
    if (d.steps.empty()) return;
    const std::string& name = c.ws.parties.count(pid) ? c.ws.parties.at(pid).name : pid;
    for (size_t i = 1; i < d.steps.size(); ++i)
        if (d.steps[i - 1].outcome == StepOutcome::Declined && d.steps[i].outcome != StepOutcome::Pending)
            c.Warn(path + "/steps/" + std::to_string(i), "warn.step_after_declined", {m.title, name, d.steps[i].body});
    DecisionStatus said = StatusFromSteps(d.steps);
    bool any = false;
    for (auto& s : d.steps) any |= s.outcome != StepOutcome::Pending;
    if (any && said != d.status && d.status != DecisionStatus::NotConcerned)
        c.Warn(path + "/status", "warn.status_not_path", {m.title, name});
}

namespace {

// The sections of the checks. Each reads only what its kind of change can touch (see Touches).
void CheckStructure(Checker& c) {
    const Workspace& ws = c.ws;
    // References and each municipality's local group.
    bool has_local = false;
    for (auto& [id, b] : ws.bodies) {
        std::string path = "/bodies/" + id;
        for (auto& [mid, m] : b.members) c.Party(path + "/members/" + mid + "/party", m.party);
        c.Party(path + "/party", b.party);
        if (b.repeat) for (auto& [pid, n] : b.repeat->overrides) c.Party(path + "/repeat/overrides/" + pid, pid);
        if (b.level == Level::Local) has_local = true;
    }
    if (has_local)
        for (auto& [pid, p] : ws.parties) {
            if (p.kind != PartyKind::Municipality) continue;
            bool covered = false;
            for (auto& [bid, b] : ws.bodies) {
                if (b.level != Level::Local) continue;
                if (b.party == pid) covered = true;
                if (b.repeat && b.repeat->per_kind == PartyKind::Municipality) {
                    auto o = b.repeat->overrides.find(pid);
                    if ((o != b.repeat->overrides.end() ? o->second : b.repeat->count) > 0) covered = true;
                }
            }
            if (!covered) c.Warn("/parties/" + pid, "warn.no_local_group", {p.name});
        }
}

void CheckMatter(Checker& c, const std::string& mid, const Matter& m, const std::string& as_of) {
    const Workspace& ws = c.ws;
    std::string path = "/matters/" + mid;
    if (!m.proposed_by.empty() && !ws.bodies.count(m.proposed_by))
        c.Warn(path + "/proposed_by", "warn.unknown_body", {m.proposed_by});
    for (auto& [pid, d] : m.decisions) {
        c.Party(path + "/decisions/" + pid, pid);
        PathChecks(c, path + "/decisions/" + pid, m, pid, d);
        if (!d.date.empty() && !m.deadline.empty() && d.date > m.deadline)
            c.Warn(path + "/decisions/" + pid + "/date", "warn.decision_after_deadline",
                   {d.date, m.deadline, ws.parties.count(pid) ? ws.parties.at(pid).name : pid, m.title});
    }
    // Backward planning: a committee that does not meet before the deadline.
    if (!as_of.empty() && m.deadline >= as_of)
        for (const PlanRow& r : PlanMatter(ws, m, as_of)) {
            if (!r.too_late) continue;
            if (r.steps.size() > 1)   // a path: no chain of its bodies' meetings reaches the deadline
                c.Warn("/parties/" + r.party + "/body_meetings", "warn.path_too_late", {ws.parties.at(r.party).name, m.deadline, m.title});
            else
                c.Warn("/parties/" + r.party + "/committee_meetings", "warn.meeting_too_late",
                       {ws.parties.at(r.party).name, r.next_meeting.empty() ? "–" : r.next_meeting, m.deadline, m.title});
        }
}

void CheckSlides(Checker& c) {
    const Workspace& ws = c.ws;
    for (size_t i = 0; i < ws.slides.size(); ++i) {
        const Slide& s = ws.slides[i];
        std::string path = "/slides/" + std::to_string(i) + "/ref";
        if (s.kind == SlideKind::Matter && !ws.matters.count(s.ref)) c.Warn(path, "warn.unknown_matter", {s.ref});
        if (s.kind == SlideKind::Comparison && !ws.scenarios.count(s.ref)) c.Warn(path, "warn.unknown_scenario", {s.ref});
    }
}

void CheckCosts(Checker& c, const Budget* given) {
    const Workspace& ws = c.ws;
    c.Parties("/costs/participants", ws.costs.participants);
    c.Key("/costs/key", ws.costs.key, ws.costs.participants);
    std::vector<std::pair<std::string, double>> per_fte;
    for (auto& [id, item] : ws.cost_items) {
        std::string path = "/cost_items/" + id;
        if (!item.body.empty() && !ws.bodies.count(item.body)) c.Warn(path + "/body", "warn.unknown_body", {item.body});
        if (item.participants) c.Parties(path + "/participants", *item.participants);
        if (item.key) c.Key(path + "/key", *item.key, item.participants ? *item.participants : ws.costs.participants);
        if (item.fte > 0) per_fte.push_back({id, item.amount ? (double)*item.amount / item.fte : (double)item.cost_per_fte});
    }
    if (per_fte.size() >= 3) {
        std::vector<double> v;
        for (auto& p : per_fte) v.push_back(p.second);
        std::sort(v.begin(), v.end());
        double median = v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
        for (auto& [id, x] : per_fte)
            if (median > 0 && (x > median * 1.25 || x < median * 0.8))
                c.Warn("/cost_items/" + id, "warn.cost_per_fte", {FormatKr(std::llround(x)), FormatKr(std::llround(median)), ws.cost_items.at(id).name});
    }
    for (auto& [id, f] : ws.funding)
        if (!f.cost_item.empty() && !ws.cost_items.count(f.cost_item))
            c.Warn("/funding/" + id + "/cost_item", "warn.unknown_item", {f.cost_item});
    for (auto& [id, k] : ws.in_kind) c.Party("/in_kind/" + id + "/party", k.party);
    for (auto& [id, item] : ws.cost_items) {
        if (item.project.empty()) continue;
        auto m = ws.matters.find(item.project);
        if (m == ws.matters.end()) c.Warn("/cost_items/" + id + "/project", "warn.unknown_matter", {item.project});
        else if (m->second.kind != MatterKind::Project) c.Warn("/cost_items/" + id + "/project", "warn.not_a_project", {m->second.title});
    }
    auto focus = [&](const std::string& path, const std::vector<std::string>& tags) {
        for (size_t i = 0; i < tags.size(); ++i)
            if (!ws.focus_areas.count(tags[i])) c.Warn(path + "/focus/" + std::to_string(i), "warn.unknown_focus", {tags[i]});
    };
    for (auto& [id, b] : ws.bodies) focus("/bodies/" + id, b.focus);
    for (auto& [id, m] : ws.matters) focus("/matters/" + id, m.focus);
    for (auto& [id, item] : ws.cost_items) focus("/cost_items/" + id, item.focus);
    for (auto& [id, s] : ws.scenarios) {
        std::string path = "/scenarios/" + id;
        c.Parties(path + "/leave", s.leave);
        c.Parties(path + "/join", s.join);
        for (auto& [iid, ch] : s.items)
            if (!ws.cost_items.count(iid)) c.Warn(path + "/items/" + iid, "warn.unknown_item", {iid});
        if (s.key) c.Key(path + "/key", *s.key, Participants(ws, &s));
    }
    if (given) {
        c.out.insert(c.out.end(), given->problems.begin(), given->problems.end());
        return;
    }
    Budget b = ComputeBudget(ws);
    for (auto& p : b.problems) c.out.push_back(p);
}

}  // namespace

void UpdateChecks(CheckCache& cache, const Workspace& ws, const std::string& as_of, const std::vector<std::string>* changed,
                  const Budget* budget, bool defer_matters) {
    Reach t;
    if (!changed || !cache.valid || cache.as_of != as_of) t.all = true;
    else t = ReachOf(*changed);
    auto run = [&ws](auto section) {
        Checker c{ws, {}};
        section(c);
        return std::move(c.out);
    };
    if (t.all || t.structure) cache.structure = run([](Checker& c) { CheckStructure(c); });
    cache.as_of = as_of;
    if (t.all) {
        cache.matters.clear();
        cache.unchecked.clear();
        for (auto& entry : ws.matters) cache.unchecked.insert(entry.first);
        if (!defer_matters) ContinueChecks(cache, ws, cache.unchecked.size());
    } else {
        for (auto& mid : t.matters) {
            auto m = ws.matters.find(mid);
            cache.unchecked.erase(mid);
            if (m == ws.matters.end()) cache.matters.erase(mid);
            else cache.matters[mid] = run([&](Checker& c) { CheckMatter(c, mid, m->second, as_of); });
        }
    }
    if (t.all || t.slides) cache.slides = run([](Checker& c) { CheckSlides(c); });
    if (t.all || t.costs) cache.costs = run([budget](Checker& c) { CheckCosts(c, budget); });
    cache.valid = true;
}

size_t ContinueChecks(CheckCache& cache, const Workspace& ws, size_t limit) {
    for (auto it = cache.unchecked.begin(); it != cache.unchecked.end() && limit > 0; --limit) {
        auto m = ws.matters.find(*it);
        if (m != ws.matters.end()) {
            Checker c{ws, {}};
            CheckMatter(c, m->first, m->second, cache.as_of);
            cache.matters[m->first] = std::move(c.out);
        }
        it = cache.unchecked.erase(it);
    }
    return cache.unchecked.size();
}

std::vector<Problem> AllChecks(const CheckCache& cache) {
    std::vector<Problem> out = cache.structure;
    for (auto& [mid, problems] : cache.matters) out.insert(out.end(), problems.begin(), problems.end());
    out.insert(out.end(), cache.slides.begin(), cache.slides.end());
    out.insert(out.end(), cache.costs.begin(), cache.costs.end());
    return out;
}

size_t CountChecks(const CheckCache& cache) {
    size_t n = cache.structure.size() + cache.slides.size() + cache.costs.size();
    for (auto& [mid, problems] : cache.matters) n += problems.size();
    return n;
}

void ForEachCheck(const CheckCache& cache, const std::function<bool(const Problem&)>& visit) {
    auto each = [&](const std::vector<Problem>& problems) {
        for (auto& p : problems)
            if (!visit(p)) return false;
        return true;
    };
    if (!each(cache.structure)) return;
    for (auto& [mid, problems] : cache.matters)
        if (!each(problems)) return;
    if (each(cache.slides)) each(cache.costs);
}

std::vector<Problem> CheckConsistency(const Workspace& ws, const std::string& as_of) {
    CheckCache cache;
    UpdateChecks(cache, ws, as_of, nullptr);
    return AllChecks(cache);
}

}  // namespace sam
