// Canned-reply templates: variables filled in, unknown ones and missing values reported.
#include <gtest/gtest.h>

#include "earshot/checks/Template.h"

using namespace earshot::checks;

namespace {

TemplateContext fullContext()
{
    TemplateContext context;
    context.set("customer.name", "Anna de Vries");
    context.set("customer.handle", "@anna@mastodon.social");
    context.set("agent.first_name", "Sanne");
    context.set("agent.name", "Sanne Visser");
    context.set("conversation.link", "https://mastodon.social/@anna/1");
    context.set("conversation.id", "42");
    context.set("source.name", "Mastodon");
    return context;
}

using Strings = std::vector<std::string>;

}  // namespace

TEST(CannedTemplateTest, FillsInKnownVariables)
{
    const Rendered rendered = renderTemplate(
        "Hoi {customer.name} ({customer.handle}), dank voor je bericht op {source.name} "
        "({conversation.link}, #{conversation.id}). Groet, {agent.first_name} / {agent.name}",
        fullContext());
    EXPECT_TRUE(rendered.complete());
    EXPECT_EQ(rendered.text, "Hoi Anna de Vries (@anna@mastodon.social), dank voor je bericht op Mastodon "
                             "(https://mastodon.social/@anna/1, #42). Groet, Sanne / Sanne Visser");
}

TEST(CannedTemplateTest, ReportsUnknownVariablesAndLeavesThemInTheText)
{
    const Rendered rendered = renderTemplate("Hoi {customer.naam}, {customer.naam}! {Agent.name}", fullContext());
    EXPECT_EQ(rendered.unknownVariables, (Strings{"customer.naam", "Agent.name"}));
    EXPECT_TRUE(rendered.unresolvedVariables.empty());
    EXPECT_EQ(rendered.text, "Hoi {customer.naam}, {customer.naam}! {Agent.name}");
    EXPECT_FALSE(rendered.complete());
}

TEST(CannedTemplateTest, ReportsKnownVariablesWithoutAValue)
{
    TemplateContext context = fullContext();
    context.set("customer.name", "");                                 // no display name
    context.values.erase("agent.first_name");
    const Rendered rendered = renderTemplate("Hoi {customer.name}, groet {agent.first_name}", context);
    EXPECT_EQ(rendered.unresolvedVariables, (Strings{"customer.name", "agent.first_name"}));
    EXPECT_TRUE(rendered.unknownVariables.empty());
    EXPECT_EQ(rendered.text, "Hoi {customer.name}, groet {agent.first_name}");
}

TEST(CannedTemplateTest, OtherBracesArePlainTextAndValuesAreNotExpandedAgain)
{
    TemplateContext context = fullContext();
    context.set("customer.name", "{agent.name}");
    const Rendered rendered = renderTemplate("{ } {:-)} {1abc} {customer.name} {unclosed", context);
    EXPECT_TRUE(rendered.complete());
    EXPECT_EQ(rendered.text, "{ } {:-)} {1abc} {agent.name} {unclosed");
}

TEST(CannedTemplateTest, FindsVariablesWithSpans)
{
    const auto variables = findTemplateVariables("a {agent.name} b {x}");
    ASSERT_EQ(variables.size(), 2u);
    EXPECT_EQ(variables[0].name, "agent.name");
    EXPECT_EQ(variables[0].span, (TextSpan{2, 12}));
    EXPECT_EQ(variables[1].name, "x");
    EXPECT_TRUE(isKnownTemplateVariable("conversation.link"));
    EXPECT_FALSE(isKnownTemplateVariable("x"));
}
