#include "earshot/checks/Template.h"

#include <algorithm>

namespace earshot::checks {

namespace {

bool isNameStart(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool isNameChar(char c) { return isNameStart(c) || (c >= '0' && c <= '9') || c == '.'; }

void addOnce(std::vector<std::string>& names, const std::string& name)
{
    if (std::find(names.begin(), names.end(), name) == names.end())
        names.push_back(name);
}

}  // namespace

const std::vector<std::string>& knownTemplateVariables()
{
    static const std::vector<std::string> names = {"customer.name",   "customer.handle", "agent.first_name",
                                                   "agent.name",      "conversation.link", "conversation.id",
                                                   "source.name"};
    return names;
}

bool isKnownTemplateVariable(std::string_view name)
{
    const auto& names = knownTemplateVariables();
    return std::find(names.begin(), names.end(), name) != names.end();
}

std::optional<std::string> TemplateContext::value(std::string_view name) const
{
    const auto found = values.find(name);
    if (found == values.end() || found->second.empty())
        return std::nullopt;
    return found->second;
}

std::vector<TemplateVariable> findTemplateVariables(std::string_view text)
{
    std::vector<TemplateVariable> found;
    for (std::size_t open = text.find('{'); open != std::string_view::npos; open = text.find('{', open + 1)) {
        if (open + 1 >= text.size() || !isNameStart(text[open + 1]))
            continue;
        std::size_t end = open + 1;
        while (end < text.size() && isNameChar(text[end]))
            ++end;
        if (end >= text.size() || text[end] != '}' || text[end - 1] == '.')
            continue;
        found.push_back({std::string(text.substr(open + 1, end - open - 1)), {open, end + 1 - open}});
        open = end;
    }
    return found;
}

Rendered renderTemplate(std::string_view body, const TemplateContext& context)
{
    Rendered rendered;
    std::size_t copied = 0;
    for (const TemplateVariable& variable : findTemplateVariables(body)) {
        rendered.text.append(body.substr(copied, variable.span.offset - copied));
        copied = variable.span.end();
        if (!isKnownTemplateVariable(variable.name)) {
            addOnce(rendered.unknownVariables, variable.name);
            rendered.text.append(body.substr(variable.span.offset, variable.span.length));
        } else if (auto value = context.value(variable.name)) {
            // Values are inserted as they are and never expanded again, so a customer named
            // "{agent.name}" stays a name.
            rendered.text.append(*value);
        } else {
            addOnce(rendered.unresolvedVariables, variable.name);
            rendered.text.append(body.substr(variable.span.offset, variable.span.length));
        }
    }
    rendered.text.append(body.substr(copied));
    return rendered;
}

}  // namespace earshot::checks
