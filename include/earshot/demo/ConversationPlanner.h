// Plans one synthetic conversation from first post to where it stands now: who wrote, which
// agent claimed and answered it, when it waited on the customer, was resolved or reopened.
// Pure computation, no database, so the story rules can be tested on their own.
//
// The event log it plans uses the kinds of domain::EventKind, as the inbox and the ingest
// write them.
#pragma once

#include "earshot/domain/Vocabulary.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "earshot/demo/ActivityCalendar.h"
#include "earshot/demo/AuthorPool.h"
#include "earshot/demo/PhraseBank.h"
#include "earshot/demo/Random.h"

namespace earshot::demo {

using domain::ConversationStatus;
using domain::statusName;

struct PlannedMention {
    std::int64_t at = 0;
    std::int64_t author = 0;    // a person in the AuthorPool
    std::string title;
    std::string body;
};

struct PlannedReply {
    std::int64_t at = 0;
    std::size_t agent = 0;      // index into demoAgents()
    std::string body;
    bool offPlatform = false;
};

struct PlannedEvent {
    std::int64_t at = 0;
    int actor = -1;             // index into demoAgents(); -1: "engine"
    domain::EventKind kind = domain::EventKind::Note;
    std::string_view from;      // empty: NULL
    std::string_view to;
    std::string_view detail;
    int reply = -1;             // for 'replied': index into the plan's replies
};

struct ConversationPlan {
    std::size_t source = 0;     // index into demoSources()
    Language language = Language::Dutch;
    Topic topic = Topic::Delivery;
    std::int64_t customer = 0;
    ConversationStatus status = ConversationStatus::New;
    int assignee = -1;          // agent index; -1: nobody
    int lastAgent = -1;         // the agent who acted last
    int priority = 1;           // 0 low, 1 normal, 2 high, 3 urgent
    std::int64_t createdAt = 0;
    std::int64_t updatedAt = 0;
    std::int64_t lastCustomerAt = 0;
    std::optional<std::int64_t> firstResponseAt;
    std::optional<std::int64_t> resolvedAt;
    std::string snippet;
    std::vector<PlannedMention> mentions;
    std::vector<PlannedReply> replies;
    std::vector<PlannedEvent> events;
};

class ConversationPlanner {
public:
    ConversationPlanner(const PhraseBank& phrases, const ActivityCalendar& calendar, AuthorPool& authors);

    // Plans the conversation whose first mention arrives at createdAt (<= calendar.now()).
    void plan(Random& random, std::int64_t createdAt, ConversationPlan& out);

private:
    enum class StepKind : std::uint8_t { Post, Claim, Release, Assign, Reply, SetStatus, Tag, Note };
    struct Step {
        StepKind kind;
        double delay;           // seconds after the previous step
        int agent = -1;         // who acts; for Assign the new assignee
        int lead = -1;          // for Assign: who hands it over
        PostKind post = PostKind::Answer;
        ReplyKind reply = ReplyKind::FollowUp;
        ConversationStatus status = ConversationStatus::Open;
        std::int64_t author = -1;
    };

    ConversationStatus chooseStatus(Random& random, std::int64_t age) const;
    int choosePriority(Random& random, Topic topic) const;
    int mentionBudget(Random& random, Topic topic) const;
    int pickAgent(Random& random, Language language, int except) const;
    double responseDelay(Random& random, double at, int priority) const;
    void script(Random& random, ConversationPlan& plan, ConversationStatus target);
    void perform(Random& random, ConversationPlan& plan);

    const PhraseBank& m_phrases;
    const ActivityCalendar& m_calendar;
    AuthorPool& m_authors;
    std::vector<std::vector<std::size_t>> m_sourcesByPlatform;
    std::vector<std::vector<double>> m_sourceWeights;
    std::vector<double> m_dutchAgentWeights;
    std::vector<double> m_englishAgentWeights;
    int m_lead = 0;
    std::vector<Step> m_steps;
    AuthorProfile m_customer;
    std::string m_title;
};

}  // namespace earshot::demo
