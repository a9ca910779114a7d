#include "PersonText.h"

#include "earshot/feeds/HtmlText.h"

namespace earshot::feeds {

namespace {

bool isEmailChar(char c)
{
    return !(c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '<' || c == '>' || c == '(' ||
             c == ')' || c == '"' || c == ',' || c == ';' || c == '[' || c == ']');
}

}  // namespace

PersonText::Person PersonText::split(std::string_view text)
{
    Person person;
    std::string rest(text);
    const std::size_t at = rest.find('@');
    if (at != std::string::npos) {
        std::size_t start = at;
        while (start > 0 && isEmailChar(rest[start - 1]))
            --start;
        std::size_t end = at + 1;
        while (end < rest.size() && isEmailChar(rest[end]))
            ++end;
        if (start < at && end > at + 1) {
            person.email = rest.substr(start, end - start);
            if (person.email.compare(0, 7, "mailto:") == 0)
                person.email.erase(0, 7);
            rest.erase(start, end - start);
        }
    }
    // What is left is the name, once the brackets that held the address are gone.
    for (std::string_view empty : {"()", "<>", "[]"}) {
        for (std::size_t pos = rest.find(empty); pos != std::string::npos; pos = rest.find(empty))
            rest.erase(pos, 2);
    }
    std::string name = HtmlText::collapseWhitespace(rest);
    if (name.size() >= 2 && name.front() == '(' && name.back() == ')')
        name = name.substr(1, name.size() - 2);
    person.name = HtmlText::collapseWhitespace(name);
    return person;
}

std::string PersonText::display(std::string_view text)
{
    Person person = split(text);
    return person.name.empty() ? person.email : person.name;
}

}  // namespace earshot::feeds
