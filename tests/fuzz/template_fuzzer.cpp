// Fuzzes the canned-reply template renderer: variable spans must lie inside the template,
// and rendering must cope with any text around and inside the braces.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "earshot/checks/Template.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace earshot::checks;
    const std::string_view body(reinterpret_cast<const char*>(data), size);
    for (const TemplateVariable& variable : findTemplateVariables(body))
        if (variable.span.offset > body.size() || variable.span.length > body.size() - variable.span.offset)
            std::abort();
    // Every variable but one has a value, so both the expanded and the unresolved paths run;
    // a value holding braces must come out as written, not be expanded again.
    static const TemplateContext context = [] {
        TemplateContext c;
        for (const std::string& name : knownTemplateVariables())
            if (name != "conversation.link")
                c.set(name, "{" + name + "} Zoë & co");
        return c;
    }();
    renderTemplate(body, context);
    return 0;
}
