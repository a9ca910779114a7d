#include "earshot/demo/WorkspaceGenerator.h"


#include <algorithm>
#include <chrono>
#include <ctime>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "earshot/demo/ActivityCalendar.h"
#include "earshot/demo/AuthorPool.h"
#include "earshot/demo/ConversationPlanner.h"
#include "earshot/demo/DemoCast.h"
#include "earshot/demo/PhraseBank.h"
#include "earshot/demo/Random.h"
#include "earshot/store/Mentions.h"

namespace earshot::demo {

namespace {

// Generated sources carry this key in their settings; it is how a second run recognises them.
constexpr std::string_view kGeneratorKey = "generator";

// One conversation in three starts with someone new: about N/3 people for N conversations.
constexpr double kNewCustomerShare = 0.33;

// Everything one run needs: the story machinery, the loader and the next ids. Ids are
// assigned here rather than by the database so events can name a reply before it is read back.
class Run {
public:
    Run(store::BulkLoader& loader, const GeneratorOptions& options, std::int64_t now)
        : m_loader(loader),
          m_options(options),
          m_random(mixSeed(options.seed, 0x45617273686f74ull)),
          m_calendar(m_random, now, options.days),
          m_authors(kNewCustomerShare),
          m_planner(m_phrases, m_calendar, m_authors)
    {
    }

    Status prepare();
    Status writeCast(GeneratorSummary& summary);
    Status writeConversation(std::int64_t createdAt, GeneratorSummary& summary);
    std::vector<std::int64_t> sampleTimes();

private:
    Status writeFreshAuthors(GeneratorSummary& summary);

    store::BulkLoader& m_loader;
    const GeneratorOptions& m_options;
    Random m_random;
    PhraseBank m_phrases;
    ActivityCalendar m_calendar;
    AuthorPool m_authors;
    ConversationPlanner m_planner;
    ConversationPlan m_plan;
    AuthorProfile m_profile;

