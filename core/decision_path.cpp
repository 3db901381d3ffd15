#include "decision_path.h"

#include <algorithm>
#include <cctype>
#include "format.h"
#include "json_io.h"
#include "patch.h"
#include "search.h"

namespace sam {

namespace {

bool Decides(StepOutcome o) {
    return o == StepOutcome::Adopted || o == StepOutcome::AdoptedWithConditions || o == StepOutcome::Declined || o == StepOutcome::Paused;
}

// "2023-03-30" -> "30/3".
std::string DayMonth(const std::string& date) {
    if (!IsValidDate(date)) return "";
    return std::to_string(std::stoi(date.substr(8, 2))) + "/" + std::to_string(std::stoi(date.substr(5, 2)));
}

std::string Lower(const std::string& s) { return FoldCase(s); }

size_t CharLength(unsigned char c) { return c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1; }

}  // namespace

const std::vector<std::string>& PathOf(const Workspace& ws, const std::string& party_id) {
    auto it = ws.parties.find(party_id);
    if (it != ws.parties.end() && !it->second.decision_path.empty()) return it->second.decision_path;
    return ws.decision_path;
}

int DecidingStep(const std::vector<DecisionStep>& steps) {
    for (int i = (int)steps.size(); i-- > 0;) {
        if (steps[i].outcome == StepOutcome::Pending) continue;
        return Decides(steps[i].outcome) ? i : -1;
    }
    return -1;
}

DecisionStatus StatusFromSteps(const std::vector<DecisionStep>& steps) {
    int k = DecidingStep(steps);
    if (k < 0) return DecisionStatus::Pending;
    switch (steps[k].outcome) {
        case StepOutcome::Adopted: return DecisionStatus::Adopted;
        case StepOutcome::AdoptedWithConditions: return DecisionStatus::AdoptedWithConditions;
        case StepOutcome::Declined: return DecisionStatus::Declined;
        case StepOutcome::Paused: return DecisionStatus::Paused;
        default: return DecisionStatus::Pending;
    }
}

PathPlace PlaceOf(const std::vector<DecisionStep>& steps) {
    PathPlace p;
    for (int i = 0; i < (int)steps.size(); ++i)
        if (steps[i].outcome != StepOutcome::Pending) p.done = i;
    for (int i = p.done + 1; i < (int)steps.size() && p.next < 0; ++i)
        if (steps[i].outcome == StepOutcome::Pending) p.next = i;
    if (p.done >= 0 && Decides(steps[p.done].outcome)) p.next = -1;   // decided: nothing comes next
    return p;
}

std::string BodyAbbreviation(const std::string& body) {
    std::string f = Lower(body);
    auto has = [&](const char* w) { return f.find(w) != std::string::npos; };
    std::string head;
    if (has("socialnämnd")) head = "SN";
    else if (has("kommunstyrelse")) head = "KS";
    else if (has("kommunfullmäktige")) head = "KF";
    else if (has("regionstyrelse")) head = "RS";
    else if (has("regionfullmäktige")) head = "RF";
    else if (has("nämnd")) head = "N";
    if (has("arbetsutskott")) return head + "AU";
    if (!head.empty()) return head;
    // Otherwise the initials of its words ("Barn- och utbildningsnämnden" is caught above).
    std::string out;
    bool start = true;
    for (size_t i = 0; i < body.size();) {
        size_t n = std::min(CharLength((unsigned char)body[i]), body.size() - i);
        if (body[i] == ' ' || body[i] == ',' || body[i] == '-') { start = true; ++i; continue; }
        if (start && out.size() < 12) out += n == 1 ? std::string(1, (char)std::toupper((unsigned char)body[i])) : body.substr(i, n);
        start = false;
        i += n;
    }
    return out.empty() ? body : out;
}

std::string StepMarker(const std::vector<DecisionStep>& steps) {
    PathPlace p = PlaceOf(steps);
    std::string out;
    int last = p.next >= 0 ? p.next : p.done;
    for (int i = 0; i <= last && i < (int)steps.size(); ++i) {
        std::string step = BodyAbbreviation(steps[i].body);
        std::string dm = DayMonth(steps[i].date);
        if (!dm.empty()) step += " " + dm;
        out += (out.empty() ? "" : " → ") + step;
    }
    if (out.empty() && !steps.empty()) out = BodyAbbreviation(steps[0].body);
    return out;
}

std::string PathMarker(const std::vector<std::string>& path) {
    std::string out;
    for (auto& b : path) out += (out.empty() ? "" : " → ") + BodyAbbreviation(b);
    return out;
}

std::string WhereText(const std::vector<DecisionStep>& steps, Lang lang) {
    if (steps.empty()) return "";
    PathPlace p = PlaceOf(steps);
    std::string done;
    if (p.done >= 0) {
        const DecisionStep& s = steps[p.done];
        done = TrF(lang, "path.done", {std::string(TrEnum(lang, "outcome", ToString(s.outcome))), s.body, s.date});
        while (!done.empty() && done.back() == ' ') done.pop_back();
    }
    if (p.done < 0) {
        const DecisionStep& first = steps[0];
        return TrF(lang, "path.not_started", {first.date.empty() ? first.body : first.body + " " + first.date});
    }
    if (p.next < 0) return done;
    const DecisionStep& n = steps[p.next];
    std::string next = n.date.empty() ? TrF(lang, "path.next", {n.body}) : TrF(lang, "path.next_on", {n.body, n.date});
    return done.empty() ? next : done + "; " + next;
}

std::vector<DecisionStep> StepsFromPath(const std::vector<std::string>& path) {
    std::vector<DecisionStep> out;
    for (auto& body : path) {
        DecisionStep s;
        s.body = body;
        out.push_back(std::move(s));
    }
    return out;
}

json SetStepsPatch(const std::string& matter_id, const std::string& party_id, const Decision& d, const std::vector<DecisionStep>& steps) {
    std::string path = "/matters/" + PointerToken(matter_id) + "/decisions/" + PointerToken(party_id);
    Decision next = d;
    next.steps = steps;
    if (!steps.empty()) {
        next.status = StatusFromSteps(steps);
        int k = DecidingStep(steps);
        next.date = k >= 0 ? steps[k].date : "";
        next.body = k >= 0 ? steps[k].body : "";
    }
    return json::array({OpAdd(path, ToJson(next))});
}

}  // namespace sam
