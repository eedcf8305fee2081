#include "model/format.h"

namespace flame {

std::string formatInput(const Instructions& instructions, const Fields& context) {
    std::string out;
    std::size_t size = 96 + instructions.title.size() + instructions.description.size();
    for (const auto& f : context) size += f.name.size() + f.value.size() + 3;
    out.reserve(size);
    out += "INSTRUCTIONS:\ntitle: ";
    out += instructions.title;
    out += "\ndescription: ";
    out += instructions.description;
    out += "\noutput_fields: ";
    for (std::size_t i = 0; i < instructions.outputFields.size(); ++i) {
        if (i) out += ", ";
        out += instructions.outputFields[i];
    }
    out += "\n\nCONTEXT:\n";
    for (const auto& f : context) {
        if (f.value.empty()) continue;
        out += f.name;
        out += ": ";
        out += f.value;
        out += '\n';
    }
    out += "\nEVALUATION:";
    return out;
}

std::string formatTarget(const Fields& target) {
    std::string out;
    for (std::size_t i = 0; i < target.size(); ++i) {
        if (i) out += '\n';
        out += target[i].name;
        out += ": ";
        out += target[i].value;
    }
    return out;
}

const std::string* findField(const Fields& fields, std::string_view name) {
    for (const auto& f : fields)
        if (f.name == name) return &f.value;
    return nullptr;
}

} // namespace flame
