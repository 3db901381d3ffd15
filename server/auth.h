// Tokens: random 128-bit secrets, stored only as SHA-256 hashes.
#pragma once
#include <string>

namespace httplib { struct Request; }

namespace server {

std::string NewToken();                          // 32 hex characters from the system's random source
std::string HashToken(const std::string& token); // SHA-256, hex
// The bearer token of a request (Authorization: Bearer X), its access_token query parameter
// (for EventSource, which cannot send headers), or for a document under /w/ID/ the cookie a
// link's first visit left (kDocumentCookie; also under /p/ID/ for a portfolio); "" when none.
std::string RequestToken(const httplib::Request& req);
constexpr const char* kDocumentCookie = "samverkan_doc";
// Compares two hashes in time independent of where they differ.
bool SameHash(const std::string& a, const std::string& b);

}  // namespace server
