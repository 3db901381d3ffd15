// The font atlas the web program carries: saved after ImGui builds it, loaded back, it must
// give the same glyphs, texture and text measures as building it again would.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
#include <imgui.h>

#include <cstring>
#include <fstream>
#include <iterator>
#include <vector>
#include "app.h"
#include "font_atlas.h"

namespace {

std::vector<unsigned char> ReadFont() {
    std::ifstream in(SAMVERKAN_FONT, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// An ImGui context for the test's lifetime.
struct Context {
    Context() { ImGui::CreateContext(); }
    ~Context() { ImGui::DestroyContext(); }
};

// Builds the app's fonts the ordinary way and returns the atlas as saved.
std::vector<unsigned char> BuildAndSave(const std::vector<unsigned char>& ttf, float ui_scale) {
    ui::App app;
    app.ui_scale = ui_scale;
    ui::FontSource font;
    font.data = ttf.data();
    font.size = (int)ttf.size();
    ui::ApplyStyle(app, font);
    ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
    REQUIRE(atlas.Build());
    return ui::SaveFontAtlas(atlas, ui_scale);
}

const char* kSwedish = "Härnösand, Örnsköldsvik och Ånge: 3 400 000 kr – 30 % ✓";

}  // namespace

TEST_CASE("a saved atlas loads back to the same glyphs, texture and text sizes") {
    std::vector<unsigned char> ttf = ReadFont();
    REQUIRE(ttf.size() > 1000);
    Context ctx;
    std::vector<unsigned char> saved = BuildAndSave(ttf, 1.0f);
    REQUIRE(saved.size() > 512 * 64);
    ImFontAtlas& built = *ImGui::GetIO().Fonts;
    REQUIRE(built.Fonts.Size == 2);

    ImFontAtlas loaded;
    REQUIRE(ui::LoadFontAtlas(loaded, saved.data(), saved.size(), 1.0f));
    CHECK(loaded.IsBuilt());
    REQUIRE(loaded.Fonts.Size == built.Fonts.Size);
    CHECK(loaded.TexWidth == built.TexWidth);
    CHECK(loaded.TexHeight == built.TexHeight);
    CHECK(std::memcmp(loaded.TexPixelsAlpha8, built.TexPixelsAlpha8, (size_t)built.TexWidth * built.TexHeight) == 0);
    CHECK(loaded.TexUvWhitePixel.x == built.TexUvWhitePixel.x);
    CHECK(loaded.TexUvWhitePixel.y == built.TexUvWhitePixel.y);
    CHECK(std::memcmp(loaded.TexUvLines, built.TexUvLines, sizeof built.TexUvLines) == 0);
    for (int i = 0; i < built.Fonts.Size; i++) {
        const ImFont& a = *built.Fonts[i];
        const ImFont& b = *loaded.Fonts[i];
        CAPTURE(i);
        CHECK(b.FontSize == a.FontSize);
        CHECK(b.Ascent == a.Ascent);
        CHECK(b.Descent == a.Descent);
        CHECK(b.FallbackChar == a.FallbackChar);
        REQUIRE(b.Glyphs.Size == a.Glyphs.Size);
        CHECK(std::memcmp(b.Glyphs.Data, a.Glyphs.Data, sizeof(ImFontGlyph) * (size_t)a.Glyphs.Size) == 0);
        for (ImWchar c : {(ImWchar)'a', (ImWchar)0x00E5, (ImWchar)0x00D6, (ImWchar)0x2013, (ImWchar)0x2713}) {
            REQUIRE(a.FindGlyphNoFallback(c) != nullptr);
            REQUIRE(b.FindGlyphNoFallback(c) != nullptr);
            CHECK(b.FindGlyphNoFallback(c)->U0 == a.FindGlyphNoFallback(c)->U0);
        }
        ImVec2 sa = a.CalcTextSizeA(a.FontSize, 1e6f, 0.0f, kSwedish);
        ImVec2 sb = b.CalcTextSizeA(b.FontSize, 1e6f, 0.0f, kSwedish);
        CHECK(sb.x == sa.x);
        CHECK(sb.y == sa.y);
        CHECK(sa.x > 300.0f);
    }
}

TEST_CASE("the app's style takes the carried atlas at its scale, and builds its own at any other") {
    std::vector<unsigned char> ttf = ReadFont();
    Context ctx;
    std::vector<unsigned char> saved = BuildAndSave(ttf, 1.0f);
    ImGui::GetIO().Fonts->Clear();

    ui::App app;
    ui::FontSource font;
    font.data = ttf.data();
    font.size = (int)ttf.size();
    font.atlas = saved.data();
    font.atlas_size = (int)saved.size();
    ui::ApplyStyle(app, font);
    ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
    CHECK(atlas.IsBuilt());              // loaded, nothing left to build
    CHECK(atlas.ConfigData.Size == 0);   // ... and not from the TTF
    REQUIRE(atlas.Fonts.Size == 2);
    CHECK(ImGui::GetIO().FontDefault == atlas.Fonts[0]);
    CHECK(app.font == atlas.Fonts[1]);
    CHECK(app.font->FontSize > atlas.Fonts[0]->FontSize);

    app.ui_scale = 1.5f;   // Ctrl+: another size, built from the TTF
    ui::ApplyStyle(app, font);
    CHECK_FALSE(atlas.IsBuilt());
    CHECK(atlas.ConfigData.Size == 2);
    REQUIRE(atlas.Build());
    CHECK(atlas.Fonts[0]->FontSize == doctest::Approx(17.0f * 1.5f));

    app.presenting = true;   // slides add their fonts: built, never the carried atlas
    app.ui_scale = 1.0f;
    ui::ApplyStyle(app, font);
    CHECK(atlas.ConfigData.Size == 4);
}

TEST_CASE("a damaged, foreign or other-scale atlas is refused and changes nothing") {
    std::vector<unsigned char> ttf = ReadFont();
    Context ctx;
    std::vector<unsigned char> saved = BuildAndSave(ttf, 1.0f);

    ImFontAtlas atlas;
    atlas.AddFontDefault();
    REQUIRE(atlas.Build());
    const int width = atlas.TexWidth;
    CHECK_FALSE(ui::LoadFontAtlas(atlas, saved.data(), saved.size(), 2.0f));              // other scale
    CHECK_FALSE(ui::LoadFontAtlas(atlas, saved.data(), saved.size() - 1, 1.0f));          // cut short
    CHECK_FALSE(ui::LoadFontAtlas(atlas, saved.data(), 40, 1.0f));
    CHECK_FALSE(ui::LoadFontAtlas(atlas, nullptr, 0, 1.0f));
    std::vector<unsigned char> longer = saved;
    longer.push_back(0);
    CHECK_FALSE(ui::LoadFontAtlas(atlas, longer.data(), longer.size(), 1.0f));            // trailing bytes
    std::vector<unsigned char> foreign = saved;
    foreign[0] ^= 0xFF;
    CHECK_FALSE(ui::LoadFontAtlas(atlas, foreign.data(), foreign.size(), 1.0f));          // not an atlas
    std::vector<unsigned char> other_imgui = saved;
    other_imgui[8] ^= 0x01;
    CHECK_FALSE(ui::LoadFontAtlas(atlas, other_imgui.data(), other_imgui.size(), 1.0f));  // another ImGui
    CHECK(atlas.Fonts.Size == 1);
    CHECK(atlas.TexWidth == width);
    CHECK(atlas.IsBuilt());
    CHECK(ui::SaveFontAtlas(ImFontAtlas(), 1.0f).empty());   // nothing built, nothing saved
}

TEST_CASE("an atlas saved in 16 alpha levels loads within half a step of every pixel, and is much smaller packed") {
    std::vector<unsigned char> ttf = ReadFont();
    Context ctx;
    std::vector<unsigned char> full = BuildAndSave(ttf, 1.0f);
    ImFontAtlas& built = *ImGui::GetIO().Fonts;
    std::vector<unsigned char> coarse = ui::SaveFontAtlas(built, 1.0f, 16);
    REQUIRE(coarse.size() == full.size());   // the same layout, each pixel its level
    ImFontAtlas loaded;
    REQUIRE(ui::LoadFontAtlas(loaded, coarse.data(), coarse.size(), 1.0f));
    size_t pixels = (size_t)built.TexWidth * built.TexHeight;
    int worst = 0, levels_seen = 0;
    bool seen[256] = {};
    for (size_t i = 0; i < pixels; ++i) {
        worst = std::max(worst, std::abs((int)loaded.TexPixelsAlpha8[i] - (int)built.TexPixelsAlpha8[i]));
        if (!seen[loaded.TexPixelsAlpha8[i]]) { seen[loaded.TexPixelsAlpha8[i]] = true; ++levels_seen; }
    }
    CHECK(worst <= 9);            // 255 / 15 / 2, rounded up
    CHECK(levels_seen <= 16);
    CHECK(loaded.TexPixelsAlpha8[0] == built.TexPixelsAlpha8[0]);
    // Levels out of range are refused, never read as a texture.
    CHECK(ui::SaveFontAtlas(built, 1.0f, 1).empty());
    CHECK(ui::SaveFontAtlas(built, 1.0f, 257).empty());
}
