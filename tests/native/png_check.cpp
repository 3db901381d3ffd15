// Checks that a screenshot shows something: enough pixels differ from the background
// (the most common colour) and there are several colours (text, lines, fills).
//   png_check FILE.png [MIN_PERCENT]
#include <cstdio>
#include <cstdlib>
#include <map>
#define STB_IMAGE_IMPLEMENTATION
#include <stb/stb_image.h>

int main(int argc, char** argv) {
    if (argc < 2) { std::fprintf(stderr, "usage: png_check FILE.png [MIN_PERCENT]\n"); return 2; }
    double min_percent = argc > 2 ? std::atof(argv[2]) : 2.0;
    int w, h, n;
    unsigned char* px = stbi_load(argv[1], &w, &h, &n, 4);
    if (!px) { std::fprintf(stderr, "png_check: cannot read %s\n", argv[1]); return 1; }
    std::map<unsigned, long> colours;
    for (long i = 0; i < (long)w * h; ++i) {
        unsigned c = px[i * 4] << 16 | px[i * 4 + 1] << 8 | px[i * 4 + 2];
        colours[c]++;
    }
    long background = 0;
    for (auto& [c, count] : colours) if (count > background) background = count;
    double drawn = 100.0 * (double)((long)w * h - background) / ((double)w * h);
    std::printf("%s: %dx%d, %zu colours, %.1f %% drawn\n", argv[1], w, h, colours.size(), drawn);
    stbi_image_free(px);
    if (drawn < min_percent || colours.size() < 8) {
        std::fprintf(stderr, "png_check: %s looks blank\n", argv[1]);
        return 1;
    }
    return 0;
}
