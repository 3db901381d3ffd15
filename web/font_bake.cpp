// Builds the UI font's atlas at compile time, with the same ImGui code and settings as the
// page (ui::ApplyStyle at scale 1), so the page's first frame does not rasterise the font.
// The web build runs it under Node:  samverkan_font_bake.js FONT.ttf ATLAS.bin
#include <imgui.h>

#include <cstdio>
#include <fstream>
#include <iterator>
#include <vector>
#include "app.h"
#include "font_atlas.h"

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: samverkan_font_bake FONT.ttf ATLAS.bin\n");
        return 2;
    }
    std::ifstream in(argv[1], std::ios::binary);
    std::vector<unsigned char> ttf((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (ttf.empty()) {
        std::fprintf(stderr, "samverkan_font_bake: cannot read %s\n", argv[1]);
        return 1;
    }
    ImGui::CreateContext();
    ui::App app;   // scale 1, not presenting: the page's first frame
    ui::FontSource font;
    font.data = ttf.data();
    font.size = (int)ttf.size();
    ui::ApplyStyle(app, font);
    ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
    if (!atlas.Build()) {
        std::fprintf(stderr, "samverkan_font_bake: the atlas could not be built from %s\n", argv[1]);
        return 1;
    }
    std::vector<unsigned char> blob = ui::SaveFontAtlas(atlas, app.ui_scale * app.dpi_scale, 16);
    std::ofstream out(argv[2], std::ios::binary);
    out.write((const char*)blob.data(), (std::streamsize)blob.size());
    if (blob.empty() || !out) {
        std::fprintf(stderr, "samverkan_font_bake: cannot write %s\n", argv[2]);
        return 1;
    }
    std::printf("font atlas: %dx%d, %d fonts, %zu bytes\n", atlas.TexWidth, atlas.TexHeight, atlas.Fonts.Size, blob.size());
    ImGui::DestroyContext();
    return 0;
}
