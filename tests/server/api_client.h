// What the API tests send: a client for the real server's JSON API.
#pragma once
#include <doctest/doctest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>
#include <filesystem>
#include <string>
#include "test_db.h"

using json = nlohmann::json;

inline const httplib::Headers kAdmin = {{"Authorization", "Bearer test-admin-token"}};

inline std::string Fresh(const std::string& name) {
    std::filesystem::path p = std::filesystem::path(TestTmpDir()) / name;
    std::filesystem::remove_all(p);
    return p.string();
}

inline httplib::Headers Bearer(const std::string& token) { return {{"Authorization", "Bearer " + token}}; }

struct Created { std::string id, edit, view; };

inline Created Create(httplib::Client& c, const json& body) {
    auto r = c.Post("/api/workspaces", kAdmin, body.dump(), "application/json");
    REQUIRE(r);
    REQUIRE(r->status == 201);
    json j = json::parse(r->body);
    return {j["id"], j["edit_token"], j["view_token"]};
}

// The Familjehem demo as a new workspace: the tests' usual starting point.
inline Created CreateFamiljehem(httplib::Client& c) { return Create(c, {{"name", "Familjehem"}, {"demo", "familjehem-vasternorrland"}}); }

inline httplib::Result Patch(httplib::Client& c, const Created& w, int64_t base, const json& patch, const std::string& token = "",
                      const std::string& author = "") {
    httplib::Headers h = Bearer(token.empty() ? w.edit : token);
    h.emplace("If-Match", "\"" + std::to_string(base) + "\"");
    if (!author.empty()) h.emplace("X-Author", author);
    return c.Patch("/api/workspaces/" + w.id, h, patch.dump(), "application/json-patch+json");
}

inline json Get(httplib::Client& c, const Created& w) {
    auto r = c.Get("/api/workspaces/" + w.id, Bearer(w.view));
    REQUIRE(r);
    REQUIRE(r->status == 200);
    return json::parse(r->body);
}

inline json Op(const std::string& op, const std::string& path, json value = nullptr) {
    json o = {{"op", op}, {"path", path}};
    if (!value.is_null()) o["value"] = value;
    return o;
}

