// The people who write in a generated workspace. A third of the conversations come from
// someone new, the rest from returning customers, skewed (Pareto, Zipf-like) towards regulars
// who come back again and again, on any source of their platform. People are kept as a few
// bytes each and given names, handles and profile URLs only when they are stored.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "earshot/demo/PhraseBank.h"
#include "earshot/demo/Random.h"

namespace earshot::demo {

struct AuthorProfile {
    std::string platform;
    std::string handle;          // unique per platform: ends in the person's number
    std::string displayName;
    std::string firstName;
    std::string profileUrl;
    std::int64_t followers = 0;
};

class AuthorPool {
public:
    // newShare: the chance that a conversation's customer is someone not seen before.
    explicit AuthorPool(double newShare);

    // Person numbers count from 0 in order of first appearance.
    std::int64_t pickCustomer(Random& random);
    // Someone new who never comes back as a customer (a spammer).
    std::int64_t pickOneOff(Random& random);
    // Someone joining another's thread on the same platform, new or returning.
    std::int64_t pickBystander(Random& random, std::size_t platform);

    std::size_t platformOf(std::int64_t person) const { return m_people[std::size_t(person)].platform; }
    Language languageOf(std::int64_t person) const { return Language(m_people[std::size_t(person)].language); }
    void describe(std::int64_t person, AuthorProfile& out) const;
    std::int64_t count() const { return std::int64_t(m_people.size()); }

    // People who appeared since the last clearFresh(), to be stored before they are referenced.
    const std::vector<std::int64_t>& fresh() const { return m_fresh; }
    void clearFresh() { m_fresh.clear(); }

private:
    struct Person {
        std::uint32_t followers;
        std::uint16_t firstName;
        std::uint16_t lastName;
        std::uint8_t platform;
        std::uint8_t language;
        std::uint8_t style;     // how the handle and display name are written
    };

    std::int64_t create(Random& random, std::size_t platform, bool returns);

    double m_newShare;
    std::vector<double> m_platformShares;
    std::vector<Person> m_people;
    std::vector<std::vector<std::int64_t>> m_byPlatform;
    std::vector<std::uint32_t> m_tickets;    // each person once per unit of activity
    std::vector<std::int64_t> m_fresh;
};

}  // namespace earshot::demo
