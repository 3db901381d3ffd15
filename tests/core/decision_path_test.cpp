// Decision paths: a party's status from its steps, where the matter is (in words and as a
// marker), the file format and its checks, the patch that sets steps and status together,
// backward planning through several bodies' calendars, and the CSV row per step.
#include "helpers.h"
#include "decision_path.h"
#include "exports.h"
#include "history.h"
#include "patch.h"
#include "planning.h"
#include "validate.h"

using namespace sam;

namespace {

DecisionStep Step(const std::string& body, const std::string& date, StepOutcome o) {
    DecisionStep s;
    s.body = body;
    s.date = date;
    s.outcome = o;
    return s;
}

bool Has(const std::vector<Problem>& ps, const std::string& code, const std::string& path = "") {
    for (auto& p : ps)
        if (p.code == code && (path.empty() || p.path == path)) return true;
    return false;
}

}  // namespace

TEST_CASE("a party's status follows from its steps: the last step with an outcome decides") {
    using O = StepOutcome;
    CHECK(StatusFromSteps({}) == DecisionStatus::Pending);
    CHECK(StatusFromSteps({Step("AU", "", O::Pending), Step("SN", "", O::Pending)}) == DecisionStatus::Pending);
    CHECK(StatusFromSteps({Step("AU", "2023-03-16", O::Prepared), Step("SN", "2023-03-30", O::RecommendedOnward),
                           Step("KS", "", O::Pending)}) == DecisionStatus::Pending);
    CHECK(StatusFromSteps({Step("SN", "2023-03-30", O::RecommendedOnward), Step("KS", "2023-04-17", O::Adopted)}) == DecisionStatus::Adopted);
    CHECK(StatusFromSteps({Step("SN", "2023-03-30", O::AdoptedWithConditions)}) == DecisionStatus::AdoptedWithConditions);
    CHECK(StatusFromSteps({Step("SN", "2023-03-30", O::Declined), Step("KS", "", O::Pending)}) == DecisionStatus::Declined);
    CHECK(StatusFromSteps({Step("KS", "2023-04-17", O::Paused)}) == DecisionStatus::Paused);
    // Sent back: still pending, and the marker stops there.
    std::vector<DecisionStep> returned{Step("SN", "2023-03-30", O::RecommendedOnward), Step("KS", "2023-04-17", O::Returned)};
    CHECK(StatusFromSteps(returned) == DecisionStatus::Pending);
    CHECK(DecidingStep(returned) == -1);
}

TEST_CASE("Luleå's path in the Norrbotten demo: where the matter is, in words and as a marker") {
    Workspace ws = LoadDemo("norrbotten");
    const Decision& lulea = ws.matters.at("nara-vard").decisions.at("lulea");
    REQUIRE(lulea.steps.size() == 3);
    CHECK(lulea.steps[0].body == "Socialnämndens arbetsutskott");
    CHECK(lulea.status == DecisionStatus::Pending);
    CHECK(StepMarker(lulea.steps) == "SNAU 16/3 → SN 30/3 → KS");
    CHECK(WhereText(lulea.steps, Lang::Sv) == "Föreslaget vidare av Socialnämnden 2023-03-30; nästa: Kommunstyrelsen");
    CHECK(WhereText(lulea.steps, Lang::En) == "Recommended onward by Socialnämnden 2023-03-30; next: Kommunstyrelsen");
    // Piteå's own path (its council has the last word), not started yet.
    const Decision& pitea = ws.matters.at("nara-vard").decisions.at("pitea");
    CHECK(PathOf(ws, "pitea").back() == "Kommunfullmäktige");
    CHECK(PathOf(ws, "kiruna") == ws.decision_path);   // the default
    CHECK(WhereText(pitea.steps, Lang::Sv) == "Ej påbörjat: först Socialnämnden");
    CHECK(BodyAbbreviation("Kommunfullmäktige") == "KF");
    CHECK(BodyAbbreviation("Barn- och utbildningsnämnden") == "N");
    CHECK(BodyAbbreviation("Styrgrupp för nära vård") == "SFNV");
    // Its validation is clean, and it survives a save and a load unchanged.
    for (auto& p : CheckConsistency(ws, "2023-03-20")) CHECK(p.code.rfind("warn.step", 0) != 0);
    LoadResult again = LoadWorkspace(SaveWorkspace(ws));
    REQUIRE(again.ok);
    CHECK(SaveWorkspace(again.workspace) == SaveWorkspace(ws));
}

