// Personal data in replies: what is found, and the look-alikes that must not be.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "earshot/checks/PersonalData.h"
#include "earshot/checks/PhoneNumbers.h"

using namespace earshot::checks;

namespace {

std::vector<std::string> texts(std::string_view text, const std::vector<TextSpan>& spans)
{
    std::vector<std::string> out;
    for (const TextSpan& span : spans)
        out.emplace_back(text.substr(span.offset, span.length));
    return out;
}

std::vector<std::string> phones(std::string_view text) { return texts(text, findPhoneNumbers(text)); }
std::vector<std::string> emails(std::string_view text) { return texts(text, findEmailAddresses(text)); }
std::vector<std::string> ibans(std::string_view text) { return texts(text, findIbans(text)); }
std::vector<std::string> addresses(std::string_view text) { return texts(text, findDutchAddresses(text)); }

using Strings = std::vector<std::string>;

}  // namespace

TEST(ReplyCheckEmailTest, FindsAddressesWithTheirSpan)
{
    EXPECT_EQ(emails("Mail ons op klantenservice@acme.nl, dan kijken we mee."), Strings{"klantenservice@acme.nl"});
    EXPECT_EQ(emails("(anna.de-vries+bestelling@mail.example.co.uk)."), Strings{"anna.de-vries+bestelling@mail.example.co.uk"});
    EXPECT_EQ(emails("a@b.nl en c@d.com"), (Strings{"a@b.nl", "c@d.com"}));
}

TEST(ReplyCheckEmailTest, IgnoresHandlesAndBareAtSigns)
{
    EXPECT_TRUE(emails("@sanne@mastodon.social dank je!").empty());
    EXPECT_TRUE(emails("Hoi @anna, we zijn er @ 9 uur").empty());
    EXPECT_TRUE(emails("naam@localhost of naam@host.1").empty());
}

TEST(ReplyCheckPhoneTest, FindsDutchNumbersAsPeopleWriteThem)
{
    EXPECT_EQ(phones("Bel 06-12345678."), Strings{"06-12345678"});
    EXPECT_EQ(phones("Bel 06 1234 5678 of 0612345678"), (Strings{"06 1234 5678", "0612345678"}));
    EXPECT_EQ(phones("Ons nummer: 020-1234567"), Strings{"020-1234567"});
    EXPECT_EQ(phones("(020) 123 4567"), Strings{"(020) 123 4567"});
    EXPECT_EQ(phones("Gratis: 0800-1234"), Strings{"0800-1234"});
    EXPECT_EQ(phones("bel 06-12345678 tussen 9 en 17 uur"), Strings{"06-12345678"});
}

TEST(ReplyCheckPhoneTest, FindsInternationalNumbers)
{
    EXPECT_EQ(phones("Bel +31 6 1234 5678"), Strings{"+31 6 1234 5678"});
    EXPECT_EQ(phones("Bel +31 (0)20 123 4567"), Strings{"+31 (0)20 123 4567"});
    EXPECT_EQ(phones("UK: +44 20 7946 0958."), Strings{"+44 20 7946 0958"});
    EXPECT_EQ(phones("0032 2 123 45 67"), Strings{"0032 2 123 45 67"});
}

TEST(ReplyCheckPhoneTest, LeavesOrderNumbersDatesTimesAndAmountsAlone)
{
    EXPECT_TRUE(phones("Je bestelling 4821-339 is onderweg").empty());
    EXPECT_TRUE(phones("bestelling 0482133912 is verzonden").empty());
    EXPECT_TRUE(phones("Ordernummer: 0612345678").empty());
    EXPECT_TRUE(phones("We bellen je om 14:30 of om 09:45").empty());
    EXPECT_TRUE(phones("Het bedrag van € 42,80 is teruggestort, en EUR 0612345678 niet").empty());
    EXPECT_TRUE(phones("Levering op 12-03-2024 of 01-02-2024 09.30").empty());
    EXPECT_TRUE(phones("open 09.30-17.00 uur, 2024-03-12").empty());
    EXPECT_TRUE(phones("zie https://acme.nl/orders/0612345678 en #0612345678").empty());
    EXPECT_TRUE(phones("06-123456789 heeft een cijfer te veel, 06-1234567 een te weinig").empty());
    EXPECT_TRUE(phones("Prijs +5 punten, 1234567890 klantpunten").empty());
}

