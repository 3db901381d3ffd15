#include "model.h"

#include <array>
#include <utility>

namespace sam {

namespace {

template <class E, size_t N>
using Names = std::array<std::pair<E, const char*>, N>;

constexpr Names<PartyKind, 6> kPartyKinds{{
    {PartyKind::Region, "region"}, {PartyKind::Municipality, "municipality"},
    {PartyKind::Association, "association"}, {PartyKind::CountyBoard, "county_board"},
    {PartyKind::University, "university"}, {PartyKind::Other, "other"}}};
constexpr Names<Level, 7> kLevels{{
    {Level::Political, "political"}, {Level::Strategic, "strategic"},
    {Level::CountyCoordination, "county_coordination"}, {Level::Local, "local"},
    {Level::WorkingGroup, "working_group"}, {Level::Support, "support"}, {Level::Network, "network"}}};
constexpr Names<TargetGroup, 4> kTargetGroups{{
    {TargetGroup::All, "all"}, {TargetGroup::ChildrenYoung, "children_young"},
    {TargetGroup::Adults, "adults"}, {TargetGroup::Older, "older"}}};
constexpr Names<MatterKind, 4> kMatterKinds{{
    {MatterKind::Recommendation, "recommendation"}, {MatterKind::JointDecision, "joint_decision"},
    {MatterKind::FollowUp, "follow_up"}, {MatterKind::Project, "project"}}};
constexpr Names<DecisionStatus, 6> kStatuses{{
    {DecisionStatus::Pending, "pending"}, {DecisionStatus::Adopted, "adopted"},
    {DecisionStatus::AdoptedWithConditions, "adopted_with_conditions"},
    {DecisionStatus::Declined, "declined"}, {DecisionStatus::Paused, "paused"},
    {DecisionStatus::NotConcerned, "not_concerned"}}};
constexpr Names<StepOutcome, 8> kOutcomes{{
    {StepOutcome::Pending, "pending"}, {StepOutcome::Prepared, "prepared"}, {StepOutcome::RecommendedOnward, "recommended_onward"},
    {StepOutcome::Adopted, "adopted"}, {StepOutcome::AdoptedWithConditions, "adopted_with_conditions"},
    {StepOutcome::Declined, "declined"}, {StepOutcome::Returned, "returned"}, {StepOutcome::Paused, "paused"}}};
constexpr Names<KeyKind, 5> kKeyKinds{{
    {KeyKind::Equal, "equal"}, {KeyKind::PerCapita, "per_capita"}, {KeyKind::Fixed, "fixed"},
    {KeyKind::RegionSplit, "region_split"}, {KeyKind::BasePlusPerCapita, "base_plus_per_capita"}}};

constexpr Names<SlideKind, 6> kSlideKinds{{
    {SlideKind::Overview, "overview"}, {SlideKind::Structure, "structure"}, {SlideKind::Matter, "matter"},
    {SlideKind::Costs, "costs"}, {SlideKind::Comparison, "comparison"}, {SlideKind::WhatIf, "what_if"}}};

template <class E, size_t N>
const char* NameOf(const Names<E, N>& names, E e) {
    for (auto& [v, n] : names) if (v == e) return n;
    return "?";
}
template <class E, size_t N>
bool ValueOf(const Names<E, N>& names, std::string_view s, E& out) {
    for (auto& [v, n] : names) if (s == n) { out = v; return true; }
    return false;
}
template <class E, size_t N>
std::vector<E> ValuesOf(const Names<E, N>& names) {
    std::vector<E> out;
    for (auto& p : names) out.push_back(p.first);
    return out;
}

}  // namespace

const char* ToString(PartyKind e) { return NameOf(kPartyKinds, e); }
const char* ToString(Level e) { return NameOf(kLevels, e); }
const char* ToString(TargetGroup e) { return NameOf(kTargetGroups, e); }
const char* ToString(MatterKind e) { return NameOf(kMatterKinds, e); }
const char* ToString(DecisionStatus e) { return NameOf(kStatuses, e); }
const char* ToString(KeyKind e) { return NameOf(kKeyKinds, e); }
const char* ToString(StepOutcome e) { return NameOf(kOutcomes, e); }
const char* ToString(SlideKind e) { return NameOf(kSlideKinds, e); }
bool FromString(std::string_view s, PartyKind& e) { return ValueOf(kPartyKinds, s, e); }
bool FromString(std::string_view s, Level& e) { return ValueOf(kLevels, s, e); }
bool FromString(std::string_view s, TargetGroup& e) { return ValueOf(kTargetGroups, s, e); }
bool FromString(std::string_view s, MatterKind& e) { return ValueOf(kMatterKinds, s, e); }
bool FromString(std::string_view s, DecisionStatus& e) { return ValueOf(kStatuses, s, e); }
bool FromString(std::string_view s, KeyKind& e) { return ValueOf(kKeyKinds, s, e); }
bool FromString(std::string_view s, StepOutcome& e) { return ValueOf(kOutcomes, s, e); }
bool FromString(std::string_view s, SlideKind& e) { return ValueOf(kSlideKinds, s, e); }

template <> std::vector<PartyKind> AllValues() { return ValuesOf(kPartyKinds); }
template <> std::vector<Level> AllValues() { return ValuesOf(kLevels); }
template <> std::vector<TargetGroup> AllValues() { return ValuesOf(kTargetGroups); }
template <> std::vector<MatterKind> AllValues() { return ValuesOf(kMatterKinds); }
template <> std::vector<DecisionStatus> AllValues() { return ValuesOf(kStatuses); }
template <> std::vector<KeyKind> AllValues() { return ValuesOf(kKeyKinds); }
template <> std::vector<StepOutcome> AllValues() { return ValuesOf(kOutcomes); }
template <> std::vector<SlideKind> AllValues() { return ValuesOf(kSlideKinds); }

bool IsValidId(std::string_view id) {
    if (id.empty() || id.size() > 64) return false;
    for (char c : id) {
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                  c == '_' || c == '-' || c == '.';
        if (!ok) return false;
    }
    return true;
}

std::string Slug(std::string_view name) {
    // Folds the Swedish and common Latin-1 letters to ASCII; everything else becomes '-'.
    static constexpr std::pair<const char*, const char*> kFold[] = {
        {"å", "a"}, {"ä", "a"}, {"ö", "o"}, {"Å", "a"}, {"Ä", "a"}, {"Ö", "o"}, {"é", "e"},
        {"É", "e"}, {"è", "e"}, {"ü", "u"}, {"Ü", "u"}, {"æ", "ae"}, {"ø", "o"}, {"Æ", "ae"},
        {"Ø", "o"}, {"á", "a"}, {"à", "a"}, {"ó", "o"}, {"í", "i"}, {"ñ", "n"}};
    std::string out;
    for (size_t i = 0; i < name.size();) {
        unsigned char c = (unsigned char)name[i];
        if (c < 0x80) {
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out += (char)c;
            else if (c >= 'A' && c <= 'Z') out += (char)(c - 'A' + 'a');
            else if (!out.empty() && out.back() != '-') out += '-';
            ++i;
            continue;
        }
        bool folded = false;
        for (auto& [from, to] : kFold) {
            std::string_view f(from);
            if (name.substr(i, f.size()) == f) { out += to; i += f.size(); folded = true; break; }
        }
        if (folded) continue;
        size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
        if (!out.empty() && out.back() != '-') out += '-';
        i += len;
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    if (out.size() > 48) out.resize(48);
    return out;
}

bool IsPayingParty(const Party& p) {
    return p.kind == PartyKind::Municipality || p.kind == PartyKind::Region;
}

}  // namespace sam
