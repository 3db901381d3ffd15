# Writes a C++ source holding a file's bytes, so the web program carries its font instead
# of fetching it (one request less before the first frame):
#   cmake -DINPUT=font.ttf -DOUTPUT=ui_font.cpp -DNAME=kUiFont -P embed_file.cmake
# gives `extern const unsigned char kUiFont[]` and `extern const int kUiFontSize`.
file(READ "${INPUT}" hex HEX)
string(LENGTH "${hex}" hex_length)
math(EXPR size "${hex_length} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
# 16 bytes (80 characters) a line.
string(REGEX REPLACE "((0x..,){16})" "\\1\n" bytes "${bytes}")
file(WRITE "${OUTPUT}.tmp"
  "// Generated from ${INPUT} by web/embed_file.cmake; not edited by hand.\n"
  "extern const unsigned char ${NAME}[] = {\n${bytes}\n};\n"
  "extern const int ${NAME}Size = ${size};\n")
file(RENAME "${OUTPUT}.tmp" "${OUTPUT}")
