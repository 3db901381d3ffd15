// A built font atlas as bytes, and back. The web program carries one built at compile time
// (web/font_bake.cpp), because rasterising the font in the page's first frame costs the
// browser about half a second of CPU: the glyph rasteriser runs slowly before V8 has
// optimised it, and optimising it occupies another core while the first frame is drawn.
#pragma once
#include <cstddef>
#include <vector>

struct ImFontAtlas;

namespace ui {

// The fonts, glyphs and alpha texture of a built atlas (ImGui 1.86's layout), tagged with
// the scale it was built at. `alpha_levels` below 256 stores the texture's coverage in that
// many steps: the web program carries 16 (anti-aliased text looks the same, and the carried
// atlas gzips to about half).
std::vector<unsigned char> SaveFontAtlas(const ImFontAtlas& atlas, float scale, int alpha_levels = 256);
// Replaces `atlas` with a saved one when it was saved at `scale` by this ImGui version;
// false, leaving `atlas` untouched, otherwise (the caller then builds as usual).
bool LoadFontAtlas(ImFontAtlas& atlas, const unsigned char* data, size_t size, float scale);

}  // namespace ui