TEST(ReplyCheckPhoneTest, DigitsOfAnIbanAreNotAPhoneNumber)
{
    const std::string text = "NL91 ABNA 0417 1643 00";
    EXPECT_EQ(phones(text), Strings{"0417 1643 00"});   // on their own they look like one
    EXPECT_TRUE(findPhoneNumbers(text, findIbans(text)).empty());
}

TEST(ReplyCheckIbanTest, ValidatesWithMod97)
{
    EXPECT_TRUE(isValidIban("NL91ABNA0417164300"));
    EXPECT_TRUE(isValidIban("nl91abna0417164300"));
    EXPECT_TRUE(isValidIban("DE89370400440532013000"));
    EXPECT_TRUE(isValidIban("GB29NWBK60161331926819"));
    EXPECT_TRUE(isValidIban("BE68539007547034"));
    EXPECT_FALSE(isValidIban("NL91ABNA0417164301"));    // one digit off
    EXPECT_FALSE(isValidIban("NL91ABNA04171643"));      // too short for NL
    EXPECT_FALSE(isValidIban("ZZ91ABNA0417164300"));    // no such country
}

TEST(ReplyCheckIbanTest, FindsCompactAndGroupedIbans)
{
    EXPECT_EQ(ibans("Maak het over naar NL91ABNA0417164300."), Strings{"NL91ABNA0417164300"});
    EXPECT_EQ(ibans("IBAN: NL91 ABNA 0417 1643 00 t.n.v. Acme"), Strings{"NL91 ABNA 0417 1643 00"});
    EXPECT_EQ(ibans("de89 3704 0044 0532 0130 00"), Strings{"de89 3704 0044 0532 0130 00"});
}

TEST(ReplyCheckIbanTest, IgnoresLookAlikes)
{
    EXPECT_TRUE(ibans("code NL12ABCD3456789012 of NL91 ABNA 0417 1643 01").empty());
    EXPECT_TRUE(ibans("trackingnummer 3SABCD1234567 en NL91ABNA04171643001").empty());
    EXPECT_TRUE(ibans("bestelling 4821-339 om 14:30 voor € 42,80").empty());
}

TEST(ReplyCheckPostcodeTest, FindsPostcodeWithHouseNumber)
{
    EXPECT_EQ(addresses("Stuur het naar 1234 AB 12."), Strings{"1234 AB 12"});
    EXPECT_EQ(addresses("adres 1234AB, 12a graag"), Strings{"1234AB, 12a"});
    EXPECT_EQ(addresses("Hoofdstraat 12, 1234 AB Amsterdam"), Strings{"Hoofdstraat 12, 1234 AB"});
    EXPECT_EQ(addresses("Kerkweg 3-2 9876 ZX"), Strings{"Kerkweg 3-2 9876 ZX"});
    EXPECT_EQ(addresses("1234ab 7"), Strings{"1234ab 7"});
}

TEST(ReplyCheckPostcodeTest, IgnoresPostcodesAloneAndLookAlikes)
{
    EXPECT_TRUE(addresses("We zitten in 1234 AB, kom gerust langs").empty());
    EXPECT_TRUE(addresses("in 2024 de 12 maanden").empty());          // a year and a word
    EXPECT_TRUE(addresses("1234 SS 12").empty());                     // SA, SD and SS are not used
    EXPECT_TRUE(addresses("0123 AB 12").empty());                     // postcodes don't start with 0
    EXPECT_TRUE(addresses("bestelling 4821-339 om 14:30").empty());
    EXPECT_TRUE(addresses("1234 AB 12:30").empty());
}
