#include "earshot/inbox/ReplyRules.h"

#include <algorithm>
#include <array>

#include "earshot/checks/SettingsRepository.h"
#include "earshot/inbox/AgentRepository.h"
#include "earshot/inbox/Inbox.h"

namespace earshot::inbox {

std::string replyPlatform(std::string_view sourceKind, std::string_view customerPlatform)
{
    // Feed authors are "feed" people: the reply goes wherever the source lives.
    if (!customerPlatform.empty() && customerPlatform != "feed")
        return std::string(customerPlatform);
    return std::string(sourceKind);
}

Result<checks::ReplyCheckContext> replyCheckContext(store::Database& db, std::int64_t conversationId,
                                                    const std::string& agent)
{
    auto query = db.cached(
        "SELECT s.kind, COALESCE(a.platform, '') FROM conversations c JOIN sources s ON s.id = c.source_id"
        " LEFT JOIN authors a ON a.id = c.customer_id WHERE c.id = ?");
    if (!query)
        return query.error();
    store::Statement& row = **query;
    row.bind(1, conversationId);
    auto found = row.step();
    if (!found)
        return found.error();
    if (!*found)
        return fail("there is no conversation #" + std::to_string(conversationId));
    checks::ReplyCheckContext context;
    context.platform = replyPlatform(row.text(0), row.text(1));
    row.reset();

    auto profile = AgentRepository(db).find(agent);
    if (!profile)
        return profile.error();
    context.agentFirstName = profile->firstName;
    auto required = checks::SettingsRepository(db).signatureRequired();
    if (!required)
        return required.error();
    context.signatureRequired = *required;
    // Every channel we have ends in the public thread: an off-platform reply is pasted there
    // by hand. Private channels (direct messages) will set this false.
    context.publicReply = true;
    return context;
}

bool isReplyCheckId(std::string_view id)
{
    static constexpr std::array<std::string_view, 8> kIds = {"email",  "phone", "iban",      "postcode",
                                                             "length", "empty", "variables", "signature"};
    return std::find(kIds.begin(), kIds.end(), id) != kIds.end();
}

std::vector<checks::Finding> unansweredFindings(const std::vector<checks::Finding>& findings,
                                                const std::vector<CheckOverride>& overrides)
{
    std::vector<checks::Finding> unanswered;
    for (const checks::Finding& finding : findings) {
        const bool answered = std::any_of(overrides.begin(), overrides.end(),
                                          [&](const CheckOverride& o) { return o.checkId == finding.id; });
        if (!answered)
            unanswered.push_back(finding);
    }
    return unanswered;
}

std::string refusalMessage(const std::vector<checks::Finding>& unanswered)
{
    std::string message = "not sent:";
    for (std::size_t i = 0; i < unanswered.size(); ++i)
        message += (i == 0 ? " " : "; ") + unanswered[i].message + " [" + unanswered[i].id + "]";
    return message + ". Change the text, or override the check with a reason";
}

}  // namespace earshot::inbox