    std::int64_t m_authorBase = 0;
    std::int64_t m_nextConversation = 0, m_nextMention = 0, m_nextReply = 0;
    std::vector<std::int64_t> m_sourceIds;
    std::vector<std::string> m_externalIds;
    std::vector<std::int64_t> m_replyIds;
    std::string m_link, m_replyExternalId, m_detail;
};

Status Run::prepare()
{
    auto ids = m_loader.nextIds();
    if (!ids)
        return ids.error();
    m_authorBase = ids->author;
    m_nextConversation = ids->conversation;
    m_nextMention = ids->mention;
    m_nextReply = ids->reply;
    return Ok{};
}

Status Run::writeCast(GeneratorSummary& summary)
{
    const std::string settings =
        nlohmann::json{{kGeneratorKey, "earshot-cli generate"}, {"seed", m_options.seed}, {"demo", true}}.dump();
    const std::int64_t createdAt = m_calendar.start() - 86400;
    for (const DemoSource& source : demoSources()) {
        auto id = m_loader.addSource({.name = source.name,
                                      .url = source.url,
                                      .includeWords = source.includeWords,
                                      .settings = settings,
                                      .createdAt = createdAt});
        if (!id)
            return fail("cannot add demo source: " + id.message());
        m_sourceIds.push_back(*id);
    }
    summary.sources = std::int64_t(m_sourceIds.size());

    // Profiles with these names may exist already (a second workspace, a real team): keep them.
    for (const DemoAgent& agent : demoAgents()) {
        nlohmann::json languages = nlohmann::json::array();
        if (agent.dutch)
            languages.push_back("nl");
        if (agent.english)
            languages.push_back("en");
        const std::string languageList = languages.dump();
        auto added = m_loader.addAgent({.name = agent.name,
                                        .firstName = agent.firstName,
                                        .languages = languageList,
                                        .teams = agent.teams,
                                        .createdAt = createdAt});
        if (!added)
            return added.error();
        summary.agents += *added ? 1 : 0;
    }
    return Ok{};
}

std::vector<std::int64_t> Run::sampleTimes()
{
    // Conversations are written in the order they began, so their ids follow time as real ones do.
    std::vector<std::int64_t> times(std::size_t(m_options.conversations));
    for (auto& at : times)
        at = m_calendar.sample(m_random);
    std::sort(times.begin(), times.end());
    return times;
}

Status Run::writeFreshAuthors(GeneratorSummary& summary)
{
    for (std::int64_t person : m_authors.fresh()) {
        m_authors.describe(person, m_profile);
        if (auto stored = m_loader.addAuthor(m_authorBase + person, {.platform = m_profile.platform,
                                                                     .handle = m_profile.handle,
                                                                     .displayName = m_profile.displayName,
                                                                     .profileUrl = m_profile.profileUrl,
                                                                     .followers = m_profile.followers});
            !stored)
            return stored;
        ++summary.authors;
    }
    m_authors.clearFresh();
    return Ok{};
}

Status Run::writeConversation(std::int64_t createdAt, GeneratorSummary& summary)
{
    m_planner.plan(m_random, createdAt, m_plan);
    if (auto authors = writeFreshAuthors(summary); !authors)
        return authors;
    const auto& agents = demoAgents();
    const DemoSource& source = demoSources()[m_plan.source];
    const std::int64_t sourceId = m_sourceIds[m_plan.source];
    const std::int64_t conversationId = m_nextConversation++;

    m_externalIds.clear();
    for (std::size_t i = 0; i < m_plan.mentions.size(); ++i)
        m_externalIds.push_back("demo-" + std::to_string(m_nextMention + std::int64_t(i)));
    const std::string& threadKey = m_externalIds.front();
    auto agentName = [&](int agent) { return agent < 0 ? std::string_view() : agents[std::size_t(agent)].name; };

    if (auto stored = m_loader.addConversation({.id = conversationId,
                                                .sourceId = sourceId,
                                                .threadKey = threadKey,
                                                .customerId = m_authorBase + m_plan.customer,
                                                .status = m_plan.status,
                                                .assignee = agentName(m_plan.assignee),
                                                .lastAgent = agentName(m_plan.lastAgent),
                                                .priority = domain::priorityFromInt(m_plan.priority),
                                                .createdAt = m_plan.createdAt,
                                                .updatedAt = m_plan.updatedAt,
                                                .lastCustomerAt = m_plan.lastCustomerAt,
                                                .firstResponseAt = m_plan.firstResponseAt,
                                                .resolvedAt = m_plan.resolvedAt,
                                                .messageCount = std::int64_t(m_plan.mentions.size()),
                                                .snippet = m_plan.snippet});
        !stored)
        return stored;

    for (std::size_t i = 0; i < m_plan.mentions.size(); ++i) {
        const PlannedMention& mention = m_plan.mentions[i];
        m_link.assign(source.linkBase).append(threadKey).append("#").append(m_externalIds[i]);
        // Feeds are read a little after people post.
        const std::int64_t publishedAt = mention.at - m_random.between(20, 600);
        if (auto stored = m_loader.addMention({.id = m_nextMention++,
                                               .sourceId = sourceId,
                                               .externalId = m_externalIds[i],
                                               .conversationId = conversationId,
                                               .authorId = m_authorBase + mention.author,
                                               .title = mention.title,
                                               .body = mention.body,
                                               .link = m_link,
                                               .replyTo = i == 0 ? std::string_view() : m_externalIds[i - 1],
                                               .publishedAt = publishedAt,
                                               .ingestedAt = mention.at});
            !stored)
            return stored;
    }
    summary.mentions += std::int64_t(m_plan.mentions.size());

    m_replyIds.clear();
    for (const PlannedReply& reply : m_plan.replies) {
        const std::int64_t replyId = m_nextReply++;
        m_replyIds.push_back(replyId);
        m_replyExternalId = "demo-r" + std::to_string(replyId);
        if (auto stored = m_loader.addReply(
                {.id = replyId,
                 .conversationId = conversationId,
                 .agent = agents[reply.agent].name,
                 .body = reply.body,
                 .channel = reply.offPlatform ? domain::Channel::OffPlatform : domain::Channel::Platform,
                 .externalId = reply.offPlatform ? std::string_view() : std::string_view(m_replyExternalId),
                 .sentAt = reply.at});
            !stored)
            return stored;
    }
    summary.replies += std::int64_t(m_plan.replies.size());

    auto optionalText = [](std::string_view text) {
        return text.empty() ? std::nullopt : std::optional<std::string>(text);
    };
    for (const PlannedEvent& event : m_plan.events) {
        const std::string_view actor =
            event.actor < 0 ? domain::kEngineActor : std::string_view(agents[std::size_t(event.actor)].name);
        if (event.kind == domain::EventKind::Tagged) {
            if (auto tagged = m_loader.addTag(conversationId, event.to); !tagged)
                return tagged;
        } else if (event.kind == domain::EventKind::Note) {
            if (auto noted = m_loader.addNote(conversationId, actor, event.detail, event.at); !noted)
                return noted;
        }
        store::Event logged{.at = event.at,
                            .actor = std::string(actor),
                            .kind = event.kind,
                            .conversationId = conversationId,
                            .fromValue = optionalText(event.from),
                            .toValue = optionalText(event.to),
                            .detail = optionalText(event.detail)};
        if (event.kind == domain::EventKind::ConversationCreated)
            logged.sourceId = sourceId;
        if (event.reply >= 0)
            logged.detail = std::to_string(m_replyIds[std::size_t(event.reply)]);
        if (auto stored = m_loader.addEvent(logged); !stored)
            return stored;
    }
    summary.events += std::int64_t(m_plan.events.size());
    ++summary.conversations;
    return Ok{};
}

}  // namespace

void WorkspaceGenerator::report(std::string_view phase, std::int64_t done, std::int64_t total) const
{
    if (m_progress)
        m_progress({phase, done, total});
}

Result<GeneratorSummary> WorkspaceGenerator::generate(const GeneratorOptions& options)
{
    if (options.conversations < 1 || options.conversations > kMaxConversations)
        return fail("the number of conversations must be from 1 to " + std::to_string(kMaxConversations));
    if (options.days < 1 || options.days > kMaxDays)
        return fail("the number of days must be from 1 to " + std::to_string(kMaxDays));
    const auto started = std::chrono::steady_clock::now();

    const std::int64_t now = options.now ? options.now : std::int64_t(std::time(nullptr));
    GeneratorSummary summary;
    Status written = m_workspace.bulkLoad([&](store::BulkLoader& loader) -> Status {
        // Checked inside the transaction, so two runs at once cannot both pass.
        auto generated = loader.countSourcesWithSetting(kGeneratorKey);
        if (!generated)
            return generated.error();
        if (*generated > 0)
            return fail(m_workspace.location() + " already holds a generated workspace (" +
                        std::to_string(*generated) +
                        " demo sources); generate into a new file instead, e.g. --db /tmp/earshot-demo.db");
        auto existing = loader.countConversations();
        if (!existing)
            return existing.error();

        Run run(loader, options, now);
        if (auto prepared = run.prepare(); !prepared)
            return prepared;
        // Rebuilding indexes sorts everything already there too; worth it unless that is most.
        if (options.conversations >= *existing)
            if (auto deferred = loader.deferIndexes(); !deferred)
                return deferred;
        if (auto cast = run.writeCast(summary); !cast)
            return cast;
        const std::vector<std::int64_t> times = run.sampleTimes();
        const std::int64_t step = std::max<std::int64_t>(1, options.conversations / 10);
        for (std::size_t i = 0; i < times.size(); ++i) {
            if (auto stored = run.writeConversation(times[i], summary); !stored)
                return fail("cannot write generated conversation: " + stored.message());
            const auto done = std::int64_t(i + 1);
            if (done % step == 0 || done == options.conversations)
                report("conversations", done, options.conversations);
        }
        report("indexing", options.conversations, options.conversations);
        if (auto finished = loader.finish(); !finished)
            return finished;
        report("committing", options.conversations, options.conversations);
        return Ok{};
    });
    if (!written)
        return written.error();
    summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    report("done", options.conversations, options.conversations);
    return summary;
}

}  // namespace earshot::demo
