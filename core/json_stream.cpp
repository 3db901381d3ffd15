#include "json_stream.h"

#include <iterator>
#include <map>
#include <utility>
#include "format.h"
#include "json_io.h"
#include "json_scan.h"

namespace sam {

namespace {

using string_t = json::string_t;

// A SAX handler that builds a JSON tree the way nlohmann's own does, with two short
// cuts. Depths count open containers: the document is 1, a collection 2, an entity 3,
// a matter's "decisions" 4 and one decision 5.
//  - An entity (an object directly in an object-shaped collection) is read with
//    ParseEntity when it closes and then dropped from the tree.
//  - A decision whose fields are all scalars never becomes a tree; anything unusual in
//    it turns it back into a tree and the ordinary parser reads it.
class Loader : public json::json_sax_t {
public:
    Loader(Workspace& ws, std::vector<Problem>& out) : ws_(ws), out_(out) {}

    json root;
    std::string error;

    std::optional<DecisionTally> TakeTally() {
        if (!counted_) return std::nullopt;
        return counter_.Take();
    }

    bool null() override { return Scalar(json(nullptr)); }
    bool boolean(bool v) override { return Scalar(json(v)); }
    bool number_integer(number_integer_t v) override { return Scalar(json(v)); }
    bool number_unsigned(number_unsigned_t v) override { return Scalar(json(v)); }
    bool number_float(number_float_t v, const string_t&) override { return Scalar(json(v)); }
    bool string(string_t& v) override {
        if (Fast()) { Field().key.swap(decision_.key); Last().text.swap(v); Last().is_text = true; return true; }
        return Scalar(json(std::move(v)));
    }
    bool binary(binary_t&) override { return false; }

    bool key(string_t& k) override {
        size_t depth = open_.size();
        if (depth == 1) top_ = k;
        if (depth == 2) entity_ = k;
        if (depth == 3) field_ = k;
        if (Fast()) { decision_.key = std::move(k); return true; }
        if (depth == 4 && in_decisions_) {   // the slot is made only if the value needs a tree
            party_ = k;
            slot_ = nullptr;
            return true;
        }
        slot_ = &(*stack_.back())[k];
        return true;
    }

    bool start_object(std::size_t) override {
        size_t depth = open_.size();
        if (Fast()) ToTree();
        if (depth == 4 && in_decisions_ && !decision_.active) {
            decision_.active = true;
            decision_.tree = false;
            decision_.used = 0;   // the fields keep their capacity: no allocation per decision
            open_.push_back(true);
            return true;
        }
        if (depth == 3 && entity_is_matter_ && field_ == "decisions") in_decisions_ = true;
        Push(json(json::value_t::object));
        if (depth == 1) collection_is_object_ = IsCollection(top_);
        if (depth == 2 && collection_is_object_) {
            in_entity_ = true;
            entity_is_matter_ = top_ == "matters";
            decisions_.clear();
        }
        open_.push_back(true);
        return true;
    }

    bool end_object() override {
        size_t depth = open_.size();
        open_.pop_back();
        if (depth == 5 && decision_.active) {
            json* tree = nullptr;
            if (decision_.tree) { tree = stack_.back(); stack_.pop_back(); }
            FinishDecision(tree);
            if (tree) stack_.back()->erase(party_);   // the decisions object keeps nothing of it
            decision_.active = decision_.tree = false;
            decision_.used = 0;
            return true;
        }
        json* closed = stack_.back();
        stack_.pop_back();
        if (depth == 4 && in_decisions_) in_decisions_ = false;
        if (depth == 3 && in_entity_) {
            ParseEntity(*closed, top_, entity_, ws_, out_);
            if (entity_is_matter_) {
                auto it = ws_.matters.find(entity_);
                if (it != ws_.matters.end()) {
                    auto& ds = it->second.decisions;
                    // Canonical files list parties in order: insert at the end, no search.
                    for (auto& [party, d] : decisions_) {
                        if (!ds.empty() && !(std::prev(ds.end())->first < party)) ds[party] = std::move(d);
                        else ds.emplace_hint(ds.end(), std::move(party), std::move(d));
                    }
                    counted_ &= counter_.Add(entity_, it->second);   // while they are in the cache
                }
            }
            decisions_.clear();
            stack_.back()->erase(entity_);
            in_entity_ = entity_is_matter_ = false;
        }
        return true;
    }

    bool start_array(std::size_t) override {
        size_t depth = open_.size();
        if (Fast()) ToTree();
        Push(json(json::value_t::array));
        if (depth == 1) collection_is_object_ = false;
        open_.push_back(false);
        return true;
    }

    bool end_array() override {
        open_.pop_back();
        stack_.pop_back();
        return true;
    }

    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& e) override {
        error = e.what();
        return false;
    }

private:
    struct DecisionFields {
        bool active = false;
        bool tree = false;   // read as a tree after all
        std::string key;
        struct Field { std::string key; std::string text; json other; bool is_text; };
        std::vector<Field> fields;
        size_t used = 0;
    };

    bool Fast() const { return decision_.active && !decision_.tree; }

    void Push(json value) {
        json* at;
        if (stack_.empty()) {
            root = std::move(value);
            at = &root;
        } else if (stack_.back()->is_array()) {
            stack_.back()->push_back(std::move(value));
            at = &stack_.back()->back();
        } else {
            if (!slot_) slot_ = &(*stack_.back())[party_];
            *slot_ = std::move(value);
            at = slot_;
        }
        if (at->is_structured()) stack_.push_back(at);
    }

