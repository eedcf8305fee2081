# Writes INPUT as `extern "C" const char SYMBOL[]` (NUL-terminated) and SYMBOL_size to OUTPUT.
file(READ ${INPUT} content HEX)
string(LENGTH "${content}" hex_length)
math(EXPR size "${hex_length} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${content}")
string(REGEX REPLACE "(0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,)" "\\1\n" bytes "${bytes}")
file(WRITE ${OUTPUT} "// Generated from ${INPUT}; do not edit.\nextern \"C\" const char ${SYMBOL}[] = {\n${bytes}0x00};\nextern \"C\" const unsigned long ${SYMBOL}_size = ${size};\n")