TEST_CASE("the file format of steps: checked with the place named, older files unchanged") {
    Workspace ws = LoadDemo("norrbotten");
    // Out of order: refused, naming the step and both dates.
    PatchResult r = ApplyPatch(ws, json::array({OpReplace("/matters/nara-vard/decisions/lulea/steps/1/date", "2023-03-01")}));
    REQUIRE_FALSE(r.ok);
    bool named = false;
    for (auto& p : r.problems)
        if (p.code == "err.step_order") {
            named = true;
            CHECK(p.path == "/matters/nara-vard/decisions/lulea/steps/1/date");
            CHECK(p.Message(Lang::Sv) == "Steg 2 (2023-03-01) ligger före steg 1 (2023-03-16) i beslutsgången");
        }
    CHECK(named);
    CHECK_FALSE(ApplyPatch(ws, json::array({OpReplace("/matters/nara-vard/decisions/lulea/steps/2/outcome", "kanske")})).ok);
    CHECK_FALSE(ApplyPatch(ws, json::array({OpReplace("/matters/nara-vard/decisions/lulea/steps/2/body", "")})).ok);
    CHECK(ws.matters.at("nara-vard").decisions.at("lulea").steps[1].date == "2023-03-30");   // nothing changed
    // A step after a decline, and a status the steps do not give: warnings.
    REQUIRE(ApplyPatch(ws, json::array({OpReplace("/matters/nara-vard/decisions/lulea/steps/1/outcome", "declined"),
                                        OpReplace("/matters/nara-vard/decisions/lulea/steps/2/outcome", "adopted")})).ok);
    std::vector<Problem> ps = CheckConsistency(ws, "2023-04-20");
    CHECK(Has(ps, "warn.step_after_declined", "/matters/nara-vard/decisions/lulea/steps/2"));
    CHECK(Has(ps, "warn.status_not_path", "/matters/nara-vard/decisions/lulea/status"));
    // A decision without steps reads and writes as before.
    std::string plain = SaveWorkspace(LoadDemo("halsam-vasternorrland"));
    CHECK(plain.find("\"steps\"") == std::string::npos);
    CHECK(plain.find("\"decision_path\"") == std::string::npos);
}

TEST_CASE("setting steps sets the status they give, in one patch, undone in one step") {
    Workspace ws = LoadDemo("norrbotten");
    History h;
    const Decision before = ws.matters.at("nara-vard").decisions.at("lulea");
    std::vector<DecisionStep> steps = before.steps;
    steps[2].date = "2023-04-17";
    steps[2].outcome = StepOutcome::AdoptedWithConditions;
    REQUIRE(Edit(ws, h, SetStepsPatch("nara-vard", "lulea", before, steps)).ok);
    const Decision& after = ws.matters.at("nara-vard").decisions.at("lulea");
    CHECK(after.status == DecisionStatus::AdoptedWithConditions);
    CHECK(after.date == "2023-04-17");
    CHECK(after.body == "Kommunstyrelsen");
    CHECK(after.steps[2].outcome == StepOutcome::AdoptedWithConditions);
    CHECK(CheckConsistency(ws, "2023-04-20").size() == CheckConsistency(LoadDemo("norrbotten"), "2023-04-20").size());
    REQUIRE(Undo(ws, h));
    CHECK(ws.matters.at("nara-vard").decisions.at("lulea").status == DecisionStatus::Pending);
    CHECK(ws.matters.at("nara-vard").decisions.at("lulea").steps[2].outcome == StepOutcome::Pending);
    // A path started from the default: pending steps for each of its bodies.
    const Decision& kiruna = ws.matters.at("nara-vard").decisions.at("kiruna");
    REQUIRE(Edit(ws, h, SetStepsPatch("nara-vard", "kiruna", kiruna, StepsFromPath(PathOf(ws, "kiruna")))).ok);
    CHECK(ws.matters.at("nara-vard").decisions.at("kiruna").steps.size() == 3);
    CHECK(ws.matters.at("nara-vard").decisions.at("kiruna").status == DecisionStatus::Pending);
}

