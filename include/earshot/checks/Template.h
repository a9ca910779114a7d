// Canned-reply templates: "{customer.name}"-style variables and their expansion. A variable
// that is unknown, or known but without a value for this conversation, stays in the text as
// written and is reported, so the reply checks refuse to let it be sent.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "earshot/checks/TextSpan.h"

namespace earshot::checks {

// The variables a template may use:
//   customer.name      the customer's display name
//   customer.handle    the customer's handle on the platform
//   agent.first_name   the replying agent's first name (for signatures)
//   agent.name         the replying agent's full (profile) name
//   conversation.link  the link of the conversation's first mention
//   conversation.id    Earshot's conversation number
//   source.name        the name of the source the conversation came from
const std::vector<std::string>& knownTemplateVariables();
bool isKnownTemplateVariable(std::string_view name);

// Variable name → value. An empty value counts as no value.
struct TemplateContext {
    std::map<std::string, std::string, std::less<>> values;

    void set(std::string name, std::string value) { values[std::move(name)] = std::move(value); }
    std::optional<std::string> value(std::string_view name) const;
};

struct TemplateVariable {
    std::string name;   // without braces: "customer.name"
    TextSpan span;      // of "{customer.name}", braces included
};

// Every "{name}" in `text`, where a name is a letter or "_" followed by letters, digits, "_"
// and "."; other braces ("{ }", "{:-)}") are plain text.
std::vector<TemplateVariable> findTemplateVariables(std::string_view text);

struct Rendered {
    std::string text;
    std::vector<std::string> unknownVariables;      // not a variable Earshot knows; each once
    std::vector<std::string> unresolvedVariables;   // known, but no value here; each once

    bool complete() const { return unknownVariables.empty() && unresolvedVariables.empty(); }
};

Rendered renderTemplate(std::string_view body, const TemplateContext& context);

}  // namespace earshot::checks
