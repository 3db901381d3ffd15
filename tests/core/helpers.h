// Shared helpers for the core tests.
#pragma once
#include <doctest/doctest.h>
#include <set>
#include <string>
#include "demos.h"
#include "json_io.h"

inline const std::string NB = "\xC2\xA0";   // the non-breaking space of Swedish numbers

inline sam::Workspace LoadDemo(const std::string& id) {
    const std::string* text = sam::FindDemo(id);
    REQUIRE(text != nullptr);
    sam::LoadResult r = sam::LoadWorkspace(*text);
    INFO(id << ": " << (r.problems.empty() ? "" : r.problems[0].path + " " + r.problems[0].Message(sam::Lang::En)));
    REQUIRE(r.ok);
    return r.workspace;
}
