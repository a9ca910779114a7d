// Pseudonyms for exports: stable per key, unrelated across keys, not a plain hash; and the
// contact details scrub() takes out of mention text, next to the look-alikes it leaves.
#include <gtest/gtest.h>

#include <set>
#include <stdexcept>
#include <string>

#include "earshot/exports/Pseudonymiser.h"
#include "earshot/exports/Sha256.h"

using earshot::exports::Pseudonymiser;
using earshot::exports::Sha256;

namespace {

const std::string kKey = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";

std::string hexPart(const std::string& pseudonym) { return pseudonym.substr(pseudonym.find('-') + 1); }

}  // namespace

TEST(PseudonymiserTest, SameKeyGivesTheSamePseudonymAcrossInstances)
{
    const Pseudonymiser first(kKey);
    const Pseudonymiser second(kKey);
    EXPECT_EQ(first.pseudonym("person", "anna_devries"), second.pseudonym("person", "anna_devries"));
    EXPECT_EQ(first.pseudonym("person", "anna_devries"), first.pseudonym("person", "anna_devries"));
    EXPECT_NE(first.pseudonym("person", "anna_devries"), first.pseudonym("person", "anna_devrie"));
}

TEST(PseudonymiserTest, IsTheKindADashAndSixteenHexDigits)
{
    const std::string pseudonym = Pseudonymiser(kKey).pseudonym("person", "anna");
    ASSERT_EQ(pseudonym.size(), std::string("person-").size() + 16);
    EXPECT_EQ(pseudonym.rfind("person-", 0), 0u);
    EXPECT_EQ(hexPart(pseudonym).find_first_not_of("0123456789abcdef"), std::string::npos);
    // The documented construction, so another tool holding the key can reproduce it.
    EXPECT_EQ(hexPart(pseudonym), Sha256::hex(Sha256::hmac(kKey, std::string("person\0anna", 11))).substr(0, 16));
}

TEST(PseudonymiserTest, DifferentKeysGiveUnrelatedPseudonyms)
{
    const Pseudonymiser one(kKey);
    const Pseudonymiser other(kKey + "x");
    for (const char* value : {"anna", "bob", "@sanne@mastodon.social", "Jan de Vries"})
        EXPECT_NE(one.pseudonym("person", value), other.pseudonym("person", value)) << value;
}

TEST(PseudonymiserTest, KindsAreKeptApart)
{
    const Pseudonymiser pseudonymiser(kKey);
    EXPECT_NE(hexPart(pseudonymiser.pseudonym("person", "anna")), hexPart(pseudonymiser.pseudonym("name", "anna")));
    // Without the separator these two would hash the same text, "personanna".
    EXPECT_NE(hexPart(pseudonymiser.pseudonym("person", "anna")), hexPart(pseudonymiser.pseudonym("persona", "nna")));
    EXPECT_THROW((void)pseudonymiser.pseudonym(std::string_view("a\0b", 3), "x"), std::invalid_argument);
}

TEST(PseudonymiserTest, DoesNotContainTheValue)
{
    const Pseudonymiser pseudonymiser(kKey);
    for (const char* value : {"anna", "person", "Jan de Vries", "user4711", "06-12345678"}) {
        const std::string pseudonym = pseudonymiser.pseudonym("person", value);
        EXPECT_EQ(hexPart(pseudonym).find(value), std::string::npos) << value;
    }
    EXPECT_EQ(pseudonymiser.pseudonym("person", ""), "") << "no author, no shared pseudonym";
}

TEST(PseudonymiserTest, CannotBeFoundByHashingGuessesWithoutTheKey)
{
    // An analyst with a list of candidate handles tries every unkeyed way of hashing them.
    const Pseudonymiser pseudonymiser(kKey);
    const std::string target = hexPart(pseudonymiser.pseudonym("person", "user4711"));
    int matches = 0;
    for (int i = 0; i < 10000; ++i) {
        const std::string guess = "user" + std::to_string(i);
        for (const std::string& message : {guess, "person" + guess, std::string("person\0", 7) + guess}) {
            for (const Sha256::Digest& digest :
                 {Sha256::hash(message), Sha256::hmac("", message), Sha256::hmac("person", message)}) {
                if (Sha256::hex(digest).substr(0, 16) == target)
                    ++matches;
            }
        }
    }
    EXPECT_EQ(matches, 0);
}

