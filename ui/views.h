// The views of the app. Each reads the document and emits edits through ApplyEdit.
#pragma once
#include <imgui.h>
#include "app.h"

namespace ui {

void DrawHeader(App& app);
void SaveCopy(App& app);         // the workspace as a .samverkan.json file (download / save as)       // workspace name, view tabs, language and theme switches
void DrawStatusBar(App& app);    // last message, undo state
bool StatusFitsOneLine(const App& app, float width);
float StatusBarHeight(const App& app, float width);   // what DrawStatusBar takes at this width
void DrawOverview(App& app);
void DrawStructure(App& app);
void DrawDecisions(App& app);
void DrawCosts(App& app);
void DrawScenarios(App& app);
void DrawPortfolio(App& app);   // one party across several workspaces (app.portfolio)
void DrawPresentation(App& app);
void DrawPartyPanel(App& app);   // the selected party's details (Översikt)
void AddParty(App& app);
void AddViewAsSlide(App& app);   // the view on screen as the presentation's next slide // full screen slides (F5 / Esc)
void DrawSearch(App& app);       // Ctrl+F: find parties, bodies, members, matters and items

// Shared widgets.
void TextRight(const char* text);               // right-aligned in the current table cell
// Text a screen reader gets too (plain ImGui text is no item the mirror sees).
void Say(const std::string& text);
void SayWrapped(const std::string& text);        // wrapped at the window's edge
void SayDisabled(const std::string& text);       // in the faint colour
void HelpTooltip(const char* text);             // on the last item
void HeadersRow();
// How many columns of party checkboxes fit, each as wide as the longest name needs.
int CheckboxColumns(const App& app, const std::vector<std::string>& party_ids);
void YearCombo(App& app, const sam::Budget& b, int year);   // the year the costs and scenarios show                              // a table's headers; a header cut short is whole in its tooltip
const char* PartyName(const App& app, const std::string& id);
// Status is shown by colour and by a symbol, never by colour alone.
struct StatusLook { const char* symbol; ImVec4 color; };
StatusLook LookOf(sam::DecisionStatus s);
// A colour chip and a symbol; `say`: a screen reader reads the status in words.
void StatusCell(App& app, sam::DecisionStatus s, const std::string& mark = "", bool say = true, const sam::Decision* d = nullptr);

}  // namespace ui