TEST_CASE("backward planning goes through every body on the path") {
    Workspace ws = LoadDemo("norrbotten");
    Matter& m = ws.matters.at("nara-vard");
    m.deadline = "2023-06-30";
    Party& lulea = ws.parties.at("lulea");
    lulea.lead_days = 14;
    // Luleå has its committee behind it; the executive board meets in May and June.
    lulea.body_meetings["Kommunstyrelsen"] = {"2023-05-08", "2023-06-12", "2023-08-21"};
    // Boden has not started; its own path is SN → KS → KF, papers 14 days before each meeting.
    Party& boden = ws.parties.at("boden");
    boden.lead_days = 14;
    boden.body_meetings["Socialnämnden"] = {"2023-04-04", "2023-05-09", "2023-06-06"};
    boden.body_meetings["Kommunstyrelsen"] = {"2023-05-15", "2023-06-12"};
    boden.body_meetings["Kommunfullmäktige"] = {"2023-06-26"};
    // Piteå: its council meets only after the deadline.
    Party& pitea = ws.parties.at("pitea");
    pitea.body_meetings["Socialnämnden"] = {"2023-04-20"};
    pitea.body_meetings["Kommunstyrelsen"] = {"2023-05-22"};
    pitea.body_meetings["Kommunfullmäktige"] = {"2023-09-25"};
    std::vector<PlanRow> plan = PlanMatter(ws, m, "2023-04-01");
    auto row = [&](const std::string& id) {
        for (auto& r : plan) if (r.party == id) return r;
        FAIL("no row for " << id);
        return PlanRow{};
    };
    PlanRow l = row("lulea");
    REQUIRE(l.steps.size() == 1);   // only the board is ahead
    CHECK(l.steps[0].meeting == "2023-06-12");
    CHECK(l.send_by == "2023-05-29");
    PlanRow b = row("boden");
    REQUIRE(b.steps.size() == 3);
    // KF 26/6; KS must be 14 days before: 12/6; SN 14 days before that: 9/5 (not 6/6).
    CHECK(b.steps[2].meeting == "2023-06-26");
    CHECK(b.steps[1].meeting == "2023-06-12");
    CHECK(b.steps[0].meeting == "2023-05-09");
    CHECK(b.send_by == "2023-04-25");
    CHECK_FALSE(b.too_late);
    CHECK(PlanMeetings(b) == "SN 2023-05-09 → KS 2023-06-12 → KF 2023-06-26");
    PlanRow p = row("pitea");
    CHECK(p.too_late);                 // no chain of meetings reaches the deadline
    CHECK(p.send_by.empty());
    bool warned = false;
    for (auto& pr : CheckConsistency(ws, "2023-04-01"))
        if (pr.code == "warn.path_too_late" && pr.path == "/parties/pitea/body_meetings") {
            warned = true;
            CHECK(pr.Message(Lang::Sv) == "Ingen kedja av sammanträden i beslutsgången för Piteå hinner till sista dag 2023-06-30 för \"Tillsammans för nära vård i Norrbotten\"");
        }
    CHECK(warned);
    PlanRow k = row("kiruna");         // the default path, no calendars entered
    CHECK(k.no_dates);
    CHECK_FALSE(k.too_late);
    // Past the deadline, each pending party's row says so instead of being left out.
    std::vector<PlanRow> late = PlanMatter(ws, m, "2023-07-15");
    REQUIRE_FALSE(late.empty());
    for (auto& r : late) CHECK(r.deadline_passed);
}

TEST_CASE("the decisions CSV has a row per step, numbered") {
    Workspace ws = LoadDemo("norrbotten");
    std::string csv = ExportCsv(ws, CsvTable::Decisions, Lang::Sv);
    CHECK(csv.find("Ärende;Part;Status;Datum;Beslutande organ;Villkor;Anteckning;Sista dag;Steg\r\n") != std::string::npos);
    CHECK(csv.find("Tillsammans för nära vård i Norrbotten;Luleå;Föreslaget vidare;2023-03-30;Socialnämnden;;"
                   "Föreslås rekommendera kommunstyrelsen att anta strategin;;2\r\n") != std::string::npos);
}

TEST_CASE("which bodies take up the matter in the coming 30 days, across the parties") {
    Workspace ws = LoadDemo("norrbotten");
    Matter& m = ws.matters.at("nara-vard");
    m.deadline = "2023-06-30";
    ws.parties.at("boden").body_meetings["Socialnämnden"] = {"2023-04-04", "2023-05-09"};
    ws.parties.at("boden").body_meetings["Kommunstyrelsen"] = {"2023-05-15", "2023-06-12"};
    ws.parties.at("boden").body_meetings["Kommunfullmäktige"] = {"2023-06-26"};
    // From 2023-03-20, every matter: Luleå's committee on 30 March for the action plan (set on
    // its step), and Boden's committee on 4 April, which its plan needs (21 days before each
    // meeting: KF 26/6, KS 15/5, SN 4/4).
    std::vector<Upcoming> soon = UpcomingMeetings(ws, "", "2023-03-20", 30);
    REQUIRE(soon.size() == 2);
    CHECK(soon[0].date == "2023-03-30");
    CHECK(soon[0].party == "lulea");
    CHECK(soon[0].matter == "suicidprevention");
    CHECK(soon[0].body == "Socialnämnden");
    CHECK_FALSE(soon[0].planned);
    CHECK(soon[1].date == "2023-04-04");
    CHECK(soon[1].party == "boden");
    CHECK(soon[1].planned);
    CHECK(UpcomingMeetings(ws, "nara-vard", "2023-03-20", 30).size() == 1);   // one matter's
    // From 2023-04-20 no chain reaches the deadline for Boden: nothing is said to be needed.
    CHECK(UpcomingMeetings(ws, "nara-vard", "2023-04-20", 30).empty());
}
