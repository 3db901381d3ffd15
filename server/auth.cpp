#include "auth.h"

#include <httplib.h>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <random>

namespace server {

namespace {
std::string Hex(const unsigned char* p, size_t n) {
    static const char* kHex = "0123456789abcdef";
    std::string out;
    for (size_t i = 0; i < n; ++i) { out += kHex[p[i] >> 4]; out += kHex[p[i] & 15]; }
    return out;
}
}  // namespace

std::string NewToken() {
    unsigned char bytes[16];
    if (RAND_bytes(bytes, sizeof bytes) != 1) {
        std::random_device rd;   // the kernel's source as well, through another door
        for (auto& b : bytes) b = (unsigned char)(rd() & 0xFF);
    }
    return Hex(bytes, sizeof bytes);
}

std::string HashToken(const std::string& token) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    EVP_Digest(token.data(), token.size(), digest, &len, EVP_sha256(), nullptr);
    return Hex(digest, len);
}

std::string RequestToken(const httplib::Request& req) {
    std::string auth = req.get_header_value("Authorization");
    const std::string prefix = "Bearer ";
    if (auth.size() > prefix.size() && auth.compare(0, prefix.size(), prefix) == 0) return auth.substr(prefix.size());
    if (req.has_param("access_token")) return req.get_param_value("access_token");
    // The cookie is set for /w/ID/ and /p/ID/ only (documents.cpp), so the API never reads it.
    if (req.path.rfind("/w/", 0) == 0 || req.path.rfind("/p/", 0) == 0) {
        std::string cookies = req.get_header_value("Cookie"), name = std::string(kDocumentCookie) + "=";
        for (size_t at = cookies.find(name); at != std::string::npos; at = cookies.find(name, at + 1)) {
            if (at != 0 && cookies[at - 1] != ' ' && cookies[at - 1] != ';') continue;
            size_t end = cookies.find(';', at);
            return cookies.substr(at + name.size(), end == std::string::npos ? std::string::npos : end - at - name.size());
        }
    }
    return "";
}

bool SameHash(const std::string& a, const std::string& b) {
    if (a.size() != b.size()) return false;
    unsigned char diff = 0;
    for (size_t i = 0; i < a.size(); ++i) diff |= (unsigned char)(a[i] ^ b[i]);
    return diff == 0;
}

}  // namespace server
