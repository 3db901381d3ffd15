// The workspace's JSON format: canonical serialization and a parser that reports
// every problem with its JSON path instead of throwing.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>
#include "decisions.h"
#include "json_scan.h"
#include "model.h"
#include "problem.h"

namespace sam {

// The collections of a workspace, as JSON keys, in the order they appear in the file.
inline constexpr const char* kCollections[] = {"bodies", "cost_items", "focus_areas", "funding", "in_kind", "matters", "parties", "scenarios"};
bool IsCollection(std::string_view key);

json ToJson(const Workspace& ws);
json RootToJson(const Workspace& ws);   // everything but the collections
json ToJson(const Party&);
json ToJson(const Slide&);
json ToJson(const Body&);
json ToJson(const Member&);
json ToJson(const Matter&);
json MatterToJsonWithoutDecisions(const Matter&);   // the writer adds them itself
json ToJson(const Decision&);
json ToJson(const Milestone&);
json ToJson(const CostItem&);
json ToJson(const Funding&);
json ToJson(const InKind&);
json ToJson(const FocusArea&);
json ToJson(const Scenario&);
json ToJson(const AllocationKey&);
json CollectionToJson(const Workspace& ws, std::string_view collection);
json EntityToJson(const Workspace& ws, std::string_view collection, const std::string& id);
bool HasEntity(const Workspace& ws, std::string_view collection, const std::string& id);

// Parsers append problems (with paths below `path`) and fill what they can.
void ParseRoot(const json& j, Workspace& ws, std::vector<Problem>& out);
void ParseCollection(const json& j, std::string_view collection, Workspace& ws, std::vector<Problem>& out);
// Parses one entity into ws (replacing any with that id).
void ParseEntity(const json& j, std::string_view collection, const std::string& id, Workspace& ws,
                 std::vector<Problem>& out);
void RemoveEntity(Workspace& ws, std::string_view collection, const std::string& id);
// One party's decision; problems get paths base + "/" + party.
Decision ParseDecision(const json& j, std::string_view base, std::string_view party, std::vector<Problem>& out);
bool ParseAllocationKey(const json& j, const std::string& path, AllocationKey& key, std::vector<Problem>& out);
// A scenario sent on its own (the facilitator's "what if"), checked against `ws`'s parties
// and items; false when it is not one.
bool ParseScenarioFor(const Workspace& ws, const json& j, Scenario& out);
// A whole workspace from JSON of the current schema version.
void ParseWorkspace(const json& j, Workspace& ws, std::vector<Problem>& out);

// Canonical text: 2-space indent, keys sorted, trailing newline. Save(Load(t)) == t for canonical t.
// pretty=false gives the compact form (one line, a third of the size) for storage and the wire.
std::string SaveWorkspace(const Workspace& ws, bool pretty = true);

struct LoadResult {
    bool ok = false;                   // false when any problem is an error
    Workspace workspace;
    std::vector<Problem> problems;     // errors (and nothing else: warnings come from CheckConsistency)
    int migrated_from = 0;             // the file's schema version when older than the current
    // TallyDecisions(workspace), counted while the decisions were read; absent when the file
    // was migrated or its matters came otherwise than once each in an object (then count anew).
    std::optional<DecisionTally> decision_tally;
};
// Parses text (any supported schema version, migrated to the current one). `progress`
// (json_scan.h) is told how far the text is read, entity by entity.
LoadResult LoadWorkspace(std::string_view text, const ScanProgress* progress = nullptr);

class StreamPieces;
// LoadWorkspace for text that arrives in pieces (a large download): Feed it all that has come
// so far each time (PieceScan), and entities are read into the model as they come whole.
// Once Feed says Done, Finish gives what LoadWorkspace gives for the same text; after Failed,
// it gives the error in the same words as LoadWorkspace.
class PieceLoad {
public:
    PieceLoad();
    ~PieceLoad();
    PieceScan::State Feed(std::string_view text, bool complete);
    // The workspace is a member of a larger answer: reading stops at its end (read() says where).
    void StopAfterValue();
    size_t read() const;
    LoadResult Finish();

private:
    std::unique_ptr<LoadResult> result_;   // where the streamed entities go: it must not move
    std::unique_ptr<StreamPieces> stream_;
};

// A text that is all here, read a slice at a time (PieceLoad) so that no frame waits for all
// of a large one: the page's copy of the server's state for sync. Step reads about `bytes`
// more and says whether the reading is over (done, or failed: Finish says why).
// 64 KiB: about a millisecond of reading in the browser, so a frame takes a few and stops in time.
constexpr size_t kConnectSlice = size_t(64) << 10;
class SlicedLoad {
public:
    explicit SlicedLoad(std::string_view text) : text_(text) {}
    bool Step(size_t bytes);
    size_t fed() const { return fed_; }
    LoadResult Finish();   // what LoadWorkspace(text) gives

private:
    std::string_view text_;   // the caller keeps it until Finish
    size_t fed_ = 0;
    bool over_ = false;
    PieceLoad load_;
};

}  // namespace sam
