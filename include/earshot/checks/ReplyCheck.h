// The checks a reply passes before it is sent. Each finding is a warning the agent may
// override with a reason (the inbox logs the override); none of them blocks by itself.
//
// Finding ids are stable, for logs, overrides and translations:
//   email      an e-mail address in a public reply
//   phone      a phone number in a public reply
//   iban       a valid IBAN, in any reply: webcare never exchanges bank details over social
//              media, phishers do
//   postcode   a Dutch postcode with house number in a public reply
//   length     longer than the platform allows (see LengthLimit.h)
//   empty      nothing but whitespace; no other check runs then
//   variables  a "{…}" template variable left in the text
//   signature  the team requires named signatures and the reply doesn't end with the first name
// An id appears once per occurrence (two e-mail addresses: two findings with their own span).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "earshot/checks/TextSpan.h"

namespace earshot::checks {

struct Finding {
    std::string id;
    std::string message;     // English, one line, says what to do
    std::string messageNl;   // the same in Dutch
    std::optional<TextSpan> span;   // what to highlight, when the finding is about a part
};

struct ReplyCheckContext {
    // "mastodon", "bluesky", "x", "discourse", or anything else (no length limit).
    std::string platform;
    std::string agentFirstName;
    // The settings flag signature.required = "named" (see SettingsRepository.h).
    bool signatureRequired = false;
    // False for replies that go privately (direct message, e-mail, off-platform): contact
    // details are what a private channel is for, so only the IBAN check remains.
    bool publicReply = true;
    // An instance's own limit, e.g. a Mastodon server that allows 1000 characters.
    std::optional<std::size_t> lengthLimit;
};

std::vector<Finding> checkReply(std::string_view text, const ReplyCheckContext& context);

}  // namespace earshot::checks
