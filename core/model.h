// Samverkan's domain model: plain structs keyed by stable string ids.
// A workspace is one collaboration: its parties, bodies, matters and costs.
// Collections are std::map so that iteration order equals the JSON order (sorted ids).
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>
#include <nlohmann/json.hpp>

namespace sam {

using json = nlohmann::json;

inline constexpr int kSchemaVersion = 2;

enum class PartyKind { Region, Municipality, Association, CountyBoard, University, Other };
enum class Level { Political, Strategic, CountyCoordination, Local, WorkingGroup, Support, Network };
enum class TargetGroup { All, ChildrenYoung, Adults, Older };
enum class MatterKind { Recommendation, JointDecision, FollowUp, Project };
enum class DecisionStatus { Pending, Adopted, AdoptedWithConditions, Declined, Paused, NotConcerned };
// What one body on a party's decision path did with the matter.
enum class StepOutcome { Pending, Prepared, RecommendedOnward, Adopted, AdoptedWithConditions, Declined, Returned, Paused };
enum class KeyKind { Equal, PerCapita, Fixed, RegionSplit, BasePlusPerCapita };
enum class SlideKind { Overview, Structure, Matter, Costs, Comparison, WhatIf };

struct Party {
    std::string name;
    PartyKind kind = PartyKind::Municipality;
    int64_t population = 0;        // a region's is its county total; an association's is 0
    std::string org_number;        // optional
    // Backward planning: the dates its deciding committee meets (YYYY-MM-DD) and how many days before a meeting a proposal must be sent out (0: kDefaultLeadDays).
    std::vector<std::string> committee_meetings;
    int lead_days = 0;
    // The bodies a joint matter passes through in this party, in order ("Socialnämndens
    // arbetsutskott", "Socialnämnden", "Kommunstyrelsen"); empty: the workspace's default path.
    std::vector<std::string> decision_path;
    // Meeting dates of the bodies on the path, by body name (the deciding committee's are
    // committee_meetings): the backward planning goes through them.
    std::map<std::string, std::vector<std::string>> body_meetings;
    json extra;                    // fields this version does not know, kept on save
    bool operator==(const Party&) const = default;   // field by field (DiffWorkspaces)
};

inline constexpr int kDefaultLeadDays = 21;
inline constexpr int64_t kMaxPopulation = 100'000'000;   // the largest population a party may have

struct Member {
    std::string role;
    std::string party;             // party id
    std::string name;              // optional: personal data is optional
    std::string contact;           // optional
    json extra;
    bool operator==(const Member&) const = default;   // field by field (DiffWorkspaces)
};

// "Local collaboration: 3 groups in each municipality", adjustable for one party.
struct Repeat {
    PartyKind per_kind = PartyKind::Municipality;
    int count = 1;
    std::map<std::string, int> overrides;   // party id -> count for that party (0 = none)
    json extra;
    bool operator==(const Repeat&) const = default;   // field by field (DiffWorkspaces)
};

struct Body {
    std::string name;
    Level level = Level::WorkingGroup;
    std::string parent;            // body id, empty at the top
    TargetGroup target_group = TargetGroup::All;
    std::vector<std::string> mandate;   // ordered tasks
    int meetings_per_year = 0;
    std::map<std::string, Member> members;
    std::optional<Repeat> repeat;
    std::string party;             // a body that belongs to one party (e.g. one local group)
    std::string note;
    std::vector<std::string> focus;     // focus area ids
    json extra;
    bool operator==(const Body&) const = default;   // field by field (DiffWorkspaces)
};

struct Milestone {
    std::string date;              // YYYY-MM-DD
    std::string what;
    std::string where;
    bool done = false;
    json extra;
    bool operator==(const Milestone&) const = default;   // field by field (DiffWorkspaces)
};

// One body's handling of the matter on a party's decision path.
struct DecisionStep {
    std::string body;              // free text, e.g. "Socialnämnden, Luleå"
    std::string date;              // the meeting, YYYY-MM-DD (planned or held)
    StepOutcome outcome = StepOutcome::Pending;
    std::string note;
    json extra;
    bool operator==(const DecisionStep&) const = default;   // field by field (DiffWorkspaces)
};

struct Decision {
    DecisionStatus status = DecisionStatus::Pending;   // with steps: follows from them (decision_path.h)
    std::string date;              // YYYY-MM-DD, empty while pending
    std::string body;              // deciding body, e.g. "BAS-nämnden"
    std::string conditions;
    std::string note;
    std::optional<bool> within_budget;   // financed within the party's ordinary budget (unknown when unset)
    std::vector<DecisionStep> steps;     // the path through the party's bodies; empty: one decision
    json extra;
    bool operator==(const Decision&) const = default;   // field by field (DiffWorkspaces)
};

struct Matter {
    std::string title;
    std::string description;
    std::string proposed_by;       // body id or empty
    std::string proposer_text;     // proposer outside the structure, e.g. "Norrbottens Kommuners styrelse"
    MatterKind kind = MatterKind::Recommendation;
    std::string date;              // when proposed
    std::string deadline;          // when the parties should have decided
    std::map<std::string, Milestone> milestones;
    std::map<std::string, Decision> decisions;  // party id -> decision
    std::string start, end;        // a project's period (YYYY-MM-DD)
    std::vector<std::string> focus;     // focus area ids
    json extra;
    bool operator==(const Matter&) const = default;   // field by field (DiffWorkspaces)
};

struct AllocationKey {
    KeyKind kind = KeyKind::PerCapita;
    double region_percent = 0;                 // RegionSplit: the region's part of the total
    int64_t base_fee = 0;                      // BasePlusPerCapita: per paying party
    std::map<std::string, double> shares;      // Fixed: party id -> percent
    json extra;
    bool operator==(const AllocationKey&) const = default;   // field by field (DiffWorkspaces)
};

// One factor of a cost item's quantity: a number ("3 groups") or the count of
// participating parties of a kind ("7 municipalities"), so it follows scenarios.
struct QuantityFactor {
    std::string label;
    double value = 1;
    std::optional<PartyKind> count_of;
    json extra;
    bool operator==(const QuantityFactor&) const = default;   // field by field (DiffWorkspaces)
};

struct CostItem {
    std::string name;
    std::string body;              // body id it belongs to (optional)
    std::optional<Level> level;    // level it belongs to, when no body
    double fte = 0;                // per unit of quantity
    int64_t cost_per_fte = 0;      // kr per year incl. overhead
    std::optional<int64_t> amount; // fixed kr per year per unit instead of fte x cost
    std::vector<QuantityFactor> quantity;
    int first_year = 0;
    int last_year = 0;
    double index_percent = 0;      // yearly increase
    std::optional<AllocationKey> key;                  // default: the workspace's key
    std::optional<std::vector<std::string>> participants;  // default: the workspace's
    std::string project;           // matter id of the project it belongs to (optional)
    std::vector<std::string> focus;     // focus area ids
    std::string note;
    json extra;
    bool operator==(const CostItem&) const = default;   // field by field (DiffWorkspaces)
};

struct Funding {
    std::string name;
    std::string source;            // e.g. "Statsbidrag"
    std::string agreement;         // e.g. "Överenskommelse SKR–Socialdepartementet 2020"
    int64_t amount = 0;            // kr per year
    int first_year = 0;
    int last_year = 0;
    std::string cost_item;         // item it funds; empty = the whole budget
    json extra;
    bool operator==(const Funding&) const = default;   // field by field (DiffWorkspaces)
};

// A party's contribution in staff or another resource instead of money, valued in kr.
// Against its share: it lowers what the party pays in money. On top: it adds to what the
// collaboration has, and the party's share stays as it is.
struct InKind {
    std::string name;              // e.g. "Professor i socialt arbete, deltid"
    std::string party;             // party id
    double fte = 0;                // staff: FTE x cost per FTE
    int64_t cost_per_fte = 0;
    std::optional<int64_t> amount; // another resource: kr per year
    int first_year = 0;
    int last_year = 0;
    bool against_share = true;
    std::string note;
    json extra;
    bool operator==(const InKind&) const = default;   // field by field (DiffWorkspaces)
};

// A focus area the work follows: national (e.g. "Psykisk ohälsa") or chosen by the county.
struct FocusArea {
    std::string name;
    bool national = false;
    json extra;
    bool operator==(const FocusArea&) const = default;   // field by field (DiffWorkspaces)
};

struct CostSettings {
    AllocationKey key;
    std::vector<std::string> participants;   // paying parties
    int base_year = 0;
    json extra;
    bool operator==(const CostSettings&) const = default;   // field by field (DiffWorkspaces)
};

struct ItemChange {
    std::optional<double> fte;
    std::optional<int64_t> cost_per_fte;
    std::optional<int64_t> amount;
    std::optional<AllocationKey> key;
    bool removed = false;
    json extra;
    bool operator==(const ItemChange&) const = default;   // field by field (DiffWorkspaces)
};

// A named set of changes on top of the base, evaluated side by side with it.
struct Scenario {
    std::string name;
    std::string description;
    std::vector<std::string> leave;          // parties that stop paying
    std::vector<std::string> join;           // parties that start paying
    std::map<std::string, ItemChange> items; // cost item id -> change
    std::optional<AllocationKey> key;        // replaces the workspace key
    json extra;
    bool operator==(const Scenario&) const = default;   // field by field (DiffWorkspaces)
};

// A saved view for presentation mode: what the room sees on one slide.
struct Slide {
    std::string title;             // optional: the view's own title when empty
    SlideKind kind = SlideKind::Overview;
    std::string ref;               // Matter: matter id; Comparison: scenario id
    int year = 0;                  // Costs/Comparison/WhatIf: the year shown (0: the first)
    json extra;
    bool operator==(const Slide&) const = default;   // field by field (DiffWorkspaces)
};

struct Workspace {
    int schema_version = kSchemaVersion;
    std::string name;
    std::string description;
    std::string population_note;   // e.g. "approximate figures"
    std::string case_number;       // the diarienummer the printed report carries (optional)
    CostSettings costs;
    std::map<std::string, Party> parties;
    std::map<std::string, Body> bodies;
    std::map<std::string, Matter> matters;
    std::map<std::string, CostItem> cost_items;
    std::map<std::string, Funding> funding;
    std::map<std::string, InKind> in_kind;
    std::map<std::string, FocusArea> focus_areas;
    std::map<std::string, Scenario> scenarios;
    std::vector<Slide> slides;     // presentation order; empty: one per view, matter and scenario
    std::vector<std::string> decision_path;   // the parties' default path (a party's own overrides it)
    json extra;
    bool operator==(const Workspace&) const = default;   // field by field (DiffWorkspaces)
};

// Enum <-> JSON string. FromString returns false for an unknown name.
const char* ToString(PartyKind);
const char* ToString(Level);
const char* ToString(TargetGroup);
const char* ToString(MatterKind);
const char* ToString(DecisionStatus);
const char* ToString(StepOutcome);
const char* ToString(KeyKind);
const char* ToString(SlideKind);
bool FromString(std::string_view, PartyKind&);
bool FromString(std::string_view, Level&);
bool FromString(std::string_view, TargetGroup&);
bool FromString(std::string_view, MatterKind&);
bool FromString(std::string_view, DecisionStatus&);
bool FromString(std::string_view, StepOutcome&);
bool FromString(std::string_view, KeyKind&);
bool FromString(std::string_view, SlideKind&);

// Every name an enum has, for pickers and error messages.
template <class E> std::vector<E> AllValues();

// Ids: 1-64 characters of a-z A-Z 0-9 _ - . (safe in JSON Pointers and URLs).
bool IsValidId(std::string_view id);
// A readable id made from a name ("Örnsköldsvik" -> "ornskoldsvik"), unique among `taken`.
template <class Map> std::string MakeId(std::string_view name, const Map& taken);
std::string Slug(std::string_view name);

template <class Map> std::string MakeId(std::string_view name, const Map& taken) {
    std::string base = Slug(name);
    if (base.empty()) base = "id";
    std::string id = base;
    for (int n = 2; taken.count(id); ++n) id = base + "-" + std::to_string(n);
    return id;
}

bool IsPayingParty(const Party&);  // has a population to pay by (municipality or region)

}  // namespace sam
