#include "earshot/connectors/PlatformSource.h"

#include "earshot/connectors/Connector.h"
#include "earshot/core/Text.h"

#include <nlohmann/json.hpp>

namespace earshot::connectors {

namespace {

// The well-known fields, by name; every other name lives in PlatformSourceSpec::more.
template <class Spec>
auto* knownField(Spec& spec, std::string_view name)
{
    using Field = decltype(&spec.instance);
    const std::pair<std::string_view, Field> known[] = {
        {"instance", &spec.instance}, {"tag", &spec.tag},   {"actor", &spec.actor},
        {"query", &spec.query},       {"site", &spec.site}, {"api", &spec.api}};
    for (const auto& [key, field] : known)
        if (key == name)
            return field;
    return Field(nullptr);
}

}  // namespace

const std::string& PlatformSourceSpec::value(std::string_view name) const
{
    static const std::string none;
    if (const std::string* field = knownField(*this, name))
        return *field;
    const auto found = more.find(name);
    return found == more.end() ? none : found->second;
}

void PlatformSourceSpec::set(std::string_view name, std::string text)
{
    if (std::string* field = knownField(*this, name))
        *field = std::move(text);
    else
        more[std::string(name)] = std::move(text);
}

Result<store::Source> makePlatformSource(const PlatformSourceSpec& spec)
{
    const Connector* connector = connectorFor(spec.kind);
    if (!connector) {
        std::string kinds;
        for (const Connector* known : allConnectors())
            kinds += (kinds.empty() ? "" : ", ") + std::string(known->kind());
        return fail("there is no source kind '" + spec.kind + "'; the kinds are feed, " + kinds);
    }
    std::vector<std::string_view> given;
    for (const FieldInfo& field : allFields())
        given.push_back(field.name);
    given.push_back("api");
    for (const auto& [name, value] : spec.more)
        given.push_back(name);
    for (std::string_view name : given)
        if (!core::isValidUtf8(spec.value(name)))
            return fail("--" + std::string(name) +
                        " is not UTF-8 text; set the terminal to UTF-8 (e.g. LANG=nl_NL.UTF-8) and give it again");
    // "what" in words, with the command line's option: the console and the CLI say the same.
    for (const FieldInfo& field : connector->kindInfo().fields)
        if (field.required && spec.value(field.name).empty())
            return fail(std::string(field.what) + " (--" + std::string(field.name) + ") is needed for a " + spec.kind +
                        " source");
    return connector->makeSource(spec);
}

PlatformSourceSpec specOf(const store::Source& source)
{
    PlatformSourceSpec spec{.kind = source.kind};
    const Connector* connector = connectorFor(source.kind);
    if (!connector)
        return spec;
    const auto settings = nlohmann::json::parse(source.settings, nullptr, false);
    for (const FieldInfo& field : connector->kindInfo().fields) {
        const std::string key(field.settingsKey());
        if (settings.is_object() && settings.contains(key) && settings[key].is_string())
            spec.set(field.name, settings[key].get<std::string>());
    }
    return spec;
}

}  // namespace earshot::connectors
