#include "earshot/inbox/Inbox.h"

#include <algorithm>
#include <ctime>

#include <nlohmann/json.hpp>

#include "earshot/core/Text.h"
#include "earshot/inbox/AgentRepository.h"
#include "earshot/inbox/ReplyRules.h"

namespace earshot::inbox {

namespace {

std::string label(std::int64_t conversationId) { return std::string("#").append(std::to_string(conversationId)); }

// The status changes that claims, releases and handovers log.
std::string newName() { return std::string(statusName(ConversationStatus::New)); }
std::string openName() { return std::string(statusName(ConversationStatus::Open)); }

bool blank(const std::string& text) { return text.find_first_not_of(" \t\r\n") == std::string::npos; }

Outcome unchanged(std::string message) { return {Outcome::Kind::Unchanged, {}, std::move(message), 0}; }

Outcome heldBy(const std::string& holder, std::string message)
{
    return {Outcome::Kind::HeldByOther, holder, std::move(message), 0};
}

// Why a status change is not allowed, or nothing when it is. The same status twice is
// handled before this (Unchanged).
std::optional<std::string> refusal(ConversationStatus from, ConversationStatus to, std::int64_t id)
{
    const std::string name = label(id);
    switch (to) {
    case ConversationStatus::Pending:
        if (from == ConversationStatus::New)
            return name + " is new: answer it first; pending means waiting for the customer's answer";
        if (from != ConversationStatus::Open)
            return name + " is " + std::string(statusName(from)) + "; reopen it before marking it pending";
        return std::nullopt;
    case ConversationStatus::Resolved:
        if (from == ConversationStatus::Spam)
            return name + " is marked spam; reopen it before resolving it";
        return std::nullopt;
    case ConversationStatus::Open:
        if (from == ConversationStatus::New)
            return name + " is new, not closed: claim it instead of reopening it";
        return std::nullopt;
    case ConversationStatus::Spam:
        return std::nullopt;
    case ConversationStatus::New:
        break;
    }
    return name + " cannot be set back to 'new' by hand; release it instead";
}

std::string doneMessage(ConversationStatus to, std::int64_t id)
{
    switch (to) {
    case ConversationStatus::Pending:
        return label(id) + " is pending: waiting for the customer";
    case ConversationStatus::Resolved:
        return "resolved " + label(id);
    case ConversationStatus::Open:
        return "reopened " + label(id);
    case ConversationStatus::Spam:
        return "marked " + label(id) + " as spam";
    case ConversationStatus::New:
        break;
    }
    return "released " + label(id);
}

}  // namespace

Inbox::Inbox(store::Writer& writer, Clock clock) : m_writer(writer), m_clock(std::move(clock)) {}

Result<Outcome> Inbox::act(const std::function<Status(Outcome&)>& work)
{
    m_now = m_clock ? m_clock() : std::int64_t(std::time(nullptr));
    Outcome outcome;
    Status acted = fail("the action did not run");
    // The action's own transaction undoes it alone when it fails (a nested one inside the
    // writer's batch), so the job itself succeeds and the jobs batched with it stay.
    auto written = m_writer.run([&](store::Session& session) -> Status {
        m_session = &session;
        m_store = &session.inbox();
        outcome = Outcome{};
        acted = session.transaction([&]() -> Status {
            Status done = work(outcome);
            // Refused, or nothing to change: whatever was written on the way (the touch that
            // locks a conversation before a reply) is undone.
            return done && !outcome.changed() ? fail(outcome.message) : done;
        });
        m_session = nullptr;
        m_store = nullptr;
        return Ok{};
    });
    if (!written)
        return written.error();
    if (!acted && outcome.changed())
        return acted.error();
    return outcome;
}

Result<Inbox::State> Inbox::load(std::int64_t conversationId)
{
    auto state = m_store->state(conversationId);
    if (!state)
        return state.error();
    if (!*state)
        return fail("there is no conversation " + label(conversationId));
    return std::move(**state);
}

Result<Inbox::State> Inbox::loadAs(std::int64_t conversationId, const std::string& agent)
{
    if (auto known = requireAgent(agent); !known)
        return known.error();
    return load(conversationId);
}

Status Inbox::requireAgent(const std::string& name)
{
    auto agent = AgentRepository(*m_session).find(name);
    if (!agent)
        return agent.error();
    return Ok{};
}

Status Inbox::log(domain::EventKind kind, const State& state, const std::string& actor,
                  std::optional<std::string> from, std::optional<std::string> to, std::optional<std::string> detail)
{
    return m_store->appendEvent({.at = m_now,
                                     .actor = actor,
                                     .kind = kind,
                                     .conversationId = state.id,
                                     .fromValue = std::move(from),
                                     .toValue = std::move(to),
                                     .detail = std::move(detail)});
}

Result<bool> Inbox::claimInside(State& state, const std::string& agent, bool openIfNew)
{
    // The one statement that decides a claim. We hold the write lock (our transaction), and
    // it is conditional on nobody having the conversation at this moment.
    auto won = m_store->claimIfFree(state.id, agent, m_now, openIfNew);
    if (!won)
        return won.error();
    if (!*won) {
        auto now = load(state.id);
        if (!now)
            return now.error();
        state = *now;
        return false;
    }
    state.assignee = agent;
    if (auto logged = log(domain::EventKind::Claimed, state, agent, std::nullopt, agent); !logged)
        return logged.error();
    if (openIfNew && state.status == ConversationStatus::New) {
        if (auto logged = log(domain::EventKind::StatusChanged, state, agent, newName(), openName()); !logged)
            return logged.error();
        state.status = ConversationStatus::Open;
    }
    return true;
}

Result<bool> Inbox::holdOrClaim(State& state, const std::string& agent, Outcome& out, std::string_view doing,
                                bool openIfNew)
{
    if (state.assignee == agent)
        return true;
    if (state.assignee.empty()) {
        auto claimed = claimInside(state, agent, openIfNew);
        if (!claimed || *claimed)
            return claimed;
    }
    out = heldBy(state.assignee, label(state.id) + " is held by " + state.assignee + "; take it over before you " +
                                     std::string(doing));
    return false;
}

Status Inbox::touch(const State& state, const std::string& agent)
{
    return m_store->touch(state.id, agent, m_now);
}

Result<Outcome> Inbox::claim(std::int64_t conversationId, const std::string& agent)
{
    return act([&](Outcome& out) -> Status {
        auto state = loadAs(conversationId, agent);
        if (!state)
            return state.error();
        if (state->assignee == agent) {
            out = unchanged("you already hold " + label(conversationId));
            return Ok{};
        }
        if (state->assignee.empty()) {
            auto won = claimInside(*state, agent, true);
            if (!won)
                return won.error();
            if (*won) {
                out.message = "claimed " + label(conversationId);
                return Ok{};
            }
        }
        out = heldBy(state->assignee, label(conversationId) + " is already claimed by " + state->assignee);
        return Ok{};
    });
}

Result<Outcome> Inbox::release(std::int64_t conversationId, const std::string& agent)
{
    return act([&](Outcome& out) -> Status {
        auto state = loadAs(conversationId, agent);
        if (!state)
            return state.error();
        if (state->assignee.empty())
            return fail("nobody holds " + label(conversationId) + ", so there is nothing to release");
        if (state->assignee != agent) {
            out = heldBy(state->assignee,
                         label(conversationId) + " is held by " + state->assignee + ", not by you; only they can release it");
            return Ok{};
        }
        if (auto ran = m_store->release(conversationId, agent, m_now); !ran)
            return ran;
        if (auto logged = log(domain::EventKind::Released, *state, agent, agent, std::nullopt); !logged)
            return logged;
        if (state->status == ConversationStatus::Open)
            if (auto logged = log(domain::EventKind::StatusChanged, *state, agent, openName(), newName()); !logged)
                return logged;
        out.message = "released " + label(conversationId);
        return Ok{};
    });
}

Result<Outcome> Inbox::assign(std::int64_t conversationId, const std::string& agent, const std::string& to,
                              const std::string& note)
{
    if (blank(to))
        return fail("assign " + label(conversationId) + " to whom? Name a colleague");
    return act([&](Outcome& out) -> Status {
        AgentRepository agents(*m_session);
        auto actor = agents.find(agent);
        if (!actor)
            return actor.error();
        if (auto known = requireAgent(to); !known)
            return known;
        auto state = load(conversationId);
        if (!state)
            return state.error();
        if (state->assignee == to) {
            out = unchanged(label(conversationId) + " is already held by " + to);
            return Ok{};
        }
        if (!state->assignee.empty() && state->assignee != agent && !actor->inTeam(kLeadsTeam)) {
            out = heldBy(state->assignee, label(conversationId) + " is held by " + state->assignee +
                                              "; only they or a lead can hand it on, or take it over first");
            return Ok{};
        }
        if (auto ran = m_store->assign(conversationId, to, agent, m_now); !ran)
            return ran;
        std::optional<std::string> detail;
        if (!blank(note)) {
            detail = note;
            if (auto inserted = m_store->insertNote(conversationId, agent, note, m_now); !inserted)
                return inserted.error();
        }
        const std::string previous = state->assignee;
        if (auto logged = log(domain::EventKind::Assigned, *state, agent,
                              previous.empty() ? std::nullopt : std::optional<std::string>(previous), to, detail);
            !logged)
            return logged;
        if (state->status == ConversationStatus::New)
            if (auto logged = log(domain::EventKind::StatusChanged, *state, agent, newName(), openName()); !logged)
                return logged;
        out.message = "assigned " + label(conversationId) + " to " + to;
        return Ok{};
    });
}

Result<Outcome> Inbox::takeOver(std::int64_t conversationId, const std::string& agent)
{
    return act([&](Outcome& out) -> Status {
        auto state = loadAs(conversationId, agent);
        if (!state)
            return state.error();
        if (state->assignee == agent) {
            out = unchanged("you already hold " + label(conversationId));
            return Ok{};
        }
        if (state->assignee.empty()) {
            auto won = claimInside(*state, agent, true);
            if (!won)
                return won.error();
            out.message = "nobody held " + label(conversationId) + "; claimed it";
            return Ok{};
        }
        const std::string previous = state->assignee;
        if (auto ran = m_store->takeOver(conversationId, agent, previous, m_now); !ran)
            return ran;
        if (auto logged = log(domain::EventKind::TakenOver, *state, agent, previous, agent); !logged)
            return logged;
        if (state->status == ConversationStatus::New)
            if (auto logged = log(domain::EventKind::StatusChanged, *state, agent, newName(), openName()); !logged)
                return logged;
        out.message = "took " + label(conversationId) + " over from " + previous;
        return Ok{};
    });
}

Result<Outcome> Inbox::changeStatus(std::int64_t conversationId, const std::string& agent, ConversationStatus to)
{
    return act([&](Outcome& out) -> Status {
        auto state = loadAs(conversationId, agent);
        if (!state)
            return state.error();
        const ConversationStatus from = state->status;
        if (from == to) {
            out = unchanged(label(conversationId) + " is already " + std::string(statusName(to)));
            return Ok{};
        }
        if (auto refused = refusal(from, to, conversationId))
            return fail(*refused);
        const bool claiming = state->assignee.empty();
        auto mayAct = holdOrClaim(*state, agent, out, "change its status", false);
        if (!mayAct)
            return mayAct.error();
        if (!*mayAct)
            return Ok{};
        const std::string toName(statusName(to));
        if (auto ran = m_store->setStatus(conversationId, to, agent, m_now); !ran)
            return ran;
        if (auto logged = log(domain::EventKind::StatusChanged, *state, agent, std::string(statusName(from)), toName); !logged)
            return logged;
        out.message = doneMessage(to, conversationId) + (claiming ? " (it is yours now)" : "");
        return Ok{};
    });
}

Result<Outcome> Inbox::setPending(std::int64_t conversationId, const std::string& agent)
{
    return changeStatus(conversationId, agent, ConversationStatus::Pending);
}

Result<Outcome> Inbox::resolve(std::int64_t conversationId, const std::string& agent)
{
    return changeStatus(conversationId, agent, ConversationStatus::Resolved);
}

Result<Outcome> Inbox::reopen(std::int64_t conversationId, const std::string& agent)
{
    return changeStatus(conversationId, agent, ConversationStatus::Open);
}

Result<Outcome> Inbox::markSpam(std::int64_t conversationId, const std::string& agent)
{
    return changeStatus(conversationId, agent, ConversationStatus::Spam);
}

Result<Outcome> Inbox::reply(std::int64_t conversationId, const std::string& agent, const std::string& text,
                             Channel channel, const std::vector<CheckOverride>& overrides,
                             const std::string& visibility, const Seen* seen)
{
    if (blank(text))
        return fail("a reply needs text");
    // Posted as JSON, which is UTF-8: other bytes (a terminal set to Latin-1) would not arrive as typed.
    if (!core::isValidUtf8(text))
        return fail("the reply is not UTF-8 text; set the terminal to UTF-8 (e.g. LANG=nl_NL.UTF-8) and write it again");
    if (!visibility.empty() && visibility != "public" && visibility != "unlisted" && visibility != "private" &&
        visibility != "direct")
        return fail("visibility is public, unlisted, private or direct, not '" + visibility + "'");
    for (const CheckOverride& o : overrides) {
        if (!isReplyCheckId(o.checkId))
            return fail("there is no reply check '" + o.checkId +
                        "'; the checks are email, phone, iban, postcode, length, variables and signature");
        if (blank(o.reason))
            return fail("say why you override the check '" + o.checkId + "'");
        if (!core::isValidUtf8(o.reason))
            return fail("the reason for overriding '" + o.checkId + "' is not UTF-8 text; set the terminal to UTF-8 and give it again");
    }
    return act([&](Outcome& out) -> Status {
        auto state = loadAs(conversationId, agent);
        if (!state)
            return state.error();
        if (state->status == ConversationStatus::Spam)
            return fail(label(conversationId) + " is marked spam; reopen it before replying");
        if (state->status == ConversationStatus::Resolved)
            return fail(label(conversationId) + " is resolved; reopen it before replying, so the answer is not filed away");
        if (channel == Channel::Platform && !canPostOnPlatform(state->sourceKind))
            return fail(label(conversationId) + " comes from a '" + state->sourceKind +
                        "' source, where Earshot cannot post: post the reply yourself and record it as off-platform");
        auto checkContext = replyCheckContext(*m_session, conversationId, agent);
        if (!checkContext)
            return checkContext.error();
        const std::vector<checks::Finding> findings = checks::checkReply(text, *checkContext);
        if (auto unanswered = unansweredFindings(findings, overrides); !unanswered.empty())
            return fail(refusalMessage(unanswered));
        if (seen && seen->conversationId == conversationId) {
            // Touching the conversation first holds its row until this commits: nobody's
            // change can slip in between the look and the reply.
            if (auto locked = m_store->touch(conversationId, agent, m_now); !locked)
                return locked;
            auto unseen = unseenSince(*m_session, *seen, agent);
            if (!unseen)
                return unseen.error();
            if (!unseen->empty()) {
                out.kind = Outcome::Kind::ChangedMeanwhile;
                out.message = label(conversationId) + " changed since you read it (" + describeUnseen(*unseen) +
                              "); read it, then send again";
                return Ok{};
            }
        }
        auto mayAct = holdOrClaim(*state, agent, out, "reply", true);
        if (!mayAct)
            return mayAct.error();
        if (!*mayAct)
            return Ok{};

        // A platform reply answers the post answeredPost picks (ReplyRules.h) and waits to be
        // posted, with a key of its own that the platform sees on every attempt.
        const bool onPlatform = channel == Channel::Platform;
        store::NewReply reply{.conversationId = conversationId,
                              .agent = agent,
                              .body = text,
                              .channel = channel,
                              .at = m_now,
                              .delivery = onPlatform ? domain::Delivery::Sending : domain::Delivery::Recorded,
                              .idempotencyKey = onPlatform,
                              .visibility = visibility.empty() ? std::optional<std::string>() : visibility};
        if (onPlatform) {
            auto candidates = m_store->replyCandidates(conversationId);
            if (!candidates)
                return candidates.error();
            reply.inReplyTo = answeredPost(*candidates);
        }
        auto inserted = m_store->insertReply(reply);
        if (!inserted)
            return inserted.error();
        const std::int64_t replyId = *inserted;
        const std::string channelText(channelName(channel));

        // Only the first response time of the first reply counts; a platform reply becomes a
        // response when it is posted (ReplyPublisher).
        if (auto answered = m_store->markAnswered(conversationId, agent, m_now, !onPlatform); !answered)
            return answered;
        if (auto cleared = m_store->clearDraft(conversationId, agent); !cleared)
            return cleared;

        if (auto logged = log(domain::EventKind::Replied, *state, agent, std::nullopt, channelText, std::to_string(replyId)); !logged)
            return logged;
        for (const CheckOverride& o : overrides) {
            // Only what objected is an override; a reason given for a check that stayed quiet is not.
            const bool objected = std::any_of(findings.begin(), findings.end(),
                                              [&](const checks::Finding& f) { return f.id == o.checkId; });
            if (!objected)
                continue;
            const nlohmann::json detail = {{"check", o.checkId}, {"reason", o.reason}, {"reply", replyId}};
            if (auto logged = log(domain::EventKind::CheckOverridden, *state, agent, std::nullopt, o.checkId, detail.dump());
                !logged)
                return logged;
        }
        out.id = replyId;
        out.message = "recorded reply " + std::to_string(replyId) + " on " + label(conversationId) + " (" +
                      channelText + ")";
        return Ok{};
    });
}

Result<Outcome> Inbox::addNote(std::int64_t conversationId, const std::string& agent, const std::string& text)
{
    if (blank(text))
        return fail("a note needs text");
    return act([&](Outcome& out) -> Status {
        auto state = loadAs(conversationId, agent);
        if (!state)
            return state.error();
        auto inserted = m_store->insertNote(conversationId, agent, text, m_now);
        if (!inserted)
            return inserted.error();
        out.id = *inserted;
        if (auto touched = touch(*state, agent); !touched)
            return touched;
        if (auto logged = log(domain::EventKind::Note, *state, agent, std::nullopt, std::nullopt, text); !logged)
            return logged;
        out.message = "added a note to " + label(conversationId);
        return Ok{};
    });
}

Result<Outcome> Inbox::addTag(std::int64_t conversationId, const std::string& agent, const std::string& tag)
{
    auto normal = normaliseTag(tag);
    if (!normal)
        return normal.error();
    return act([&](Outcome& out) -> Status {
        auto state = loadAs(conversationId, agent);
        if (!state)
            return state.error();
        auto added = m_store->addTag(conversationId, *normal);
        if (!added)
            return added.error();
        if (!*added) {
            out = unchanged(label(conversationId) + " is already tagged '" + *normal + "'");
            return Ok{};
        }
        if (auto touched = touch(*state, agent); !touched)
            return touched;
        if (auto logged = log(domain::EventKind::Tagged, *state, agent, std::nullopt, *normal); !logged)
            return logged;
        out.message = "tagged " + label(conversationId) + " '" + *normal + "'";
        return Ok{};
    });
}

Result<Outcome> Inbox::removeTag(std::int64_t conversationId, const std::string& agent, const std::string& tag)
{
    auto normal = normaliseTag(tag);
    if (!normal)
        return normal.error();
    return act([&](Outcome& out) -> Status {
        auto state = loadAs(conversationId, agent);
        if (!state)
            return state.error();
        auto removed = m_store->removeTag(conversationId, *normal);
        if (!removed)
            return removed.error();
        if (!*removed) {
            out = unchanged(label(conversationId) + " is not tagged '" + *normal + "'");
            return Ok{};
        }
        if (auto touched = touch(*state, agent); !touched)
            return touched;
        if (auto logged = log(domain::EventKind::Untagged, *state, agent, *normal, std::nullopt); !logged)
            return logged;
        out.message = "removed the tag '" + *normal + "' from " + label(conversationId);
        return Ok{};
    });
}

Result<Outcome> Inbox::setPriority(std::int64_t conversationId, const std::string& agent, Priority priority)
{
    return act([&](Outcome& out) -> Status {
        auto state = loadAs(conversationId, agent);
        if (!state)
            return state.error();
        const std::string to(priorityName(priority));
        if (state->priority == priority) {
            out = unchanged(label(conversationId) + " already has priority " + to);
            return Ok{};
        }
        if (auto ran = m_store->setPriority(conversationId, priority, agent, m_now); !ran)
            return ran;
        if (auto logged = log(domain::EventKind::PriorityChanged, *state, agent, std::string(priorityName(state->priority)), to); !logged)
            return logged;
        out.message = label(conversationId) + " now has priority " + to;
        return Ok{};
    });
}

Status Inbox::saveDraft(std::int64_t conversationId, const std::string& agent, const std::string& text)
{
    if (text.empty())
        return clearDraft(conversationId, agent);
    auto saved = act([&](Outcome&) -> Status {
        auto state = loadAs(conversationId, agent);
        if (!state)
            return state.error();
        return m_store->saveDraft(conversationId, agent, text, m_now);
    });
    if (!saved)
        return saved.error();
    return Ok{};
}

Status Inbox::clearDraft(std::int64_t conversationId, const std::string& agent)
{
    auto cleared = act([&](Outcome&) -> Status { return m_store->clearDraft(conversationId, agent); });
    if (!cleared)
        return cleared.error();
    return Ok{};
}

}  // namespace earshot::inbox