TEST(PseudonymiserTest, HandlesOfOnePersonShareAPseudonym)
{
    const Pseudonymiser pseudonymiser(kKey);
    const std::string anna = pseudonymiser.pseudonym(Pseudonymiser::kPersonKind, "anna");
    EXPECT_EQ(pseudonymiser.handlePseudonym("@Anna"), anna);
    EXPECT_EQ(pseudonymiser.handlePseudonym("anna"), anna);
    EXPECT_NE(pseudonymiser.handlePseudonym("@anna@mastodon.social"), anna) << "another server, another person";
}

TEST(PseudonymiserTest, KeysAreRandomAndChecked)
{
    const std::string key = Pseudonymiser::generateKey();
    EXPECT_EQ(key.size(), 64u);
    EXPECT_EQ(key.find_first_not_of("0123456789abcdef"), std::string::npos);
    EXPECT_NE(Pseudonymiser::generateKey(), key);
    EXPECT_TRUE(Pseudonymiser::checkKey(key).ok());
    const auto tooShort = Pseudonymiser::checkKey("geheim");
    ASSERT_FALSE(tooShort.ok());
    EXPECT_NE(tooShort.message().find("too short"), std::string::npos);
    EXPECT_THROW(Pseudonymiser(""), std::invalid_argument);
}

TEST(PseudonymiserScrubTest, RemovesEmailAddressesAndPhoneNumbers)
{
    const Pseudonymiser pseudonymiser(kKey);
    EXPECT_EQ(pseudonymiser.scrub("Mail anne@example.nl of bel +31 6 12345678 of 06-12345678."),
              "Mail [e-mail] of bel [phone] of [phone].");
    EXPECT_EQ(pseudonymiser.scrub("(020) 123 4567 en 0032 2 123 45 67"), "[phone] en [phone]");
}

TEST(PseudonymiserScrubTest, KeepsOrderNumbersDatesTimesAndAmounts)
{
    const Pseudonymiser pseudonymiser(kKey);
    for (const char* text : {"Bestelling 4711 is onderweg", "Levering op 12-03-2024 om 14:30",
                             "Het bedrag van € 42,80 is teruggestort", "Ordernummer: 0612345678",
                             "open 09.30-17.00 uur, 2024-03-12", "we zijn er @ 9 uur", "ik mail je@home"})
        EXPECT_EQ(pseudonymiser.scrub(text), text);
}

TEST(PseudonymiserScrubTest, RemovesIbansAndAddresses)
{
    const Pseudonymiser pseudonymiser(kKey);
    EXPECT_EQ(pseudonymiser.scrub("Stort op NL91 ABNA 0417 1643 00 graag"), "Stort op [iban] graag");
    EXPECT_EQ(pseudonymiser.scrub("Ik woon op 1234 AB 12, kom maar"), "Ik woon op [address], kom maar");
}

TEST(PseudonymiserScrubTest, ReplacesHandlesWithTheAuthorsPseudonym)
{
    const Pseudonymiser pseudonymiser(kKey);
    const std::string anna = "@" + pseudonymiser.handlePseudonym("anna");
    EXPECT_EQ(pseudonymiser.scrub("Dank @Anna."), "Dank " + anna + ".");
    EXPECT_EQ(pseudonymiser.scrub("@anna_b, @anna.bsky.social en @sanne@mastodon.social"),
              "@" + pseudonymiser.handlePseudonym("anna_b") + ", @" +
                  pseudonymiser.handlePseudonym("anna.bsky.social") + " en @" +
                  pseudonymiser.handlePseudonym("sanne@mastodon.social"));
    EXPECT_EQ(pseudonymiser.scrub("anne@example.nl"), "[e-mail]") << "an e-mail address, not a handle";
    const std::string scrubbed = pseudonymiser.scrub("hoi @anna, mail anne@example.nl");
    EXPECT_EQ(scrubbed.find("anna"), std::string::npos);
    EXPECT_EQ(scrubbed.find("anne"), std::string::npos);
}

TEST(PseudonymiserScrubTest, LeavesTextWithoutPersonalDataAlone)
{
    const Pseudonymiser pseudonymiser(kKey);
    EXPECT_EQ(pseudonymiser.scrub(""), "");
    EXPECT_EQ(pseudonymiser.scrub("Geweldige service, café was top! 👍"), "Geweldige service, café was top! 👍");
}
