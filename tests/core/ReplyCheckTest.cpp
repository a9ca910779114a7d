// checkReply as the inbox calls it: realistic replies, the empty, variables and signature
// checks, and public versus private replies.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "earshot/checks/ReplyCheck.h"
#include "earshot/checks/Signature.h"

using namespace earshot::checks;

namespace {

std::vector<std::string> ids(const std::vector<Finding>& findings)
{
    std::vector<std::string> out;
    for (const auto& finding : findings)
        out.push_back(finding.id);
    return out;
}

using Strings = std::vector<std::string>;

const ReplyCheckContext kNamed{.platform = "mastodon", .agentFirstName = "Sanne", .signatureRequired = true};

}  // namespace

TEST(ReplyCheckTest, ARealisticWebcareReplyHasNoFindings)
{
    const std::string dutch =
        "Hoi @anna@mastodon.social, wat vervelend! Je bestelling 4821-339 is vandaag om 14:30 afgeleverd "
        "bij de buren. Het bedrag van \xE2\x82\xAC 42,80 is inmiddels teruggestort. Kijk op "
        "https://acme.nl/help/retour?order=0612345678 voor retourneren. Groet, Sanne";
    EXPECT_EQ(ids(checkReply(dutch, kNamed)), Strings{});
    const std::string english =
        "Hi Anna, sorry about that! Order 4821-339 was delivered at 14:30 on 12-03-2024 and we refunded "
        "\xE2\x82\xAC 42,80 (ref. 0612345678). Our shop at Hoofdstraat opens 09.30-17.00. ^Sanne";
    EXPECT_EQ(ids(checkReply(english, kNamed)), Strings{});
}

TEST(ReplyCheckTest, FlagsEachKindOfPersonalDataWithItsSpan)
{
    const std::string text = "Mail anna@example.nl of bel 06-12345678; IBAN NL91ABNA0417164300; 1234 AB 12.";
    const auto findings = checkReply(text, {});
    ASSERT_EQ(ids(findings), (Strings{"email", "phone", "iban", "postcode"}));
    EXPECT_EQ(text.substr(findings[0].span->offset, findings[0].span->length), "anna@example.nl");
    EXPECT_EQ(text.substr(findings[1].span->offset, findings[1].span->length), "06-12345678");
    EXPECT_EQ(text.substr(findings[2].span->offset, findings[2].span->length), "NL91ABNA0417164300");
    EXPECT_EQ(text.substr(findings[3].span->offset, findings[3].span->length), "1234 AB 12");
    for (const auto& finding : findings) {
        EXPECT_FALSE(finding.message.empty());
        EXPECT_FALSE(finding.messageNl.empty());
        EXPECT_EQ(finding.message.find('\n'), std::string::npos);
    }
    EXPECT_NE(findings[0].message.find("private"), std::string::npos);
}

TEST(ReplyCheckTest, PrivateRepliesMayCarryContactDetailsButNoIban)
{
    const std::string text = "Mail anna@example.nl of bel 06-12345678; IBAN NL91ABNA0417164300; 1234 AB 12.";
    EXPECT_EQ(ids(checkReply(text, {.publicReply = false})), Strings{"iban"});
}

TEST(ReplyCheckTest, EmptyRepliesGetOneFinding)
{
    EXPECT_EQ(ids(checkReply("", kNamed)), Strings{"empty"});
    EXPECT_EQ(ids(checkReply(" \n\t \xC2\xA0\xE2\x80\x8B ", kNamed)), Strings{"empty"});
    EXPECT_FALSE(checkReply("", kNamed)[0].span);
    EXPECT_EQ(ids(checkReply(".", {})), Strings{});
}

TEST(ReplyCheckTest, FlagsVariablesLeftInTheText)
{
    const std::string text = "Hoi {customer.name}, zie {conversation.lnk} { en } {:-)}";
    const auto findings = checkReply(text, {});
    ASSERT_EQ(ids(findings), (Strings{"variables", "variables"}));
    EXPECT_EQ(text.substr(findings[0].span->offset, findings[0].span->length), "{customer.name}");
    EXPECT_NE(findings[0].message.find("not filled in"), std::string::npos);
    EXPECT_EQ(text.substr(findings[1].span->offset, findings[1].span->length), "{conversation.lnk}");
    EXPECT_NE(findings[1].message.find("not a variable"), std::string::npos);
}

TEST(ReplyCheckTest, NamedSignaturesAcceptTheFirstNameInCommonForms)
{
    for (const std::string ending : {"Groet, Sanne", "^Sanne", "\xE2\x80\x94 Sanne", "-Sanne", "Sanne.",
                                     "Groetjes,\nSanne \xF0\x9F\x99\x82", "groet, sanne!", "^SANNE"}) {
        EXPECT_FALSE(checkSignature("Fijn dat het gelukt is. " + ending, "Sanne")) << ending;
        EXPECT_EQ(ids(checkReply("Fijn dat het gelukt is. " + ending, kNamed)), Strings{}) << ending;
    }
    EXPECT_FALSE(checkSignature("Groet, Zo\xC3\xAB", "Zoe"));        // accents don't matter
    EXPECT_FALSE(checkSignature("Groet, Anne Marie", "Anne Marie"));
}

TEST(ReplyCheckTest, NamedSignaturesRefuseInitialsAndOtherNames)
{
    for (const std::string ending : {"^SV", "^AB", "- SV", "\xE2\x80\x94 SV", "\nSV"}) {
        const auto problem = checkSignature("Fijn dat het gelukt is. " + ending, "Sanne");
        ASSERT_TRUE(problem) << ending;
        EXPECT_EQ(problem->kind, SignatureProblem::Kind::Initials) << ending;
    }
    const auto findings = checkReply("Graag gedaan! ^SV", kNamed);
    ASSERT_EQ(ids(findings), Strings{"signature"});
    EXPECT_EQ(findings[0].message, "Sign with your first name (^Sanne), not with initials (^SV): this team signs "
                                   "replies by name.");
    EXPECT_EQ(findings[0].span->offset, 14u);
    EXPECT_EQ(findings[0].span->length, 3u);

    EXPECT_EQ(checkSignature("Groet, Marjan", "Jan")->kind, SignatureProblem::Kind::Missing);
    EXPECT_EQ(checkSignature("Sanne helpt je zo", "Sanne")->kind, SignatureProblem::Kind::Missing);
    EXPECT_EQ(checkSignature("Dat klopt, OK", "Sanne")->kind, SignatureProblem::Kind::Missing);
    EXPECT_EQ(checkSignature("Groet, Sanne", "")->kind, SignatureProblem::Kind::UnknownFirstName);
}

TEST(ReplyCheckTest, SignaturesAreOnlyCheckedWhenTheTeamRequiresThem)
{
    EXPECT_EQ(ids(checkReply("Graag gedaan! ^SV", {.agentFirstName = "Sanne"})), Strings{});
    EXPECT_EQ(ids(checkReply("Graag gedaan!", kNamed)), Strings{"signature"});
}
