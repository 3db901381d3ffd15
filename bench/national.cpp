#include "national.h"

#include <random>
#include <string>

namespace bench {

sam::Workspace NationalWorkspace(unsigned seed) {
    using namespace sam;
    std::mt19937 rng(seed);
    auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
    Workspace ws;
    ws.name = "Nationell skala (genererad)";
    ws.description = "Genererad arbetsyta för prestandamätning.";
    ws.costs.key.kind = KeyKind::PerCapita;
    ws.costs.base_year = 2025;

    std::vector<std::string> regions, municipalities;
    for (int r = 0; r < 21; ++r) {
        std::string id = "region-" + std::to_string(r);
        Party& p = ws.parties[id];
        p.name = "Region " + std::to_string(r);
        p.kind = PartyKind::Region;
        regions.push_back(id);
    }
    for (int m = 0; m < 290; ++m) {
        std::string id = "kommun-" + std::to_string(m);
        int64_t pop = pick(2500, 120000);
        Party& p = ws.parties[id];
        p.name = "Kommun " + std::to_string(m);
        p.kind = PartyKind::Municipality;
        p.population = pop;
        ws.parties[regions[m % 21]].population += pop;
        municipalities.push_back(id);
        ws.costs.participants.push_back(id);
    }

    // Bodies: a national top, regional leaderships, county groups, local groups, working groups.
    std::vector<std::string> ids;
    for (int b = 0; b < 1000; ++b) {
        Body body;
        body.name = "Organ " + std::to_string(b);
        body.level = b == 0 ? Level::Political : b < 22 ? Level::Strategic : b < 100 ? Level::CountyCoordination
                   : b < 700 ? Level::Local : Level::WorkingGroup;
        if (b > 0) body.parent = ids[(size_t)pick(0, std::min(b - 1, 99))];
        body.target_group = (TargetGroup)(b % 4);
        body.meetings_per_year = pick(2, 10);
        body.mandate = {"Följa upp överenskommelser", "Ta fram förslag på mål"};
        for (int k = 0; k < 3; ++k)
            body.members["m" + std::to_string(k)] = Member{"Socialchef", municipalities[(size_t)pick(0, 289)], "", "", {}};
        if (body.level == Level::Local && b == 100) body.repeat = Repeat{PartyKind::Municipality, 3, {}, {}};
        std::string id = "organ-" + std::to_string(b);
        ws.bodies[id] = std::move(body);
        ids.push_back(id);
    }

    static const DecisionStatus kStatuses[] = {DecisionStatus::Pending, DecisionStatus::Adopted, DecisionStatus::Adopted,
                                               DecisionStatus::AdoptedWithConditions, DecisionStatus::Declined};
    for (int m = 0; m < 2000; ++m) {
        Matter matter;
        matter.title = "Ärende " + std::to_string(m);
        matter.proposed_by = ids[(size_t)pick(0, 99)];
        matter.kind = (MatterKind)(m % 3);
        matter.date = "2025-0" + std::to_string(pick(1, 9)) + "-1" + std::to_string(pick(0, 9));
        matter.deadline = "2026-0" + std::to_string(pick(1, 9)) + "-2" + std::to_string(pick(0, 8));
        matter.milestones["beredning"] = Milestone{"2025-11-15", "Beredning", "Länsledningen", true, {}};
        matter.milestones["beslut"] = Milestone{"2026-03-01", "Beslut i nämnderna", "Parterna", false, {}};
        for (auto& [pid, p] : ws.parties) {
            Decision d;
            d.status = kStatuses[pick(0, 4)];
            if (d.status != DecisionStatus::Pending) { d.date = "2026-02-1" + std::to_string(pick(0, 9)); d.body = "Socialnämnden"; }
            matter.decisions[pid] = std::move(d);
        }
        ws.matters["arende-" + std::to_string(m)] = std::move(matter);
    }

    // 400 items shared by all municipalities per capita; 100 shared in each county by region split.
    for (int i = 0; i < 500; ++i) {
        CostItem item;
        item.name = "Kostnadspost " + std::to_string(i);
        item.body = ids[(size_t)pick(0, 999)];
        item.first_year = 2025;
        item.last_year = 2034;
        item.index_percent = 2.5;
        if (i % 3 == 0) item.amount = pick(100, 5000) * 1000;
        else { item.fte = pick(1, 30) / 10.0; item.cost_per_fte = pick(700, 1100) * 1000; }
        if (i >= 400) {
            int r = i % 21;
            std::vector<std::string> ps = {regions[(size_t)r]};
            for (int m = r; m < 290; m += 21) ps.push_back(municipalities[(size_t)m]);
            item.participants = ps;
            AllocationKey k;
            k.kind = KeyKind::RegionSplit;
            k.region_percent = 40;
            item.key = k;
        }
        ws.cost_items["post-" + std::to_string(i)] = std::move(item);
    }
    ws.funding["statsbidrag"] = Funding{"Statsbidrag", "Staten", "", 25'000'000, 2025, 2027, "", {}};
    Scenario s;
    s.name = "Tre kommuner avböjer";
    s.leave = {municipalities[0], municipalities[1], municipalities[2]};
    ws.scenarios["tre-avbojer"] = s;
    return ws;
}

}  // namespace bench
