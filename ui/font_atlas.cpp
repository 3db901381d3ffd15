#include "font_atlas.h"

#include <imgui.h>
#include <cstdint>
#include <algorithm>
#include <cstring>

namespace ui {

namespace {

// "SVFA", then the format and ImGui version: a blob from another ImGui is not used.
constexpr uint32_t kMagic = 0x41465653;
constexpr uint32_t kFormat = 2;   // 2: the alpha levels the texture is stored in
constexpr int kLines = IM_DRAWLIST_TEX_LINES_WIDTH_MAX + 1;

struct Writer {
    std::vector<unsigned char>& out;
    void Bytes(const void* p, size_t n) {
        size_t at = out.size();
        out.resize(at + n);
        if (n) std::memcpy(out.data() + at, p, n);
    }
    template <class T> void Put(const T& v) { Bytes(&v, sizeof v); }
};

struct Reader {
    const unsigned char* p;
    size_t left;
    bool ok = true;
    bool Bytes(void* dst, size_t n) {
        if (!ok || n > left) return ok = false;
        std::memcpy(dst, p, n);
        p += n;
        left -= n;
        return true;
    }
    template <class T> T Get() { T v{}; Bytes(&v, sizeof v); return v; }
};

struct FontHeader {
    float size, scale, ascent, descent;
    int metrics_total_surface;
    ImWchar fallback_char, ellipsis_char, dot_char;
    uint32_t glyphs;
};

}  // namespace

std::vector<unsigned char> SaveFontAtlas(const ImFontAtlas& atlas, float scale, int alpha_levels) {
    std::vector<unsigned char> out;
    if (!atlas.TexPixelsAlpha8 || !atlas.TexReady || alpha_levels < 2 || alpha_levels > 256) return out;
    Writer w{out};
    w.Put(kMagic);
    w.Put(kFormat);
    w.Put((uint32_t)IMGUI_VERSION_NUM);
    w.Put((uint32_t)sizeof(ImWchar));
    w.Put(scale);
    w.Put(atlas.TexWidth);
    w.Put(atlas.TexHeight);
    w.Put(atlas.TexUvWhitePixel);
    w.Bytes(atlas.TexUvLines, sizeof atlas.TexUvLines);
    w.Put((uint32_t)alpha_levels);
    w.Put((uint32_t)atlas.Fonts.Size);
    for (const ImFont* f : atlas.Fonts) {
        FontHeader h;
        std::memset(&h, 0, sizeof h);   // padding too: the same font gives the same bytes
        h.size = f->FontSize;
        h.scale = f->Scale;
        h.ascent = f->Ascent;
        h.descent = f->Descent;
        h.metrics_total_surface = f->MetricsTotalSurface;
        h.fallback_char = f->FallbackChar;
        h.ellipsis_char = f->EllipsisChar;
        h.dot_char = f->DotChar;
        h.glyphs = (uint32_t)f->Glyphs.Size;
        w.Put(h);
        w.Bytes(f->Glyphs.Data, sizeof(ImFontGlyph) * (size_t)f->Glyphs.Size);
    }
    // Each pixel as its level (0 … alpha_levels-1): fewer distinct bytes compress far better.
    size_t pixels = (size_t)atlas.TexWidth * (size_t)atlas.TexHeight;
    size_t at = out.size();
    out.resize(at + pixels);
    int top = alpha_levels - 1;
    for (size_t i = 0; i < pixels; ++i) out[at + i] = (unsigned char)((atlas.TexPixelsAlpha8[i] * top + 127) / 255);
    return out;
}

bool LoadFontAtlas(ImFontAtlas& atlas, const unsigned char* data, size_t size, float scale) {
    Reader r{data, size};
    if (!data || r.Get<uint32_t>() != kMagic || r.Get<uint32_t>() != kFormat ||
        r.Get<uint32_t>() != (uint32_t)IMGUI_VERSION_NUM || r.Get<uint32_t>() != (uint32_t)sizeof(ImWchar) ||
        r.Get<float>() != scale || !r.ok)
        return false;
    int width = r.Get<int>(), height = r.Get<int>();
    ImVec2 white = r.Get<ImVec2>();
    ImVec4 lines[kLines];
    r.Bytes(lines, sizeof lines);
    uint32_t levels = r.Get<uint32_t>();
    uint32_t font_count = r.Get<uint32_t>();
    if (levels < 2 || levels > 256) return false;
    if (!r.ok || width <= 0 || height <= 0 || width > 8192 || height > 8192 || font_count == 0 || font_count > 16) return false;

    // Read everything before touching the atlas, so a damaged blob changes nothing.
    std::vector<FontHeader> headers(font_count);
    std::vector<ImVector<ImFontGlyph>> glyphs(font_count);
    for (uint32_t i = 0; i < font_count; i++) {
        headers[i] = r.Get<FontHeader>();
        if (!r.ok || headers[i].glyphs == 0 || headers[i].glyphs > 0xFFFE) return false;
        glyphs[i].resize((int)headers[i].glyphs);
        r.Bytes(glyphs[i].Data, sizeof(ImFontGlyph) * headers[i].glyphs);
    }
    size_t pixels = (size_t)width * (size_t)height;
    if (!r.ok || r.left != pixels) return false;

    atlas.Clear();
    atlas.TexWidth = width;
    atlas.TexHeight = height;
    atlas.TexUvScale = ImVec2(1.0f / (float)width, 1.0f / (float)height);
    atlas.TexUvWhitePixel = white;
    std::memcpy(atlas.TexUvLines, lines, sizeof lines);
    atlas.TexPixelsAlpha8 = (unsigned char*)IM_ALLOC(pixels);
    r.Bytes(atlas.TexPixelsAlpha8, pixels);
    if (levels != 256) {
        int top = (int)levels - 1;
        for (size_t i = 0; i < pixels; ++i) atlas.TexPixelsAlpha8[i] = (unsigned char)((std::min<int>(atlas.TexPixelsAlpha8[i], top) * 255 + top / 2) / top);
    }
    for (uint32_t i = 0; i < font_count; i++) {
        ImFont* f = IM_NEW(ImFont);
        const FontHeader& h = headers[i];
        f->FontSize = h.size;
        f->Scale = h.scale;
        f->Ascent = h.ascent;
        f->Descent = h.descent;
        f->MetricsTotalSurface = h.metrics_total_surface;
        f->FallbackChar = h.fallback_char;
        f->EllipsisChar = h.ellipsis_char;
        f->DotChar = h.dot_char;
        f->ContainerAtlas = &atlas;
        f->Glyphs.swap(glyphs[i]);
        f->BuildLookupTable();   // the index tables, as Build() makes them
        atlas.Fonts.push_back(f);
    }
    atlas.TexReady = true;
    return true;
}

}  // namespace ui
