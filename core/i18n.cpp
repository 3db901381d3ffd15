#include "i18n.h"

#include <algorithm>
#include <string>
#include <unordered_map>

namespace sam {

namespace {

struct Entry {
    const char* key;
    const char* sv;
    const char* en;
};

// Keys: err.* reject an edit, warn.* help officials, alloc.* explain a failed split,
// enum groups name the model's choices, ui.* label the views.
constexpr Entry kTable[] = {
    // Validation errors.
    {"err.not_json", "Filen är ingen Samverkan-fil: den är inte giltig JSON (fel vid byte {0})", "The file is not a Samverkan file: it is not valid JSON (error at byte {0})"},
    {"err.too_deep", "Filen är nästlad djupare än {0} nivåer och kan inte läsas", "The file nests deeper than {0} levels and cannot be read"},
    {"err.not_utf8", "Texten är inte giltig UTF-8 (spara filen som UTF-8)", "The text is not valid UTF-8 (save the file as UTF-8)"},
    {"err.not_object", "Ska vara ett JSON-objekt", "Must be a JSON object"},
    {"err.not_array", "Ska vara en lista", "Must be a list"},
    {"err.not_string", "Ska vara text", "Must be text"},
    {"err.not_integer", "Ska vara ett heltal", "Must be a whole number"},
    {"err.not_number", "Ska vara ett tal", "Must be a number"},
    {"err.not_bool", "Ska vara sant eller falskt", "Must be true or false"},
    {"err.missing", "Saknas men krävs", "Is required but missing"},
    {"err.empty", "Får inte vara tomt", "Must not be empty"},
    {"err.negative", "Får inte vara negativt ({0})", "Must not be negative ({0})"},
    {"err.out_of_range", "{0} ligger utanför det tillåtna intervallet {1}–{2}", "{0} is outside the allowed range {1}–{2}"},
    {"err.unknown_value", "Okänt värde \"{0}\". Tillåtna värden: {1}", "Unknown value \"{0}\". Allowed values: {1}"},
    {"err.bad_date", "\"{0}\" är inget giltigt datum i formen ÅÅÅÅ-MM-DD", "\"{0}\" is not a valid date in the form YYYY-MM-DD"},
    {"err.bad_id", "\"{0}\" är inget giltigt id (1–64 tecken: a–z, A–Z, 0–9, _ - .)", "\"{0}\" is not a valid id (1–64 characters: a–z, A–Z, 0–9, _ - .)"},
    {"err.years", "Sista året ({1}) ligger före första året ({0})", "The last year ({1}) is before the first year ({0})"},
    {"err.schema_version", "Schemaversion {0} stöds inte (den här versionen läser version 1–{1})", "Schema version {0} is not supported (this version reads versions 1–{1})"},
    {"err.unknown_parent", "Det överordnade organet \"{0}\" finns inte", "The parent body \"{0}\" does not exist"},
    {"err.parent_cycle", "Organet skulle bli överordnat sig självt (via \"{0}\")", "The body would become its own parent (through \"{0}\")"},
    {"err.patch_not_array", "En ändring (JSON Patch) ska vara en lista av operationer", "A change (JSON Patch) must be a list of operations"},
    {"err.patch_op_shape", "Operation {0}: ska vara ett JSON-objekt", "Operation {0}: must be a JSON object"},
    {"err.patch_op_unknown", "Operation {0}: okänd operation \"{1}\" (add, remove, replace, move, copy, test)", "Operation {0}: unknown operation \"{1}\" (add, remove, replace, move, copy, test)"},
    {"err.patch_field", "Operation {0}: fältet \"{1}\" saknas eller har fel typ", "Operation {0}: the field \"{1}\" is missing or of the wrong type"},
    {"err.patch_pointer", "Operation {0}: \"{1}\" är ingen giltig JSON-pekare", "Operation {0}: \"{1}\" is not a valid JSON Pointer"},
    {"err.patch_path", "Operation {0}: sökvägen \"{1}\" finns inte", "Operation {0}: the path \"{1}\" does not exist"},
    {"err.patch_test_failed", "Operation {0}: värdet har ändrats sedan (test misslyckades)", "Operation {0}: the value has changed since (test failed)"},
    {"err.patch_unexpected", "Ändringen skapar något som inte namngavs i ändringen", "The change creates something it did not name"},

    // Consistency warnings.
    {"warn.unknown_party", "Parten \"{0}\" finns inte i arbetsytan", "The party \"{0}\" is not in the workspace"},
    {"warn.unknown_body", "Organet \"{0}\" finns inte i arbetsytan", "The body \"{0}\" is not in the workspace"},
    {"warn.unknown_item", "Kostnadsposten \"{0}\" finns inte", "The cost item \"{0}\" does not exist"},
    {"warn.shares_sum", "Andelarna summerar till {0}, inte 100 %", "The shares add up to {0}, not 100 %"},
    {"warn.region_per_capita", "{0} räknas per invånare, men regionens befolkning är hela länets: kommunernas invånare räknas två gånger", "{0} is counted per capita, but the region's population is the whole county's: the municipalities' residents count twice"},
    {"warn.no_local_group", "{0} saknar lokal samverkansgrupp", "{0} has no local collaboration group"},
    {"warn.decision_after_deadline", "Beslutet i {2} om ”{3}” ({0}) är fattat efter sista dag ({1})", "The decision of {2} on “{3}” ({0}) was made after the deadline ({1})"},
    {"warn.meeting_too_late", "Nämnden i {0} sammanträder inte före sista dag {2} för \"{3}\" (nästa möte: {1})", "{0}'s committee does not meet before the deadline {2} for \"{3}\" (next meeting: {1})"},
    {"warn.unknown_matter", "Ärendet \"{0}\" finns inte", "The matter \"{0}\" does not exist"},
    {"warn.unknown_scenario", "Scenariot \"{0}\" finns inte", "The scenario \"{0}\" does not exist"},
    {"warn.cost_per_fte", "Kostnaden per årsarbetare för ”{2}”, {0}, skiljer sig från övriga poster (median {1}). Stämmer beloppet?", "The cost per full-time equivalent of “{2}”, {0}, differs from the other items (median {1}). Is the amount right?"},

    // Allocation failures.
    {"alloc.no_payers", "Ingen part betalar", "No party pays"},
    {"alloc.no_population", "De betalande parterna har ingen befolkning att fördela efter", "The paying parties have no population to divide by"},
    {"alloc.share_missing", "{0} saknar andel i den fasta fördelningen", "{0} has no share in the fixed split"},
    {"alloc.share_not_payer", "\"{0}\" har en andel ({1}) men betalar inte", "\"{0}\" has a share ({1}) but does not pay"},
    {"alloc.shares_sum", "Andelarna summerar till {0}, inte 100 %", "The shares add up to {0}, not 100 %"},
    {"alloc.region_count", "Regionfördelning kräver exakt en region bland de betalande (nu {0})", "A region split needs exactly one region among the payers (now {0})"},
    {"alloc.bad_percent", "Regionens andel {0} ligger utanför 0–100 %", "The region's share {0} is outside 0–100 %"},
    {"alloc.region_only", "Regionen är ensam betalare men ska bara betala en del", "The region is the only payer but should pay only a part"},
    {"alloc.negative_fee", "Grundavgiften får inte vara negativ", "The base fee must not be negative"},
    {"alloc.base_exceeds", "Grundavgiften {0} × {1} parter överstiger totalen {2}", "The base fee {0} × {1} parties exceeds the total {2}"},

    // Enums.
    {"party_kind.region", "Region", "Region"},
    {"party_kind.municipality", "Kommun", "Municipality"},
    {"party_kind.association", "Kommunförbund", "Association of municipalities"},
    {"party_kind.county_board", "Länsstyrelse", "County administrative board"},
    {"party_kind.university", "Lärosäte", "University"},
    {"party_kind.other", "Annan", "Other"},
    {"level.political", "Politisk nivå", "Political"},
    {"level.strategic", "Strategisk nivå", "Strategic"},
    {"level.county_coordination", "Länssamordning", "County coordination"},
    {"level.local", "Lokal samverkan", "Local collaboration"},
    {"level.working_group", "Arbetsgrupp", "Working group"},
    {"level.support", "Stöd", "Support"},
    {"target_group.all", "Alla", "All"},
    {"target_group.children_young", "Barn och unga", "Children and young people"},
    {"target_group.adults", "Vuxna", "Adults"},
    {"target_group.older", "Äldre", "Older people"},
    {"matter_kind.recommendation", "Rekommendation till parterna", "Recommendation to the parties"},
    {"matter_kind.joint_decision", "Gemensamt beslut", "Joint decision"},
    {"matter_kind.follow_up", "Uppföljning", "Follow-up"},
    {"status.pending", "Ej beslutat", "Pending"},
    {"status.adopted", "Antaget", "Adopted"},
    {"status.adopted_with_conditions", "Antaget med villkor", "Adopted with conditions"},
    {"status.declined", "Avböjt", "Declined"},
    {"status.paused", "Pausat", "Paused"},
    {"status.not_concerned", "Berörs inte", "Not concerned"},
    {"key_kind.equal", "Lika delar", "Equal shares"},
    {"key_kind.per_capita", "Per invånare", "Per capita"},
    {"key_kind.fixed", "Fasta andelar", "Fixed shares"},
    {"key_kind.region_split", "Regionandel + per invånare", "Region share + per capita"},
    {"key_kind.base_plus_per_capita", "Grundavgift + per invånare", "Base fee + per capita"},

    {"slide_kind.overview", "Översikt", "Overview"},
    {"slide_kind.structure", "Struktur", "Structure"},
    {"slide_kind.matter", "Ärendets beslutsläge", "A matter's adoption status"},
    {"slide_kind.costs", "Kostnader per part", "Costs per party"},
    {"slide_kind.comparison", "Scenario mot bas", "Scenario against base"},
    {"slide_kind.what_if", "Tänk om …", "What if …"},
    {"ui.level", "Nivå", "Level"},
    {"ui.target_group", "Målgrupp", "Target group"},
    {"ui.reports_to", "Under", "Reports to"},
    {"ui.repeat_text", "{0} grupper per {1}, {2} totalt", "{0} groups per {1}, {2} in all"},
    {"ui.mandate", "Uppdrag", "Mandate"},
    {"ui.role", "Roll", "Role"},
    {"ui.organisation", "Organisation", "Organisation"},
    {"ui.name", "Namn", "Name"},
    {"ui.members", "Ledamöter", "Members"},
    {"ui.committee_meeting", "Nämndsammanträde", "Committee meeting"},
    {"ui.committee_meetings", "Nämndsammanträden", "Committee meetings"},
    {"ui.send_by", "Skicka ut senast", "Send out by"},
    {"ui.planning_note", "Kommentar", "Comment"},
    {"ui.plan_no_dates", "Inga sammanträdesdatum inlagda", "No meeting dates entered"},
    {"ui.plan_too_late", "Inget möte före sista dag (nästa: {0})", "No meeting before the deadline (next: {0})"},
    {"ui.plan_send_passed", "Utskicksdagen har passerat", "The send-out day has passed"},
    {"ui.backward_planning", "bakåtplanering", "backward planning"},
    {"ui.org_number", "Organisationsnummer", "Organisation number"},
    {"ui.body", "Organ", "Body"},
    {"ui.contact", "Kontakt", "Contact"},
    {"ui.share_percent", "Andel (%)", "Share (%)"},
    {"csv.parties", "parter", "parties"},
    {"csv.members", "ledamoter", "members"},
    {"csv.decisions", "beslut", "decisions"},
    {"csv.costs", "kostnader", "costs"},
    {"paper.title", "Beslutsunderlag", "Decision basis"},
    {"paper.adoption", "Beslutsläge", "Adoption status"},
    {"paper.condition", "{0} har villkorat sitt beslut: {1}", "{0} attached a condition: {1}"},
    {"paper.if_decline", "Om {0} inte deltar fördelas kostnaden {1} på de övriga så här:", "If {0} do not take part, the cost in {1} is shared by the others like this:"},
    {"paper.if_also_pending", "Om även de som inte har beslutat avstår ({0}) blir kostnaden {1}:", "If those that have not decided also stay out ({0}), the cost in {1} becomes:"},
    {"paper.without_them", "Utan dem", "Without them"},
    {"paper.without", "utan {0}", "without {0}"},
    {"annex.title", "Bilaga för {0}: {1}", "Annex for {0}: {1}"},
    {"annex.share", "Kostnadsandel", "Share of the costs"},
    {"annex.share_caption", "Kostnad per år för {0}", "{0}'s cost per year"},
    {"annex.not_paying", "{0} betalar inte för samverkan.", "{0} does not pay for the collaboration."},
    {"annex.decisions_due", "Beslut att fatta", "Decisions to make"},
    {"annex.due_caption", "Ärenden där {0} ännu inte har beslutat", "Matters {0} has not decided yet"},
    {"annex.nothing_due", "Inga beslut väntar.", "No decisions are waiting."},
    {"annex.decisions_made", "Fattade beslut", "Decisions made"},
    {"annex.if_declines", "Om {0} avböjer", "If {0} declines"},
    {"annex.consequence", "{0} betalar {1} år {2}. Avböjer {0} fördelas beloppet på de övriga parterna:", "{0} pays {1} in {2}. If {0} declines, the amount is shared by the other parties:"},
    {"annex.others_caption", "De övriga parternas kostnad {1} utan {0}", "The other parties' cost in {1} without {0}"},
    // Reports and views.
    {"ui.app_title", "Samverkan", "Samverkan"},
    {"ui.overview", "Översikt", "Overview"},
    {"ui.structure", "Struktur", "Structure"},
    {"ui.decisions", "Beslut", "Decisions"},
    {"ui.costs", "Kostnader", "Costs"},
    {"ui.scenarios", "Scenarier", "Scenarios"},
    {"ui.parties", "Parter", "Parties"},
    {"ui.party", "Part", "Party"},
    {"ui.kind", "Typ", "Kind"},
    {"ui.population", "Invånare", "Population"},
    {"ui.no_workspace", "Ingen arbetsyta är öppen.", "No workspace is open."},
    {"ui.loading", "Laddar arbetsytan …", "Loading the workspace …"},
    {"ui.key_figures", "Nyckeltal", "Key figures"},
    {"ui.total_cost_year", "Total kostnad {0}", "Total cost {0}"},
    {"ui.matters_count", "Ärenden", "Matters"},
    {"ui.adoption_rate", "Antagandegrad", "Adoption rate"},
    {"ui.overdue", "Försenade milstolpar", "Overdue milestones"},
    {"ui.needs_attention", "Behöver uppmärksamhet", "Needs attention"},
    {"ui.nothing_needs_attention", "Inget behöver uppmärksamhet just nu.", "Nothing needs attention right now."},
    {"ui.language", "Språk", "Language"},
    {"ui.amount", "Belopp", "Amount"},
    {"ui.share", "Andel", "Share"},
    {"ui.total", "Totalt", "Total"},
    {"ui.year", "År", "Year"},
    {"ui.item", "Post", "Item"},
    {"ui.status", "Status", "Status"},
    {"ui.matter", "Ärende", "Matter"},
    {"ui.adopted_of", "{0} av {1} har antagit", "{0} of {1} have adopted"},
    {"ui.declined_by", "Avböjt av: {0}", "Declined by: {0}"},
    {"ui.late", "Sena: {0}", "Late: {0}"},
    {"ui.base", "Bas", "Base"},
    {"ui.scenario", "Scenario", "Scenario"},
    {"ui.difference", "Skillnad", "Difference"},
    {"ui.deadline", "Sista dag", "Deadline"},
    {"ui.date", "Datum", "Date"},
    {"ui.deciding_body", "Beslutande organ", "Deciding body"},
    {"ui.conditions", "Villkor", "Conditions"},
    {"ui.note", "Anteckning", "Note"},
    {"ui.milestones", "Milstolpar", "Milestones"},
    {"ui.funding", "Extern finansiering", "External funding"},
    {"ui.net", "Netto", "Net"},
    {"ui.gross", "Brutto", "Gross"},
    {"ui.fte", "Årsarbetare", "FTE"},
    {"ui.cost_per_fte", "Kostnad per årsarbetare", "Cost per FTE"},
    {"ui.quantity", "Antal", "Quantity"},
    {"ui.key", "Fördelningsnyckel", "Allocation key"},
    {"ui.cost_summary", "Kostnader per part", "Costs per party"},
    {"ui.decision_summary", "Beslut per ärende", "Decisions per matter"},
    {"ui.problems", "Att kontrollera", "To check"},
    {"ui.none", "Inga", "None"},
    {"report.proposed_by", "Föreslaget av", "Proposed by"},
    {"report.what", "Vad", "What"},
    {"report.where", "Var", "Where"},
    {"report.done", "Klart", "Done"},
    {"report.yes", "Ja", "Yes"},
    {"report.no", "Nej", "No"},
    {"report.overdue", "Försenad", "Overdue"},
    {"report.items_caption", "Kostnadsposter per år", "Cost items per year"},
    {"report.diff_percent", "Skillnad %", "Difference %"},
    {"report.as_of", "Läget per", "Status as of"},
    {"ui.theme_light", "Ljust tema", "Light theme"},
    {"ui.theme_dark", "Mörkt tema", "Dark theme"},
    {"ui.status_ready", "Klar. Ctrl+Z ångrar, Ctrl+Y gör om.", "Ready. Ctrl+Z undoes, Ctrl+Y redoes."},
    {"ui.how_total", "Kostnadsposter {0} minus extern finansiering {1} = {2}", "Cost items {0} less external funding {1} = {2}"},
    {"ui.how_matters", "Antal ärenden i arbetsytan", "Number of matters in the workspace"},
    {"ui.how_adoption", "{0} av {1} berörda parters beslut är antaganden (med eller utan villkor)", "{0} of {1} concerned parties' decisions are adoptions (with or without conditions)"},
    {"ui.how_overdue", "Milstolpar som inte är klara och vars datum passerat ({0})", "Milestones not done whose date has passed ({0})"},
    {"ui.overdue_line", "Försenad milstolpe {0}: {1} ({2})", "Overdue milestone {0}: {1} ({2})"},
    {"ui.no_matters", "Inga ärenden ännu.", "No matters yet."},
    {"ui.adopted_short", "Antagit", "Adopted"},
    {"ui.no_costs", "Inga kostnadsposter ännu.", "No cost items yet."},
    {"ui.how_item", "{0} årsarbetare × {1} = {2}", "{0} FTE × {1} = {2}"},
    {"ui.per_municipality", "per kommun", "per municipality"},
    {"ui.meetings_per_year", "{0} möten per år", "{0} meetings a year"},
    {"ui.no_scenarios", "Inga scenarier ännu.", "No scenarios yet."},
    {"ui.read_only", "Du har en visningslänk: ändringar sparas inte.", "You have a view link: changes are not saved."},
    {"ui.keep_mine", "Behåll min ändring", "Keep my change"},
    {"ui.take_theirs", "Ta serverns", "Take the server's"},
    {"ui.sync_online", "Synkad · revision {0}", "In sync · revision {0}"},
    {"ui.sync_sending", "Skickar · {0} väntar", "Sending · {0} waiting"},
    {"ui.sync_offline", "Offline · {0} ändringar väntar", "Offline · {0} changes waiting"},
    {"ui.sync_view", "Visningslänk · revision {0}", "View link · revision {0}"},
    {"ui.sync_conflict", "Din ändring av {0} krockar med en annan ändring (revision {1}).", "Your change of {0} clashes with another change (revision {1})."},
    {"num.empty", "Skriv ett tal, till exempel 0,3.", "Type a number, for example 0.3."},
    {"num.empty_amount", "Skriv ett belopp, till exempel 295 000 kr.", "Type an amount, for example 295 000 kr."},
    {"num.not_number", "”{0}” är inget tal. Skriv till exempel 0,3 eller 1 500.", "“{0}” is not a number. Type for example 0,3 or 1 500."},
    {"num.not_amount", "”{0}” är inget belopp. Skriv till exempel 295 000 kr, 250 tkr eller 3,4 mnkr.", "“{0}” is not an amount. Type for example 295 000 kr, 250 tkr or 3,4 mnkr."},
    {"num.ambiguous_dot", "”{0}” kan läsas på två sätt. Skriv tusental med mellanslag (150 000) och decimaler med komma (150,5).", "“{0}” can be read two ways. Group thousands with spaces (150 000) and write decimals with a comma (150,5)."},
    {"num.grouping", "”{0}”: tusental grupperas tre siffror i taget, till exempel 1 500 000.", "“{0}”: thousands are grouped three digits at a time, for example 1 500 000."},
    {"num.whole_kronor", "”{0}”: belopp anges i hela kronor.", "“{0}”: amounts are in whole kronor."},
    {"ui.fixed_amount", "Fast", "Fixed"},
    {"ui.switch_to_fte", "Ett fast belopp per år. Klicka för att räkna posten som årsarbetare × kostnad per årsarbetare (samma kostnad).", "A fixed amount per year. Click to count the item as FTE × cost per FTE (the same cost)."},
    {"ui.switch_to_amount", "Gör posten till ett fast belopp per år (samma kostnad)", "Make the item a fixed amount per year (the same cost)"},
    {"ui.item_added", "En ny post på 0 kr lades till. Skriv beloppet, eller klicka Fast för att räkna årsarbetare × kostnad.", "A new item of 0 kr was added. Type its amount, or click Fixed to count FTE × cost."},
    {"ui.last_year_moved", "Sista året flyttades också till {0}, så att perioden hänger ihop.", "The last year moved to {0} too, so that the period holds together."},
    {"ui.first_year_moved", "Första året flyttades också till {0}, så att perioden hänger ihop.", "The first year moved to {0} too, so that the period holds together."},
    {"ui.view_mode", "Visningsläge", "View only"},
    {"ui.view_mode_help", "Du har en visningslänk: du kan titta, följa presentationen och ladda ner, men inte ändra. Be om redigeringslänken för att ändra.", "You have a view link: you can look, follow the presentation and download, but not change anything. Ask for the edit link to make changes."},
    {"ui.year_outside", "Budgeten gäller {1}–{2}; {0} har inga kostnader. Visar {3}.", "The budget covers {1}–{2}; {0} has no costs. Showing {3}."},
    {"ui.undo_clash", "Kan inte ångra: någon annan har ändrat {0} efter dig. Ändra värdet direkt i stället.", "Cannot undo: someone else changed {0} after you. Change the value directly instead."},
    {"ui.redo_clash", "Kan inte göra om: någon annan har ändrat {0} sedan du ångrade.", "Cannot redo: someone else changed {0} since you undid."},
    {"ui.sync_dropped", "En ändring sparades inte: {0}", "A change was not saved: {0}"},
    // Erasing a person's data (core/erase.h).
    {"erase.too_short", "Texten att radera ska vara minst 3 tecken (kortare skulle träffa för mycket)", "The text to erase must be at least 3 characters (shorter would hit too much)"},
    {"erase.marker", "Texten finns i själva markeringen \"[borttaget]\" och kan inte raderas", "The text is part of the marker \"[borttaget]\" itself and cannot be erased"},
    {"ui.local_demo", "Sparas i den här webbläsaren, inte på någon server (öppna en länk från servern för att dela)", "Kept in this browser, not on a server (open a link from the server to share)"},
    {"ui.add_child", "Lägg till underorgan", "Add a body below"},
    {"ui.add_item", "Lägg till post", "Add an item"},
    {"ui.add_member", "Lägg till ledamot", "Add a member"},
    {"ui.add_task", "Nytt uppdrag (Enter lägger till)", "New task (Enter adds it)"},
    {"ui.add_top_body", "Nytt organ överst", "New top-level body"},
    {"ui.amount_per_year", "Belopp per år", "Amount per year"},
    {"ui.annex", "Bilaga för en part", "Annex for a party"},
    {"ui.bad_amount", "\"{0}\" är inget belopp (skriv t.ex. 295 000 eller 3,4 mnkr)", "\"{0}\" is not an amount (write e.g. 295 000 or 3,4 mnkr)"},
    {"ui.bad_decimal", "\"{0}\" är inget tal större än eller lika med 0 (skriv t.ex. 0,3)", "\"{0}\" is not a number of 0 or more (write e.g. 0,3)"},
    {"ui.bad_int", "\"{0}\" är inget heltal mellan {1} och {2}", "\"{0}\" is not a whole number from {1} to {2}"},
    {"ui.base_fee", "Grundavgift", "Base fee"},
    {"ui.blank_is_base", "Tomt fält: som i basen.", "Blank: as in the base."},
    {"ui.chart_legend", "Stapel: scenariot · tunn grå stapel: basen", "Bar: the scenario · thin grey bar: the base"},
    {"ui.chart_year", "Kostnad per part {0}", "Cost per party {0}"},
    {"ui.close", "Stäng", "Close"},
    {"ui.csv_parties", "Parter", "Parties"},
    {"ui.csv_members", "Ledamöter", "Members"},
    {"ui.csv_decisions", "Beslut", "Decisions"},
    {"ui.csv_costs", "Kostnader per part och år", "Costs per party and year"},
    {"ui.date_hint", "ÅÅÅÅ-MM-DD", "YYYY-MM-DD"},
    {"ui.delete_body", "Ta bort organet", "Delete the body"},
    {"ui.delete_body_help", "Underorganen flyttas upp ett steg. Ctrl+Z ångrar.", "Its bodies move up one level. Ctrl+Z undoes."},
    {"ui.delete_scenario", "Ta bort", "Delete"},
    {"ui.deleted", "{0} togs bort. Ctrl+Z ångrar.", "{0} was deleted. Ctrl+Z undoes."},
    {"ui.diagram_help", "Dra för att panorera, hjul eller + − för att zooma, 0 visar allt, klicka på en ruta för att ändra den.", "Drag to pan, wheel or + − to zoom, 0 shows all, click a box to edit it."},
    {"ui.export_csv", "Exportera CSV (Excel)", "Export CSV (Excel)"},
    {"ui.file", "Arkiv", "File"},
    {"ui.fit", "Visa allt", "Show all"},
    {"ui.following", "Följer presentatören · Esc slutar följa", "Following the presenter · Esc stops following"},
    {"ui.how_send_by", "Nämnden sammanträder {0}; underlaget ska ut {1} dagar före.", "The committee meets {0}; the papers go out {1} days before."},
    {"ui.import_parties", "Importera parter (CSV) …", "Import parties (CSV) …"},
    {"ui.imported_party", "1 part lades till, {1} uppdaterades. Ctrl+Z ångrar.", "1 party added, {1} updated. Ctrl+Z undoes."},
    {"ui.imported_none", "Filen har rubrikraden men inga parter.", "The file has the header but no parties."},
    {"ui.imported_encoding", "Filen lästes som {0}: kontrollera å, ä och ö.", "The file was read as {0}: check å, ä and ö."},
    {"ui.imported_parties", "{0} parter lades till, {1} uppdaterades. Ctrl+Z ångrar.", "{0} parties added, {1} updated. Ctrl+Z undoes."},
    {"ui.item_changes", "Ändra poster i scenariot", "Change items in the scenario"},
    {"ui.meetings_per_year_label", "Möten per år", "Meetings a year"},
    {"ui.member", "Ledamot", "Member"},
    {"ui.members_count", "{0} ledamöter", "{0} members"},
    {"ui.new_body", "Nytt organ", "New body"},
    {"ui.new_item", "Ny kostnadspost", "New cost item"},
    {"ui.new_role", "Ny roll", "New role"},
    {"ui.new_scenario", "Nytt scenario", "New scenario"},
    {"ui.new_scenario_name", "Nytt scenario", "New scenario"},
    {"ui.no_bodies", "Inga organ ännu.", "No bodies yet."},
    {"ui.no_hits", "Inga träffar.", "Nothing found."},
    {"ui.no_milestones", "Inga milstolpar.", "No milestones."},
    {"ui.not_taking_part", "deltar inte", "not taking part"},
    {"ui.open_file", "Öppna fil …", "Open file …"},
    {"ui.opened", "Öppnade {0}.", "Opened {0}."},
    {"ui.paper", "Beslutsunderlag (Markdown)", "Decision basis (Markdown)"},
    {"ui.per_party", "Per part", "Per party"},
    {"ui.present", "Presentera", "Present"},
    {"ui.present_help", "Helskärm för projektor (F5). Piltangenter byter bild, Esc avslutar.", "Full screen for a projector (F5). Arrow keys change slides, Esc ends."},
    {"ui.proposed", "Förslag", "Proposal"},
    {"ui.region_percent", "Regionens andel (%)", "Region's share (%)"},
    {"ui.remove_item", "Ta bort posten (Ctrl+Z ångrar)", "Remove the item (Ctrl+Z undoes)"},
    {"ui.remove_member", "Ta bort ledamoten", "Remove the member"},
    {"ui.remove_task", "Ta bort uppdraget", "Remove the task"},
    {"ui.repeat_short", "× {0} per kommun ({1} grupper)", "× {0} per municipality ({1} groups)"},
    {"ui.report_html", "Rapport (HTML)", "Report (HTML)"},
    {"ui.required", "Fältet får inte vara tomt.", "The field must not be empty."},
    {"ui.save_as_scenario", "Spara som scenario", "Save as a scenario"},
    {"ui.save_file", "Spara en kopia …", "Save a copy …"},
    {"ui.saved_scenario", "Sparat som scenariot \"{0}\".", "Saved as the scenario \"{0}\"."},
    {"ui.scale_help", "Textstorlek (Ctrl+ och Ctrl−)", "Text size (Ctrl+ and Ctrl−)"},
    {"ui.search", "Sök", "Search"},
    {"ui.search_hint", "Sök parter, organ, ledamöter, ärenden, poster …", "Search parties, bodies, members, matters, items …"},
    {"ui.slide_keys", "← → byter bild · Esc avslutar", "← → change slides · Esc ends"},
    {"ui.slide_of", "Bild {0} av {1}", "Slide {0} of {1}"},
    {"ui.today", "Idag", "Today"},
    {"ui.top_level", "(överst)", "(top level)"},
    {"ui.what_if", "Tänk om …", "What if …"},
    {"ui.who_takes_part", "Vilka deltar?", "Who takes part?"},
    {"ui.whole_budget", "Hela budgeten", "The whole budget"},
    {"ui.workspace_key", "Arbetsytans nyckel", "The workspace's key"},
    {"ui.years", "År (från–till)", "Years (from–to)"},
    {"ui.offline_copy", "Servern svarar inte: du arbetar i den sparade kopian. Ändringarna skickas när servern svarar igen.", "The server does not answer: you are working in the kept copy. Changes are sent when the server answers again."},
    {"ui.home_folder", "Hemkatalog", "Home folder"},
    {"ui.saved_to", "Sparat i {0}", "Saved to {0}"},
    {"ui.recover_title", "Återställa osparade ändringar?", "Restore unsaved changes?"},
    {"ui.recover_text", "Samverkan avslutades oväntat. Det finns en automatiskt sparad kopia av arbetsytan ({0}). Vill du återställa den?", "Samverkan ended unexpectedly. There is an automatically saved copy of the workspace ({0}). Restore it?"},
    {"ui.recover_yes", "Återställ", "Restore"},
    {"ui.recover_no", "Kasta kopian", "Discard the copy"},
    {"ui.recovered", "Återställde den automatiskt sparade kopian ({0}).", "Restored the automatically saved copy ({0})."},
    {"ui.recent_files", "Senaste filer", "Recent files"},
    {"ui.more_lines", "… och {0} till (se rapporten)", "… and {0} more (see the report)"},
    {"ui.party_page", "Parter {0}–{1} av {2}", "Parties {0}–{1} of {2}"},
    {"ui.committee_meetings_help", "Datum då partens beslutande nämnd sammanträder. Bakåtplaneringen räknar ut när underlaget senast ska skickas ut.", "Dates the party's deciding committee meets. Backward planning works out the latest day to send the papers out."},
    {"ui.add_meeting", "Nytt datum (Enter)", "New date (Enter)"},
    {"ui.new_party", "Ny part", "New party"},
    {"ui.lead_days", "Dagar före sammanträdet som underlaget ska ut", "Days before the meeting the papers must go out"},
    {"ui.delete_party", "Ta bort parten", "Delete the party"},
    {"ui.delete_party_help", "Partens beslut och plats bland de betalande tas bort också. Ctrl+Z ångrar.", "The party's decisions and place among the payers go too. Ctrl+Z undoes."},
    {"ui.add_party", "Lägg till part", "Add a party"},
    {"ui.party_click_help", "Klicka på en part för att ändra den.", "Click a party to edit it."},
    {"ui.add_slide", "+ Bild", "+ Slide"},
    {"ui.add_slide_help", "Lägg till vyn du ser som nästa bild i presentationen (F5 visar bilderna).", "Add the view you see as the presentation's next slide (F5 shows the slides)."},
    {"ui.slide_added", "Vyn är bild {0} i presentationen.", "The view is slide {0} of the presentation."},
    {"ui.chip_open", "Pågår", "Open"},
    {"ui.chip_adopted", "Antaget", "Adopted"},
    {"ui.chip_late", "Försenat", "Late"},
    {"ui.chip_declined", "Avböjt av några", "Declined by some"},
    {"ui.approx_population", "Befolkningssiffrorna är ungefärliga.", "The population figures are approximate."},
};

const std::unordered_map<std::string_view, const Entry*>& Index() {
    static const std::unordered_map<std::string_view, const Entry*> index = [] {
        std::unordered_map<std::string_view, const Entry*> m;
        for (const Entry& e : kTable) m[e.key] = &e;
        return m;
    }();
    return index;
}

}  // namespace

std::string_view Tr(Lang lang, std::string_view key) {
    auto& idx = Index();
    auto it = idx.find(key);
    if (it == idx.end()) return key;
    return lang == Lang::Sv ? it->second->sv : it->second->en;
}

std::string FillArgs(std::string_view tmpl, const std::vector<std::string>& args) {
    std::string out;
    for (size_t i = 0; i < tmpl.size(); ++i) {
        if (tmpl[i] == '{' && i + 2 < tmpl.size() && tmpl[i + 2] == '}' && tmpl[i + 1] >= '0' && tmpl[i + 1] <= '9') {
            size_t n = (size_t)(tmpl[i + 1] - '0');
            out += n < args.size() ? args[n] : "";
            i += 2;
        } else {
            out += tmpl[i];
        }
    }
    return out;
}

std::string TrF(Lang lang, std::string_view key, const std::vector<std::string>& args) {
    return FillArgs(Tr(lang, key), args);
}

std::string TrEnumNoun(Lang lang, std::string_view group, std::string_view value) {
    std::string s(TrEnum(lang, group, value));
    if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z') s[0] = (char)(s[0] - 'A' + 'a');
    return s;
}

std::string_view TrEnum(Lang lang, std::string_view group, std::string_view value) {
    std::string key = std::string(group) + "." + std::string(value);
    auto& idx = Index();
    auto it = idx.find(key);
    if (it == idx.end()) return value;
    return lang == Lang::Sv ? it->second->sv : it->second->en;
}

std::vector<std::string_view> AllTextKeys() {
    std::vector<std::string_view> keys;
    for (const Entry& e : kTable) keys.push_back(e.key);
    return keys;
}

}  // namespace sam
