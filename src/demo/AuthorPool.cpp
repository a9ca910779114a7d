#include "earshot/demo/AuthorPool.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <string_view>

#include "earshot/core/Text.h"
#include "earshot/demo/DemoCast.h"

namespace earshot::demo {

namespace {

// Common names in the Netherlands (including its Turkish and Moroccan families) and in
// English-speaking countries; a few carry diacritics so handles and search see real UTF-8.
constexpr std::array<std::string_view, 48> kDutchFirst = {
    "Sanne",  "Daan",    "Emma",   "Bram",    "Lotte",  "Thijs",  "Fleur",  "Joris",  "Anouk",    "Sem",
    "Noor",   "Lars",    "Julia",  "Ruben",   "Femke",  "Stijn",  "Iris",   "Wouter", "Maud",     "Jesse",
    "Zoë",    "Niels",   "Eline",  "Koen",    "Daniëlle", "Sven", "Marloes", "Bas",   "Ilse",     "Gijs",
    "Mohamed", "Fatima", "Yusuf",  "Ayşe",    "Emre",   "Samira", "Anaïs",  "Joëlle", "Rik",      "Hanneke",
    "Pieter", "Ingrid",  "Wim",    "Truus",   "Kees",   "Marieke", "Lieke", "Floor"};
constexpr std::array<std::string_view, 40> kDutchLast = {
    "de Jong",   "Jansen",   "de Vries",   "van den Berg", "van Dijk",  "Bakker",   "Janssen",   "Visser",
    "Smit",      "Meijer",   "de Boer",    "Mulder",       "de Groot",  "Bos",      "Vos",       "Peters",
    "Hendriks",  "van Leeuwen", "Dekker",  "Brouwer",      "de Wit",    "Dijkstra", "Smits",     "de Graaf",
    "van der Meer", "Kok",   "Jacobs",     "de Haan",      "Vermeulen", "van Beek", "Yılmaz",    "El Idrissi",
    "Özdemir",   "Boukhari", "Kaya",       "van 't Hof",   "Schouten",  "Post",     "Kuipers",   "Gerritsen"};
constexpr std::array<std::string_view, 32> kEnglishFirst = {
    "Oliver", "Amelia", "Jack",   "Olivia", "Harry",  "Isla",   "George", "Ava",    "Noah",   "Emily",
    "James",  "Sophie", "Liam",   "Grace",  "Ethan",  "Chloé",  "Mason",  "Lily",   "Lucas",  "Mia",
    "Ryan",   "Hannah", "Aiden",  "Zoe",    "Sean",   "Priya",  "Arjun",  "Mei",    "Carlos", "Ana",
    "Björn",  "Ingrid"};
constexpr std::array<std::string_view, 28> kEnglishLast = {
    "Smith",  "Jones",    "Taylor", "Brown",   "Williams", "Wilson", "Johnson", "Davies", "Patel",  "Wright",
    "Walker", "Thompson", "White",  "Hughes",  "Edwards",  "Green",  "Hall",    "Wood",   "Harris", "Clarke",
    "Murphy", "O'Brien",  "Kumar",  "Nguyen",  "García",   "Müller", "Kowalski", "Chen"};

std::string asciiWord(std::string_view text)
{
    std::string out;
    for (char c : core::foldForMatching(text))
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            out += c;
    return out;
}

}  // namespace

AuthorPool::AuthorPool(double newShare) : m_newShare(newShare), m_byPlatform(demoPlatforms().size())
{
    for (const DemoPlatform& platform : demoPlatforms())
        m_platformShares.push_back(platform.share);
}

std::int64_t AuthorPool::create(Random& random, std::size_t platform, bool returns)
{
    const bool dutch = random.chance(demoPlatforms()[platform].dutchShare);
    Person person{};
    person.platform = std::uint8_t(platform);
    person.language = std::uint8_t(dutch ? Language::Dutch : Language::English);
    person.firstName = std::uint16_t(random.below(dutch ? kDutchFirst.size() : kEnglishFirst.size()));
    person.lastName = std::uint16_t(random.below(dutch ? kDutchLast.size() : kEnglishLast.size()));
    person.style = std::uint8_t(random.below(4));
    person.followers = std::uint32_t(std::min(2'000'000.0, random.logNormal(120, 1.6)));
    const auto number = std::int64_t(m_people.size());
    m_people.push_back(person);
    // Returning customers are drawn in proportion to a Pareto-distributed activity, capped
    // so that even the most vocal regular stays a person (a few hundred threads), not a bot.
    const double activity = std::pow(1.0 - random.unit(), -1.0 / 1.5);
    if (returns)
        m_tickets.insert(m_tickets.end(), std::size_t(std::min(30.0, activity)), std::uint32_t(number));
    m_byPlatform[platform].push_back(number);
    m_fresh.push_back(number);
    return number;
}

std::int64_t AuthorPool::pickCustomer(Random& random)
{
    // People may exist without tickets (one-off spammers can come first), so ask for tickets.
    if (m_tickets.empty() || random.chance(m_newShare))
        return create(random, random.weighted(m_platformShares), true);
    return m_tickets[random.below(m_tickets.size())];
}

std::int64_t AuthorPool::pickOneOff(Random& random)
{
    return create(random, random.weighted(m_platformShares), false);
}

std::int64_t AuthorPool::pickBystander(Random& random, std::size_t platform)
{
    const auto& known = m_byPlatform[platform];
    if (known.empty() || random.chance(0.5))
        return create(random, platform, true);
    return known[random.below(known.size())];
}

void AuthorPool::describe(std::int64_t number, AuthorProfile& out) const
{
    const Person& person = m_people[std::size_t(number)];
    const bool dutch = Language(person.language) == Language::Dutch;
    const std::string_view first = dutch ? kDutchFirst[person.firstName] : kEnglishFirst[person.firstName];
    const std::string_view last = dutch ? kDutchLast[person.lastName] : kEnglishLast[person.lastName];
    const DemoPlatform& platform = demoPlatforms()[person.platform];
    const std::string suffix = std::to_string(number);
    out.platform.assign(platform.platform);
    out.firstName.assign(first);
    switch (person.style) {
    case 0:
        out.handle = asciiWord(first) + asciiWord(last) + suffix;
        break;
    case 1:
        out.handle = asciiWord(first) + "_" + asciiWord(last).substr(0, 1) + suffix;
        break;
    case 2:
        out.handle = asciiWord(first) + "." + asciiWord(last) + "." + suffix;
        break;
    default:
        out.handle = asciiWord(last) + "_" + suffix;
        break;
    }
    out.displayName.assign(first);
    if (person.style != 1) {
        out.displayName += ' ';
        out.displayName.append(last);
    }
    out.profileUrl.assign(platform.profileBase);
    out.profileUrl += out.handle;
    out.followers = person.followers;
}

}  // namespace earshot::demo
