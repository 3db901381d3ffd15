// Reading a workspace straight from text: each entity is read into the model when its
// object closes, and decisions (a matter may have hundreds) never become a JSON tree.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>
#include "decisions.h"
#include "model.h"
#include "json_scan.h"
#include "problem.h"

namespace sam {

struct StreamResult {
    bool parsed = false;        // false: not valid JSON (error says where)
    std::string error;
    json rest;                  // the document less the entities already read into `ws`
    // The matters' decisions counted as they were read (absent when a matter came twice).
    std::optional<DecisionTally> tally;
};

// Parses `text`, reading entities of object-shaped collections into `ws` (problems
// into `out`) and leaving everything else in `rest` for the ordinary parsers.
// `progress` (json_scan.h) is told how far the text is read, entity by entity.
StreamResult StreamWorkspace(std::string_view text, Workspace& ws, std::vector<Problem>& out,
                             const ScanProgress* progress = nullptr);

// StreamWorkspace for text that arrives in pieces (PieceScan): Feed it all that has come each
// time; once it says Done, Finish gives what StreamWorkspace gives for the same text.
class StreamPieces {
public:
    StreamPieces(Workspace& ws, std::vector<Problem>& out);
    ~StreamPieces();
    PieceScan::State Feed(std::string_view text, bool complete);
    PieceScan& scan();
    StreamResult Finish();

private:
    struct Reader;
    std::unique_ptr<Reader> reader_;
};

}  // namespace sam