    // The next field of the current decision, reusing earlier decisions' strings.
    DecisionFields::Field& Field() {
        if (decision_.used == decision_.fields.size()) decision_.fields.emplace_back();
        auto& f = decision_.fields[decision_.used++];
        f.text.clear();
        f.is_text = false;
        return f;
    }
    DecisionFields::Field& Last() { return decision_.fields[decision_.used - 1]; }
    json FieldJson(DecisionFields::Field& f) { return f.is_text ? json(f.text) : f.other; }

    bool Scalar(json v) {
        if (Fast()) { Field().key.swap(decision_.key); Last().other = std::move(v); return true; }
        Push(std::move(v));
        return true;
    }

    // Something nested in a decision: make what was read a tree and go on as a tree.
    void ToTree() {
        decision_.tree = true;
        json obj = json::object();
        for (size_t i = 0; i < decision_.used; ++i) obj[decision_.fields[i].key] = FieldJson(decision_.fields[i]);
        decision_.used = 0;
        json& slot = (*stack_.back())[party_];
        slot = std::move(obj);
        stack_.push_back(&slot);
        slot_ = &slot[decision_.key];
    }

    void FinishDecision(json* tree) {
        auto base = [&] { return "/matters/" + entity_ + "/decisions"; };
        if (tree) {
            decisions_.emplace_back(party_, ParseDecision(*tree, base(), party_, out_));
            return;
        }
        // The common shape: text fields, a known status, a valid date.
        Decision d;
        bool simple = IsValidId(party_), has_status = false;
        for (size_t i = 0; i < decision_.used && simple; ++i) {
            auto& f = decision_.fields[i];
            const std::string& k = f.key;
            // Which known field, by length first: no string compares for the rest.
            int field = -1;   // 0 status, 1 date, 2 body, 3 conditions, 4 note
            switch (k.size()) {
                case 6: if (k == "status") field = 0; break;
                case 4: if (k == "date") field = 1; else if (k == "body") field = 2; else if (k == "note") field = 4; break;
                case 10: if (k == "conditions") field = 3; break;
                case 13: if (k == "within_budget") field = 5; break;
                case 5: if (k == "steps") field = 5; break;
            }
            if (field == 5) { simple = false; break; }   // not text: the ordinary parser reads it
            if (field < 0) {
                if (!d.extra.is_object()) d.extra = json::object();
                d.extra[k] = FieldJson(f);
                continue;
            }
            if (!f.is_text) { simple = false; break; }
            switch (field) {
                case 0: has_status = FromString(f.text, d.status); simple &= has_status; break;
                case 1: simple &= f.text.empty() || IsValidDate(f.text); d.date = f.text; break;
                case 2: d.body = f.text; break;
                case 3: d.conditions = f.text; break;
                default: d.note = f.text; break;
            }
        }
        if (simple && has_status) {
            decisions_.emplace_back(party_, std::move(d));
            return;
        }
        // Let the ordinary parser name the problem.
        json obj = json::object();
        for (size_t i = 0; i < decision_.used; ++i) obj[decision_.fields[i].key] = FieldJson(decision_.fields[i]);
        if (IsValidId(party_)) decisions_.emplace_back(party_, ParseDecision(obj, base(), party_, out_));
        else out_.push_back({Severity::Error, base() + "/" + party_, "err.bad_id", {party_}});
    }

    Workspace& ws_;
    std::vector<Problem>& out_;
    std::vector<json*> stack_;     // open containers of the tree
    std::vector<bool> open_;       // every open container, tree or not (true: object)
    json* slot_ = nullptr;         // where the next value of an object goes
    std::string top_, entity_, field_, party_;
    bool collection_is_object_ = false;
    bool in_entity_ = false;
    bool entity_is_matter_ = false;
    bool in_decisions_ = false;
    DecisionFields decision_;
    std::vector<std::pair<std::string, Decision>> decisions_;   // the current matter's, in file order
    DecisionCounter counter_;
    bool counted_ = true;
};

}  // namespace

struct StreamPieces::Reader {
    Reader(Workspace& ws, std::vector<Problem>& out) : loader(ws, out), scan(loader, 2) {}
    Loader loader;
    PieceScan scan;   // the document and its collections bracket by bracket, entities whole
};

StreamPieces::StreamPieces(Workspace& ws, std::vector<Problem>& out) : reader_(std::make_unique<Reader>(ws, out)) {}
StreamPieces::~StreamPieces() = default;
PieceScan::State StreamPieces::Feed(std::string_view text, bool complete) { return reader_->scan.Feed(text, complete); }
PieceScan& StreamPieces::scan() { return reader_->scan; }

StreamResult StreamPieces::Finish() {
    StreamResult r;
    r.parsed = reader_->scan.state() == PieceScan::State::Done;
    if (!r.parsed) {
        r.error = reader_->scan.error().empty() ? "unexpected end of input" : reader_->scan.error();
        return r;
    }
    r.rest = std::move(reader_->loader.root);
    r.tally = reader_->loader.TakeTally();
    return r;
}

StreamResult StreamWorkspace(std::string_view text, Workspace& ws, std::vector<Problem>& out, const ScanProgress* progress) {
    StreamResult r;
    Loader loader(ws, out);
    r.parsed = ScanJson(text, loader, r.error, progress);
    if (!r.parsed) return r;
    r.rest = std::move(loader.root);
    r.tally = loader.TakeTally();
    return r;
}

}  // namespace sam
