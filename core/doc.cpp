#include "doc.h"

namespace sam {

namespace {

// Dark text on white with 4.5:1 contrast or more everywhere; print drops the page chrome.
const char* kHtmlStyle =
    "body{font-family:'DejaVu Sans',Arial,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1b1f24;background:#fff}"
    ".wide{overflow-x:auto}.wide:focus{outline:2px solid #1d4f91}"
    "table{border-collapse:collapse;margin:1rem 0;width:100%}caption{text-align:left;font-weight:bold;padding:.3rem 0}"
    "th,td{border:1px solid #6b747d;padding:.3rem .5rem;vertical-align:top;text-align:left}thead th{background:#e8edf2}"
    ".num{text-align:right;white-space:nowrap}"
    "@media print{body{margin:0;max-width:none;font-size:10pt}.wide{overflow:visible}table{page-break-inside:auto}"
    "tr{page-break-inside:avoid}h2{page-break-after:avoid}}";

}  // namespace

std::string HtmlBegin(std::string_view lang, std::string_view title) {
    return "<!DOCTYPE html>\n<html lang=\"" + std::string(lang) +
           "\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<link rel=\"icon\" href=\"data:,\">\n<title>" +
           Doc::Html(title) + "</title>\n<style>" + kHtmlStyle + "</style>\n</head>\n<body>\n<main>\n";
}

std::string HtmlEnd() { return "</main>\n</body>\n</html>\n"; }

}  // namespace sam
