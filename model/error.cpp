#include "model/error.h"

namespace flame {

std::string Error::toString() const {
    std::string out;
    if (!file.empty()) {
        out += file;
        if (line > 0) out += ":" + std::to_string(line);
        out += ": ";
    }
    out += message;
    return out;
}

} // namespace flame
