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

namespace {

// Sources that follow one account (`actor` in their settings): that account's own posts are
// what is listened to, not what a reply answers.
constexpr std::array<std::string_view, 2> kAccountSourceKinds = {"mastodon-account", "bluesky-author"};

bool isFollowedAccount(const store::ReplyCandidate& post)
{
    if (!post.sourceActor || !post.authorHandle)
        return false;
    if (std::find(kAccountSourceKinds.begin(), kAccountSourceKinds.end(), post.sourceKind) == kAccountSourceKinds.end())
        return false;
    const std::string& handle = *post.authorHandle;
    const std::string& actor = *post.sourceActor;
    // "brand" follows brand and brand@instance alike.
    return handle == actor || handle.rfind(actor + "@", 0) == 0;
}

}  // namespace

std::optional<std::int64_t> answeredPost(const store::ReplyCandidates& candidates)
{
    const store::ReplyCandidate* newest = nullptr;
    std::optional<std::int64_t> lastHeard;
    for (const store::ReplyCandidate& post : candidates.posts) {
        if (!lastHeard || post.mentionId > *lastHeard)
            lastHeard = post.mentionId;
        if (post.authorId && candidates.ourAuthorId && *post.authorId == *candidates.ourAuthorId)
            continue;
        if (isFollowedAccount(post))
            continue;
        if (!newest || post.postedAt > newest->postedAt ||
            (post.postedAt == newest->postedAt && post.mentionId > newest->mentionId))
            newest = &post;
    }
    return newest ? std::optional<std::int64_t>(newest->mentionId) : lastHeard;
}

Result<checks::ReplyCheckContext> replyCheckContext(store::Session& session, std::int64_t conversationId,
                                                    const std::string& agent)
{
    auto facts = session.inbox().replyCheckFacts(conversationId);
    if (!facts)
        return facts.error();
    if (!*facts)
        return fail("there is no conversation #" + std::to_string(conversationId));
    checks::ReplyCheckContext context;
    context.platform = replyPlatform((*facts)->sourceKind, (*facts)->customerPlatform);

    auto profile = AgentRepository(session).find(agent);
    if (!profile)
        return profile.error();
    context.agentFirstName = profile->firstName;
    auto required = checks::SettingsRepository(session).signatureRequired();
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
