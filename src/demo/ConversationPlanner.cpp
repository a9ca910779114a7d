#include "earshot/demo/ConversationPlanner.h"

#include <algorithm>
#include <array>

#include "earshot/core/Text.h"
#include "earshot/demo/DemoCast.h"

namespace earshot::demo {

namespace {

constexpr double kMinute = 60;
constexpr double kHour = 3600;
constexpr double kDay = 86400;

// Snippets are at most 200 bytes; truncateUtf8 adds a three-byte "…" when it cuts.
constexpr std::size_t kSnippetBytes = 197;

// How often each topic starts a conversation (spam is decided separately).
const std::vector<double> kTopicWeights = {24, 12, 11, 7, 10, 8, 10, 9, 7};

// How long until an agent picks a conversation up, by priority (low .. urgent), when staffed.
constexpr std::array<double, 4> kResponseMedian = {3 * kHour, 50 * kMinute, 20 * kMinute, 8 * kMinute};

double quick(Random& random) { return double(random.between(5, 90)); }
double writing(Random& random) { return double(random.between(60, 1200)); }
double customerDelay(Random& random) { return std::min(4 * kDay, random.logNormal(2.5 * kHour, 1.1)); }
double impatientDelay(Random& random) { return std::min(2 * kDay, random.logNormal(3 * kHour, 0.6)); }

}  // namespace


ConversationPlanner::ConversationPlanner(const PhraseBank& phrases, const ActivityCalendar& calendar,
                                         AuthorPool& authors)
    : m_phrases(phrases),
      m_calendar(calendar),
      m_authors(authors),
      m_sourcesByPlatform(demoPlatforms().size()),
      m_sourceWeights(demoPlatforms().size())
{
    const auto& sources = demoSources();
    for (std::size_t i = 0; i < sources.size(); ++i) {
        m_sourcesByPlatform[sources[i].platform].push_back(i);
        m_sourceWeights[sources[i].platform].push_back(sources[i].weight);
    }
    const auto& agents = demoAgents();
    for (std::size_t i = 0; i < agents.size(); ++i) {
        m_dutchAgentWeights.push_back(agents[i].dutch ? agents[i].weight : 0.0);
        m_englishAgentWeights.push_back(agents[i].english ? agents[i].weight : 0.0);
        if (agents[i].lead)
            m_lead = int(i);
    }
}

ConversationStatus ConversationPlanner::chooseStatus(Random& random, std::int64_t age) const
{
    // Old conversations are nearly all done; the last day's are still being worked on.
    // A few old ones stay forgotten, which is what waiting-time metrics are for.
    struct Mix {
        double upToDays;
        std::array<double, 4> weights;   // new, open, pending, resolved
    };
    static const std::array<Mix, 4> mixes = {{{0.5, {40, 30, 15, 15}},
                                              {2, {10, 20, 20, 50}},
                                              {7, {3, 8, 9, 80}},
                                              {1e9, {1, 2, 2, 95}}}};
    const double days = double(age) / kDay;
    for (const Mix& mix : mixes) {
        if (days < mix.upToDays)
            return ConversationStatus(random.weighted(std::vector<double>(mix.weights.begin(), mix.weights.end())));
    }
    return ConversationStatus::Resolved;
}

int ConversationPlanner::choosePriority(Random& random, Topic topic) const
{
    switch (topic) {
    case Topic::Outage:
        return int(random.weighted({2, 50, 35, 13}));
    case Topic::Compliment:
    case Topic::Question:
        return int(random.weighted({40, 60}));
    case Topic::Spam:
        return 0;
    default:
        return int(random.weighted({8, 77, 12, 3}));
    }
}

int ConversationPlanner::mentionBudget(Random& random, Topic topic) const
{
    if (topic == Topic::Spam || topic == Topic::Compliment)
        return 1;
    return 1 + int(random.weighted({50, 25, 13, 8, 4}));
}

int ConversationPlanner::pickAgent(Random& random, Language language, int except) const
{
    std::vector<double> weights = language == Language::Dutch ? m_dutchAgentWeights : m_englishAgentWeights;
    if (except >= 0)
        weights[std::size_t(except)] = 0;
    return int(random.weighted(weights));
}

double ConversationPlanner::responseDelay(Random& random, double at, int priority) const
{
    const double wait = double(m_calendar.untilStaffed(std::int64_t(at)));
    return wait + std::min(3 * kDay, random.logNormal(kResponseMedian[std::size_t(priority)], 0.9));
}

void ConversationPlanner::plan(Random& random, std::int64_t createdAt, ConversationPlan& out)
{
    out.mentions.clear();
    out.replies.clear();
    out.events.clear();
    out.firstResponseAt.reset();
    out.resolvedAt.reset();
    out.createdAt = createdAt;

    const bool spam = random.chance(0.025);
    out.customer = spam ? m_authors.pickOneOff(random) : m_authors.pickCustomer(random);
    const std::size_t platform = m_authors.platformOf(out.customer);
    out.source = m_sourcesByPlatform[platform][random.weighted(m_sourceWeights[platform])];
    out.language = m_authors.languageOf(out.customer);
    if (spam)
        out.topic = Topic::Spam;
    else if (m_calendar.inIncident(createdAt) && random.chance(0.7))
        out.topic = Topic::Outage;
    else
        out.topic = Topic(random.weighted(kTopicWeights));
    out.priority = choosePriority(random, out.topic);
    const ConversationStatus target =
        spam ? ConversationStatus::Spam : chooseStatus(random, m_calendar.now() - createdAt);
    script(random, out, target);
    perform(random, out);
}

// The story as steps with delays, before any text is written. Delays are drawn as if there
// were all the time in the world; perform() squeezes them into what is left until now.
void ConversationPlanner::script(Random& random, ConversationPlan& plan, ConversationStatus target)
{
    m_steps.clear();
    double at = double(plan.createdAt);
    auto add = [&](Step step) {
        at += step.delay;
        m_steps.push_back(step);
    };
    const std::size_t platform = m_authors.platformOf(plan.customer);
    int posts = 1;
    auto post = [&](PostKind kind, double delay) {
        const std::int64_t author =
            kind == PostKind::Bystander ? m_authors.pickBystander(random, platform) : plan.customer;
        add({.kind = StepKind::Post, .delay = delay, .post = kind, .author = author});
        ++posts;
    };
    auto setStatus = [&](int agent, ConversationStatus status, double delay) {
        add({.kind = StepKind::SetStatus, .delay = delay, .agent = agent, .status = status});
    };

    const int budget = mentionBudget(random, plan.topic);
    if (target == ConversationStatus::Spam) {
        setStatus(pickAgent(random, plan.language, -1), ConversationStatus::Spam,
                  responseDelay(random, at, plan.priority) * 0.5);
        return;
    }
    if (target == ConversationStatus::New) {
        while (posts < budget)
            post(random.chance(0.3) ? PostKind::Bystander : PostKind::Impatient, impatientDelay(random));
        return;
    }

    const bool relapse = target == ConversationStatus::Resolved && budget >= 3 && random.chance(0.15);
    const int storyPosts = relapse ? budget - 1 : budget;
    if (posts < storyPosts && random.chance(0.2))
        post(random.chance(0.4) ? PostKind::Bystander : PostKind::Impatient, impatientDelay(random));

    int agent = pickAgent(random, plan.language, -1);
    add({.kind = StepKind::Claim, .delay = responseDelay(random, at, plan.priority), .agent = agent});
    if (random.chance(0.5))
        add({.kind = StepKind::Tag, .delay = quick(random), .agent = agent});
    if (random.chance(0.03)) {
        add({.kind = StepKind::Release, .delay = double(random.between(300, 3600)), .agent = agent});
        agent = pickAgent(random, plan.language, agent);
        add({.kind = StepKind::Claim, .delay = responseDelay(random, at, plan.priority), .agent = agent});
    } else if (random.chance(0.05)) {
        agent = pickAgent(random, plan.language, agent);
        add({.kind = StepKind::Assign, .delay = double(random.between(300, 7200)), .agent = agent, .lead = m_lead});
    }

    // Claimed but not answered yet; or closed without an answer (a duplicate, nothing to say).
    if (target == ConversationStatus::Open && posts == storyPosts && random.chance(0.35))
        return;
    if (target == ConversationStatus::Resolved && storyPosts == 1 && !relapse && random.chance(0.05)) {
        setStatus(agent, ConversationStatus::Resolved, double(random.between(60, 1800)));
        return;
    }

    add({.kind = StepKind::Reply, .delay = writing(random), .agent = agent, .reply = ReplyKind::First});
    if (random.chance(0.08))
        add({.kind = StepKind::Note, .delay = quick(random), .agent = agent});
    bool thanked = false;
    while (posts < storyPosts) {
        const bool last = posts + 1 == storyPosts;
        setStatus(agent, ConversationStatus::Pending, quick(random));
        thanked = last && target == ConversationStatus::Resolved && random.chance(0.6);
        post(thanked ? PostKind::Thanks : random.chance(0.12) ? PostKind::Bystander : PostKind::Answer,
             customerDelay(random));
        if (last && target == ConversationStatus::Open)
            return;
        add({.kind = StepKind::Reply,
             .delay = responseDelay(random, at, plan.priority),
             .agent = agent,
             .reply = thanked ? ReplyKind::Closing : ReplyKind::FollowUp});
    }

    auto resolve = [&](bool straightAway) {
        if (straightAway) {
            setStatus(agent, ConversationStatus::Resolved, quick(random));
        } else {
            // Waiting for an answer that never comes, then closed.
            setStatus(agent, ConversationStatus::Pending, quick(random));
            setStatus(agent, ConversationStatus::Resolved, double(random.between(86400, 3 * 86400)));
        }
    };
    switch (target) {
    case ConversationStatus::Pending:
        setStatus(agent, ConversationStatus::Pending, quick(random));
        break;
    case ConversationStatus::Resolved:
        resolve(thanked || plan.topic == Topic::Compliment || random.chance(0.4));
        if (relapse) {
            post(PostKind::Relapse, std::min(6 * kDay, random.logNormal(2 * kDay, 0.5)));
            add({.kind = StepKind::Reply, .delay = responseDelay(random, at, plan.priority), .agent = agent});
            resolve(random.chance(0.5));
        }
        break;
    default:
        break;   // open: answered, the agent keeps it
    }
}

// Plays the steps: timestamps, texts, replies, events, and the conversation row's summary.
void ConversationPlanner::perform(Random& random, ConversationPlan& plan)
{
    const auto& agents = demoAgents();
    double total = 0;
    for (const Step& step : m_steps)
        total += step.delay;
    const std::int64_t now = m_calendar.now();
    // A story that would run past now is squeezed into a random part of the time left,
    // so recent conversations do not all end exactly at `now`.
    const double room = double(now - plan.createdAt) * (0.3 + 0.7 * random.unit());
    const double scale = total > room ? room / total : 1.0;

    m_authors.describe(plan.customer, m_customer);
    TextContext context{m_customer.firstName, m_customer.handle, {}, {}};
    PlannedMention& first = plan.mentions.emplace_back();
    first.at = plan.createdAt;
    first.author = plan.customer;
    m_phrases.post(random, plan.language, plan.topic, PostKind::Opening, context, first.title, first.body);
    m_title = first.title;
    context.threadTitle = m_title;
    plan.events.push_back({.at = plan.createdAt, .kind = domain::EventKind::ConversationCreated});

    ConversationStatus status = ConversationStatus::New;
    int assignee = -1;
    int lastAgent = -1;
    std::int64_t t = plan.createdAt;
    auto changeStatus = [&](int actor, ConversationStatus to) {
        if (status == to)
            return;
        plan.events.push_back(
            {.at = t, .actor = actor, .kind = domain::EventKind::StatusChanged, .from = statusName(status), .to = statusName(to)});
        status = to;
        if (to == ConversationStatus::Resolved)
            plan.resolvedAt = t;
    };
    auto nameOf = [&](int agent) { return agent < 0 ? std::string_view() : agents[std::size_t(agent)].name; };

    double elapsed = 0;
    for (const Step& step : m_steps) {
        elapsed += step.delay;
        t = std::clamp(plan.createdAt + std::int64_t(elapsed * scale), t, now);
        switch (step.kind) {
        case StepKind::Post: {
            PlannedMention& mention = plan.mentions.emplace_back();
            mention.at = t;
            mention.author = step.author;
            m_phrases.post(random, plan.language, plan.topic, step.post, context, mention.title, mention.body);
            if (status == ConversationStatus::Pending || status == ConversationStatus::Resolved) {
                const ConversationStatus reopened = assignee >= 0 ? ConversationStatus::Open : ConversationStatus::New;
                plan.events.push_back({.at = t, .kind = domain::EventKind::Reopened, .from = statusName(status),
                                       .to = statusName(reopened), .detail = nameOf(assignee)});
                status = reopened;
                plan.resolvedAt.reset();
            }
            break;
        }
        case StepKind::Claim:
            plan.events.push_back({.at = t, .actor = step.agent, .kind = domain::EventKind::Claimed, .to = nameOf(step.agent)});
            assignee = step.agent;
            if (status == ConversationStatus::New)
                changeStatus(step.agent, ConversationStatus::Open);
            break;
        case StepKind::Release:
            plan.events.push_back({.at = t, .actor = step.agent, .kind = domain::EventKind::Released, .from = nameOf(step.agent)});
            assignee = -1;
            if (status == ConversationStatus::Open)
                changeStatus(step.agent, ConversationStatus::New);
            break;
        case StepKind::Assign:
            plan.events.push_back({.at = t, .actor = step.lead, .kind = domain::EventKind::Assigned, .from = nameOf(assignee),
                                   .to = nameOf(step.agent)});
            assignee = step.agent;
            break;
        case StepKind::Reply: {
            PlannedReply& reply = plan.replies.emplace_back();
            reply.at = t;
            reply.agent = std::size_t(step.agent);
            reply.offPlatform = random.chance(0.15);
            context.agentFirstName = agents[reply.agent].firstName;
            m_phrases.reply(random, plan.language, plan.topic, step.reply, context, reply.body);
            plan.events.push_back({.at = t, .actor = step.agent, .kind = domain::EventKind::Replied,
                                   .to = reply.offPlatform ? "off-platform" : "platform",
                                   .reply = int(plan.replies.size() - 1)});
            if (!plan.firstResponseAt)
                plan.firstResponseAt = t;
            break;
        }
        case StepKind::SetStatus:
            changeStatus(step.agent, step.status);
            break;
        case StepKind::Tag:
            plan.events.push_back({.at = t, .actor = step.agent, .kind = domain::EventKind::Tagged, .to = m_phrases.tag(plan.topic)});
            break;
        case StepKind::Note:
            plan.events.push_back(
                {.at = t, .actor = step.agent, .kind = domain::EventKind::Note, .detail = m_phrases.note(random, plan.topic)});
            break;
        }
        if (step.kind != StepKind::Post)
            lastAgent = step.kind == StepKind::Assign ? step.lead : step.agent;
    }

    plan.status = status;
    plan.assignee = assignee;
    plan.lastAgent = lastAgent;
    plan.updatedAt = t;
    const PlannedMention& latest = plan.mentions.back();
    plan.lastCustomerAt = latest.at;
    plan.snippet = core::truncateUtf8(latest.body.empty() ? latest.title : latest.body, kSnippetBytes);
}

}  // namespace earshot::demo
