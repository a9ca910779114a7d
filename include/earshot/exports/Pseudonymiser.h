// Pseudonyms for exports that leave the webcare team (analysts, researchers): who wrote a
// mention becomes "person-3f9a0c1d2e4b5a67", and contact details inside the text are blanked,
// while the export still shows that two mentions came from the same person.
//
// A pseudonym is HMAC-SHA-256(key, kind + '\0' + value), shortened to 16 hex digits (64 bits;
// collisions stay unlikely far beyond a million people). With the same key the same value
// always gets the same pseudonym, across exports and program runs; another key gives
// unrelated pseudonyms; without the key nobody can go back from a pseudonym to the value, nor
// confirm a guess ("is person-… @anna?") by hashing candidates, as they could with a plain hash.
//
// Where the key lives: the caller creates it once with generateKey() and keeps it with the
// workspace's settings (or in the system keychain), never in an export and never in what is
// sent to analysts. Whoever has the key can test guesses, so it is as confidential as the
// mentions themselves. Keep the key and later exports use the same pseudonyms, so analysts
// can follow a person over months; make a new key for exports that must not be linkable to
// earlier ones. A lost key cannot be recovered, only replaced.
//
// What scrub() removes and what it does not: see there.
#pragma once

#include <string>
#include <string_view>

#include "earshot/core/Result.h"

namespace earshot::exports {

class Pseudonymiser {
public:
    // The kind handlePseudonym() and scrub() use, so that an author column written with it
    // matches the @mentions in the text.
    static constexpr std::string_view kPersonKind = "person";

    // `key`: any bytes, for instance generateKey()'s. An empty key throws
    // std::invalid_argument: pseudonyms would be a plain hash that anyone can recompute.
    // Check a key a person typed with checkKey() first.
    explicit Pseudonymiser(std::string key);

    // 32 random bytes from std::random_device, as 64 lower-case hex digits.
    static std::string generateKey();
    // Fails, with a message for the person who typed the key, when it is too short to resist
    // guessing (fewer than 16 bytes).
    static Status checkKey(std::string_view key);

    // `kind` + "-" + 16 hex digits. `kind` names what the value is ("person", "conversation")
    // and keeps kinds apart: the same text as a person and as a conversation gets unrelated
    // pseudonyms. Kinds are fixed words in code; one containing '\0' throws
    // std::invalid_argument, since it could make two different inputs hash alike. An empty
    // value (no author) gives an empty string rather than one pseudonym shared by everyone.
    std::string pseudonym(std::string_view kind, std::string_view value) const;

    // A handle as a person: a leading '@' is dropped and ASCII letters lower-cased, so "@Anna",
    // "@anna" and "anna" are one person. Fediverse handles keep their server
    // ("anna@mastodon.social"), which is a different person from "anna" elsewhere.
    std::string handlePseudonym(std::string_view handle) const;

    // Text that can be shown to analysts. Replaced:
    // - e-mail addresses with "[e-mail]" and phone numbers with "[phone]" (the reply checks'
    //   finders: Dutch numbers as people write them, international ones with + or 00);
    // - IBANs with "[iban]" and Dutch postcodes with a house number with "[address]";
    // - @handles ("@anna", "@anna.bsky.social", "@anna@mastodon.social") with
    //   "@" + handlePseudonym(), so a mention of someone matches their author column. Only
    //   ASCII handles that start after a space or punctuation; brand handles are replaced too.
    // Not removed: names written out ("Anne de Vries"), street names without a postcode,
    // customer and order numbers, links (which may name a profile), photos' contents, and
    // phone numbers in unusual formats. Order numbers such as "4711", dates, times and
    // amounts are kept, as the finders are tuned to leave them alone.
    std::string scrub(std::string_view text) const;

private:
    std::string m_key;
};

}  // namespace earshot::exports
