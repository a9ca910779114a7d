#include "earshot/inbox/Ingest.h"

#include "earshot/core/StorableText.h"
#include "earshot/core/Text.h"
#include "earshot/store/InboxStore.h"
#include "earshot/store/SourceStore.h"

namespace earshot::inbox {

namespace {

using domain::ConversationStatus;

constexpr std::size_t kSnippetLength = 200;

// The sources whose conversations a mention of `source` may join: a thread heard by two
// sources of one platform (a hashtag and the brand's mentions) is one conversation. A feed
// source keeps its own. Mastodon names a parent by the id it has on one server, so there only
// sources of the same server share threads.
Result<store::SourceScope> conversationScope(store::SourceStore& sources, const store::Source& source)
{
    if (source.kind == "feed")
        return store::SourceScope{source.id};
    const std::string family = source.kind.substr(0, source.kind.find('-'));
    const bool sameServerOnly = family == "mastodon";
    const std::string ownHost = core::hostOf(source.url);
    auto all = sources.list();
    if (!all)
        return all.error();
    store::SourceScope scope;
    for (const store::Source& other : *all) {
        const bool sameFamily = other.kind == family || other.kind.starts_with(family + "-");
        if (sameFamily && (!sameServerOnly || core::hostOf(other.url) == ownHost))
            scope.push_back(other.id);
    }
    return scope.empty() ? store::SourceScope{source.id} : scope;
}

// The thread a mention belongs to: the platform's thread id, else the thread of the post it
// answers, else its own id (one conversation per mention). A parent not stored (yet) still
// names the thread, so its replies meet there when it arrives.
Result<std::string> threadKeyFor(store::MentionStore& store, const store::SourceScope& scope,
                                 const store::NewMention& mention)
{
    if (!mention.threadId.empty())
        return mention.threadId;
    if (mention.replyTo.empty())
        return mention.externalId;
    auto byExternalId = store.threadOfPost(scope, store::PostId::External, mention.replyTo);
    if (!byExternalId)
        return byExternalId.error();
    // Mastodon replies name their parent by its id on one server, which only platform posts have.
    if (*byExternalId || !mention.platformRef)
        return byExternalId->value_or(mention.replyTo);
    auto byPlatformId = store.threadOfPost(scope, store::PostId::Platform, mention.replyTo);
    if (!byPlatformId)
        return byPlatformId.error();
    return byPlatformId->value_or(mention.replyTo);
}

// A post heard twice is stored once: a feed item per source, a platform post (a global
// URI) whichever source heard it.
Result<bool> alreadyStored(store::MentionStore& store, std::int64_t sourceId, const store::NewMention& mention)
{
    auto found = mention.platformRef ? store.findPlatformPost(mention.externalId)
                                     : store.findHeard(sourceId, mention.externalId);
    if (!found)
        return found.error();
    return found->has_value();
}

// A customer writing again on a conversation that was resolved or waited for them reopens it:
// new when nobody holds it, open for the one who does.
Result<bool> reopenIfClosed(store::Session& session, std::int64_t conversationId,
                            const store::ConversationHolding& before, std::int64_t now)
{
    if (before.status != ConversationStatus::Resolved && before.status != ConversationStatus::Pending)
        return false;
    const ConversationStatus reopened = before.assignee.empty() ? ConversationStatus::New : ConversationStatus::Open;
    if (auto done = session.mentions().reopen(conversationId, reopened); !done)
        return done.error();
    store::Event event{.at = now,
                       .actor = std::string(domain::kEngineActor),
                       .kind = domain::EventKind::Reopened,
                       .conversationId = conversationId,
                       .fromValue = std::string(domain::statusName(before.status)),
                       .toValue = std::string(domain::statusName(reopened))};
    if (!before.assignee.empty())
        event.detail = before.assignee;
    if (auto logged = session.inbox().appendEvent(event); !logged)
        return logged.error();
    return true;
}

// The mention with every text storable (core/StorableText.h); most need no copy at all.
const store::NewMention& storable(const store::NewMention& mention, store::NewMention& repaired)
{
    const auto texts = [](auto& m) {
        std::vector<decltype(&m.title)> all = {&m.externalId, &m.title, &m.body, &m.link, &m.replyTo, &m.threadId,
                                               &m.author.platform, &m.author.handle, &m.author.displayName,
                                               &m.author.profileUrl, &m.platformId};
        for (auto& link : m.htmlLinks)
            all.push_back(&link);
        if (m.platformRef)
            all.push_back(&*m.platformRef);
        return all;
    };
    bool clean = true;
    for (const std::string* text : texts(mention))
        clean = clean && core::isStorableText(*text);
    if (clean)
        return mention;
    repaired = mention;
    for (std::string* text : texts(repaired))
        core::makeStorable(*text);
    return repaired;
}

}  // namespace

Result<store::IngestResult> ingestMentions(store::Session& session, std::int64_t sourceId,
                                           const std::vector<store::NewMention>& mentions, std::int64_t now)
{
    store::MentionStore& store = session.mentions();
    auto source = session.sources().byId(sourceId);
    if (!source)
        return source.error();
    auto scope = conversationScope(session.sources(), *source);
    if (!scope)
        return scope.error();

    store::IngestResult result;
    store::NewMention repaired;
    for (const store::NewMention& heard : mentions) {
        const store::NewMention& mention = storable(heard, repaired);
        auto stored = alreadyStored(store, sourceId, mention);
        if (!stored)
            return stored.error();
        if (*stored) {
            ++result.duplicates;
            continue;
        }
        auto authorId = store.rememberAuthor(mention.author);
        if (!authorId)
            return authorId.error();
        auto threadKey = threadKeyFor(store, *scope, mention);
        if (!threadKey)
            return threadKey.error();
        const std::string snippet = core::truncateUtf8(mention.body.empty() ? mention.title : mention.body, kSnippetLength);

        auto existing = store.conversationOfThread(*scope, *threadKey);
        if (!existing)
            return existing.error();
        std::int64_t conversationId = 0;
        if (*existing) {
            conversationId = **existing;
            auto before = store.addCustomerMessage(conversationId, now, snippet);
            if (!before)
                return before.error();
            auto reopened = reopenIfClosed(session, conversationId, *before, now);
            if (!reopened)
                return reopened.error();
            if (*reopened)
                result.conversationsReopened.push_back(conversationId);
        } else {
            auto started = store.startConversation({.sourceId = sourceId,
                                                    .threadKey = *threadKey,
                                                    .customerId = *authorId,
                                                    .at = now,
                                                    .snippet = snippet,
                                                    .priority = source->defaultPriority});
            if (!started)
                return started.error();
            conversationId = *started;
            result.conversationsCreated.push_back(conversationId);
            if (auto logged = session.inbox().appendEvent({.at = now,
                                                           .actor = std::string(domain::kEngineActor),
                                                           .kind = domain::EventKind::ConversationCreated,
                                                           .conversationId = conversationId,
                                                           .sourceId = sourceId});
                !logged)
                return logged.error();
        }
        auto mentionId = store.storeMention(sourceId, conversationId, *authorId, mention, now);
        if (!mentionId)
            return mentionId.error();
        result.mentionIds.push_back(*mentionId);
    }
    return result;
}

}  // namespace earshot::inbox
