#pragma once
// The unified text-to-text format of the paper's Figure 2 (DESIGN.md section 4). This is the one
// formatter: training, evaluation, export and the GUI's preview all call it.
//
//   INSTRUCTIONS:
//   title: <title>
//   description: <description>
//   output_fields: <a>, <b>
//
//   CONTEXT:
//   <field>: <value>
//   ...
//
//   EVALUATION:
//
// The input ends with "EVALUATION:" (no newline); the target is one "<field>: <value>" line per
// output field, joined by "\n". A full training example is input + "\n" + target.
#include <string>
#include <string_view>
#include <vector>

#include "model/catalog.h"

namespace flame {

struct Field {
    std::string name;
    std::string value;
    bool operator==(const Field& o) const { return name == o.name && value == o.value; }
};
using Fields = std::vector<Field>;

// Context fields that are absent or empty are left out (optional fields such as a bias note).
std::string formatInput(const Instructions& instructions, const Fields& context);
std::string formatTarget(const Fields& target);
inline std::string formatExample(const Instructions& instructions, const Fields& context,
                                 const Fields& target) {
    return formatInput(instructions, context) + "\n" + formatTarget(target);
}

// The value of field `name`, or nullptr.
const std::string* findField(const Fields& fields, std::string_view name);

} // namespace flame
