// Editable fields that commit one JSON Patch when editing ends (Enter, Tab or a click
// elsewhere; Esc cancels). Every view edits through these, so each change is one Undo step.
#pragma once
#include <functional>
#include <string>
#include <vector>
#include <imgui.h>
#include "app.h"
#include "i18n.h"
#include "model.h"

namespace ui {

// Text at `path`; empty text removes an optional field (required: refused with a message).
bool EditText(App& app, const char* id, const std::string& path, const std::string& value, bool required = false);
// A whole number in [lo, hi].
bool EditInt(App& app, const char* id, const std::string& path, int64_t value, int64_t lo, int64_t hi);
// A decimal written the Swedish way ("0,3"; "0.3" is accepted too), at least 0.
bool EditDecimal(App& app, const char* id, const std::string& path, double value);
// An amount in kronor: "295 000", "295 000 kr", "3,4 mnkr", "250 tkr".
bool EditAmount(App& app, const char* id, const std::string& path, int64_t value);
// A date YYYY-MM-DD; empty removes it.
bool EditDate(App& app, const char* id, const std::string& path, const std::string& value);

// The same text and date fields, committing the patch `make` builds from the new value ("" when
// emptied): for an edit that must change more than the field (a decision step also updates
// the status its steps give).
using PatchFor = std::function<sam::json(const std::string& value)>;
bool EditTextWith(App& app, const char* id, const std::string& value, const PatchFor& make, bool required = false);
bool EditDateWith(App& app, const char* id, const std::string& value, const PatchFor& make);

// A list of texts (or dates: checked, refused at the field), each editable and removable and
// one more added at the end; true with the whole new list in `out` when an edit ended (the
// caller commits it as one patch). `name` says what the items are, for a screen reader.
bool EditList(App& app, const char* id, const std::vector<std::string>& items, std::vector<std::string>& out, bool dates,
              const std::string& name, const char* add_hint);

// Buttons and boxes that change the workspace: greyed out with a view link (Visningsläge).
bool EditButton(App& app, const char* label, bool small = false, ImVec2 size = ImVec2(0, 0));
bool EditCheckbox(App& app, const char* label, bool* value);
// Greys out what follows until EndReadOnly when the app has a view link.
void BeginReadOnly(const App& app);
void EndReadOnly(const App& app);

bool BeginEnumCombo(App& app, const char* id, const char* current, const std::string& name = "");   // name: what a screen reader calls it
bool EnumItem(const char* label, bool selected);
void EndEnumCombo();

// A combo over an enum's values with their translated names (group as in TrEnum).
template <class E>
bool EditEnum(App& app, const char* id, const std::string& path, E value, const char* group) {
    bool changed = false;
    if (BeginEnumCombo(app, id, sam::TrEnum(app.lang, group, sam::ToString(value)).data())) {
        for (E e : sam::AllValues<E>()) {
            bool selected = e == value;
            if (EnumItem(sam::TrEnum(app.lang, group, sam::ToString(e)).data(), selected) && !selected)
                changed = ApplyEdit(app, sam::json::array({{{"op", "add"}, {"path", path}, {"value", sam::ToString(e)}}}));
        }
        EndEnumCombo();
    }
    return changed;
}

// The text field underneath: shows `value`, returns true with the new text when an
// edit ends with a different text.
bool TextInput(App& app, const char* id, const std::string& value, std::string& out, const char* hint = nullptr);

}  // namespace ui
