// A small document model for reports: the same calls render to Markdown and to HTML,
// so every report exists in both without writing it twice.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace sam {

enum class ReportFormat { Markdown, Html, Csv };

// A small document model: the same calls render to Markdown and to HTML.
struct Table {
    std::vector<std::string> head;
    std::vector<bool> numeric;               // right-aligned columns
    std::vector<std::vector<std::string>> rows;
};

struct Doc {
    ReportFormat format;
    std::string out;

    static std::string Html(std::string_view s) {
        std::string r;
        for (char c : s) {
            switch (c) {
                case '&': r += "&amp;"; break;
                case '<': r += "&lt;"; break;
                case '>': r += "&gt;"; break;
                case '"': r += "&quot;"; break;
                default: r += c;
            }
        }
        return r;
    }
    // Text for HTML with dates and amounts kept whole on a line ("2026-11-24", "295 000 kr",
    // "30 %"): a printed page never breaks them.
    static std::string HtmlText(std::string_view s);
    static std::string Md(std::string_view s) {
        std::string r;
        for (char c : s) { if (c == '|') r += "\\|"; else if (c == '\n') r += ' '; else r += c; }
        return r;
    }
    void Heading(int level, const std::string& text) {
        if (format == ReportFormat::Html) out += "<h" + std::to_string(level) + ">" + Html(text) + "</h" + std::to_string(level) + ">\n";
        else out += std::string(level, '#') + " " + Md(text) + "\n\n";
    }
    void Para(const std::string& text) {
        if (text.empty()) return;
        if (format == ReportFormat::Html) out += "<p>" + HtmlText(text) + "</p>\n";
        else out += Md(text) + "\n\n";
    }
    void List(const std::vector<std::string>& items) {
        if (items.empty()) return;
        if (format == ReportFormat::Html) {
            out += "<ul>\n";
            for (auto& i : items) out += "<li>" + HtmlText(i) + "</li>\n";
            out += "</ul>\n";
        } else {
            for (auto& i : items) out += "- " + Md(i) + "\n";
            out += "\n";
        }
    }
    void Emit(const Table& t, const std::string& caption) {
        if (format == ReportFormat::Html) {
            // A region that scrolls sideways keeps wide tables readable at 200 % zoom.
            out += "<div class=\"wide\" role=\"region\" tabindex=\"0\" aria-label=\"" + Html(caption) + "\">\n";
            out += "<table>\n<caption>" + Html(caption) + "</caption>\n<thead><tr>";
            for (size_t c = 0; c < t.head.size(); ++c)
                out += std::string("<th scope=\"col\"") + (t.numeric[c] ? " class=\"num\"" : "") + ">" + Html(t.head[c]) + "</th>";
            out += "</tr></thead>\n<tbody>\n";
            for (auto& r : t.rows) {
                out += "<tr>";
                for (size_t c = 0; c < r.size(); ++c) {
                    if (c == 0) out += "<th scope=\"row\">" + HtmlText(r[c]) + "</th>";
                    else out += std::string("<td") + (t.numeric[c] ? " class=\"num\"" : "") + ">" + HtmlText(r[c]) + "</td>";
                }
                out += "</tr>\n";
            }
            out += "</tbody>\n</table>\n</div>\n";
        } else {
            out += "|";
            for (auto& h : t.head) out += " " + Md(h) + " |";
            out += "\n|";
            for (size_t c = 0; c < t.head.size(); ++c) out += t.numeric[c] ? " ---: |" : " --- |";
            out += "\n";
            for (auto& r : t.rows) {
                out += "|";
                for (auto& cell : r) out += " " + Md(cell) + " |";
                out += "\n";
            }
            out += "\n";
        }
    }
};

// The page around an HTML document: lang, title, a readable and printable style. Printed, each
// page carries `header` at its top and "Sida 1 av 6" at its foot.
std::string HtmlBegin(std::string_view lang, std::string_view title, std::string_view header = {});
std::string HtmlEnd();

}  // namespace sam
