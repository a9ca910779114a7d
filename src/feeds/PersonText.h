// The people a feed names: RSS writes "me@example.com (Jane Doe)" or "Jane <me@…>" in one
// string; Atom has name/email/uri children. The feed model keeps a name, else an e-mail.
#pragma once

#include <string>
#include <string_view>

namespace earshot::feeds {

class PersonText {
public:
    struct Person {
        std::string name;
        std::string email;
    };

    static Person split(std::string_view text);

    // Name when there is one, else the e-mail address.
    static std::string display(std::string_view text);
};

}  // namespace earshot::feeds
