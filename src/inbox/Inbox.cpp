#include "earshot/inbox/Inbox.h"

#include <algorithm>
#include <ctime>

#include <nlohmann/json.hpp>

#include "earshot/core/Text.h"
#include "earshot/inbox/AgentRepository.h"
#include "earshot/inbox/ReplyRules.h"
#include "earshot/store/Events.h"

namespace earshot::inbox {

namespace {

std::string label(std::int64_t conversationId) { return std::string("#").append(std::to_string(conversationId)); }

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

Inbox::Inbox(store::Database& db, Clock clock) : m_db(db), m_clock(std::move(clock)) {}

Result<Outcome> Inbox::act(const std::function<Status(Outcome&)>& work)
{
    m_now = m_clock ? m_clock() : std::int64_t(std::time(nullptr));
    Outcome outcome;
    if (auto done = m_db.transaction([&]() -> Status { return work(outcome); }); !done)
        return done.error();
    return outcome;
}

Result<Inbox::State> Inbox::load(std::int64_t conversationId)
{
    auto query = m_db.cached(
        "SELECT c.status, COALESCE(c.assignee, ''), s.kind, c.priority FROM conversations c"
        " JOIN sources s ON s.id = c.source_id WHERE c.id = ?");
    if (!query)
        return query.error();
    store::Statement& statement = **query;
    statement.bind(1, conversationId);
    auto row = statement.step();
    if (!row)
        return row.error();
    if (!*row)
        return fail("there is no conversation " + label(conversationId));
    State state;
    state.id = conversationId;
    state.status = parseStatus(statement.text(0)).value_or(ConversationStatus::New);
    state.assignee = statement.text(1);
    state.sourceKind = statement.text(2);
    state.priority = priorityFromInt(statement.integer(3));
    statement.reset();
    return state;
}

Result<Inbox::State> Inbox::loadAs(std::int64_t conversationId, const std::string& agent)
{
    if (auto known = requireAgent(agent); !known)
        return known.error();
    return load(conversationId);
}

Status Inbox::requireAgent(const std::string& name)
{
    auto agent = AgentRepository(m_db).find(name);
    if (!agent)
        return agent.error();
    return Ok{};
}

Status Inbox::log(domain::EventKind kind, const State& state, const std::string& actor,
                  std::optional<std::string> from, std::optional<std::string> to, std::optional<std::string> detail)
{
    return store::appendEvent(m_db, {.at = m_now,
                                     .actor = actor,
                                     .kind = kind,
                                     .conversationId = state.id,
                                     .fromValue = std::move(from),
                                     .toValue = std::move(to),
                                     .detail = std::move(detail)});
}

Result<bool> Inbox::claimInside(State& state, const std::string& agent, bool openIfNew)
{
    // The one statement that decides a claim. We hold the write lock (BEGIN IMMEDIATE), and
    // `assignee IS NULL` makes the claim conditional on nobody having it at this moment.
    auto update = m_db.cached(
        "UPDATE conversations SET assignee = ?1,"
        " status = CASE WHEN ?4 AND status = 'new' THEN 'open' ELSE status END,"
        " last_agent = ?1, updated_at = ?2 WHERE id = ?3 AND assignee IS NULL");
    if (!update)
        return update.error();
    if (auto ran = (*update)->bind(1, agent).bind(2, m_now).bind(3, state.id).bind(4, openIfNew ? 1 : 0).run(); !ran)
        return ran.error();
    if (m_db.changes() == 0) {
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
        if (auto logged = log(domain::EventKind::StatusChanged, state, agent, "new", "open"); !logged)
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
    auto update = m_db.cached("UPDATE conversations SET last_agent = ?2, updated_at = ?3 WHERE id = ?1");
    if (!update)
        return update.error();
    return (*update)->bind(1, state.id).bind(2, agent).bind(3, m_now).run();
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
        auto update = m_db.cached(
            "UPDATE conversations SET assignee = NULL,"
            " status = CASE status WHEN 'open' THEN 'new' ELSE status END,"
            " last_agent = ?2, updated_at = ?3 WHERE id = ?1 AND assignee = ?2");
        if (!update)
            return update.error();
        if (auto ran = (*update)->bind(1, conversationId).bind(2, agent).bind(3, m_now).run(); !ran)
            return ran;
        if (auto logged = log(domain::EventKind::Released, *state, agent, agent, std::nullopt); !logged)
            return logged;
        if (state->status == ConversationStatus::Open)
            if (auto logged = log(domain::EventKind::StatusChanged, *state, agent, "open", "new"); !logged)
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
        AgentRepository agents(m_db);
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
        auto update = m_db.cached(
            "UPDATE conversations SET assignee = ?2,"
            " status = CASE status WHEN 'new' THEN 'open' ELSE status END,"
            " last_agent = ?3, updated_at = ?4 WHERE id = ?1");
        if (!update)
            return update.error();
        if (auto ran = (*update)->bind(1, conversationId).bind(2, to).bind(3, agent).bind(4, m_now).run(); !ran)
            return ran;
        std::optional<std::string> detail;
        if (!blank(note)) {
            detail = note;
            auto insert = m_db.cached("INSERT INTO notes(conversation_id, agent, body, created_at) VALUES (?, ?, ?, ?)");
            if (!insert)
                return insert.error();
            if (auto ran = (*insert)->bind(1, conversationId).bind(2, agent).bind(3, note).bind(4, m_now).run(); !ran)
                return ran;
        }
        const std::string previous = state->assignee;
        if (auto logged = log(domain::EventKind::Assigned, *state, agent,
                              previous.empty() ? std::nullopt : std::optional<std::string>(previous), to, detail);
            !logged)
            return logged;
        if (state->status == ConversationStatus::New)
            if (auto logged = log(domain::EventKind::StatusChanged, *state, agent, "new", "open"); !logged)
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
        auto update = m_db.cached(
            "UPDATE conversations SET assignee = ?2,"
            " status = CASE status WHEN 'new' THEN 'open' ELSE status END,"
            " last_agent = ?2, updated_at = ?3 WHERE id = ?1 AND assignee = ?4");
        if (!update)
            return update.error();
        if (auto ran = (*update)->bind(1, conversationId).bind(2, agent).bind(3, m_now).bind(4, previous).run(); !ran)
            return ran;
        if (auto logged = log(domain::EventKind::TakenOver, *state, agent, previous, agent); !logged)
            return logged;
        if (state->status == ConversationStatus::New)
            if (auto logged = log(domain::EventKind::StatusChanged, *state, agent, "new", "open"); !logged)
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
        auto update = m_db.cached(
            "UPDATE conversations SET status = ?2,"
            " resolved_at = CASE WHEN ?2 = 'resolved' THEN ?3 ELSE NULL END,"
            " last_agent = ?4, updated_at = ?3 WHERE id = ?1");
        if (!update)
            return update.error();
        const std::string toName(statusName(to));
        if (auto ran = (*update)->bind(1, conversationId).bind(2, toName).bind(3, m_now).bind(4, agent).run(); !ran)
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
                             const std::string& visibility)
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
        auto checkContext = replyCheckContext(m_db, conversationId, agent);
        if (!checkContext)
            return checkContext.error();
        const std::vector<checks::Finding> findings = checks::checkReply(text, *checkContext);
        if (auto unanswered = unansweredFindings(findings, overrides); !unanswered.empty())
            return fail(refusalMessage(unanswered));
        auto mayAct = holdOrClaim(*state, agent, out, "reply", true);
        if (!mayAct)
            return mayAct.error();
        if (!*mayAct)
            return Ok{};

        // A platform reply answers the newest post by someone other than the brand, whose own
        // replies come back when its account is listened to, and other than the account an
        // account source follows. It waits to be posted.
        const bool onPlatform = channel == Channel::Platform;
        auto insert = m_db.cached(
            "INSERT INTO replies(conversation_id, agent, body, channel, sent_at, delivery, idempotency_key,"
            " in_reply_to, visibility) VALUES (?1, ?2, ?3, ?4, ?5, CASE WHEN ?6 THEN 'sending' ELSE 'recorded' END,"
            " CASE WHEN ?6 THEN lower(hex(randomblob(16))) END,"
            " CASE WHEN ?6 THEN coalesce("
            "  (SELECT m.id FROM mentions m LEFT JOIN authors a ON a.id = m.author_id WHERE m.conversation_id = ?1"
            "   AND m.author_id IS NOT coalesce((SELECT heard.author_id FROM replies ours JOIN mentions heard"
            "    ON heard.conversation_id = ?1 AND (heard.link = ours.platform_url OR heard.platform_id = ours.external_id"
            "    OR heard.external_id = ours.external_id) WHERE ours.conversation_id = ?1 AND ours.delivery = 'sent' LIMIT 1), -1)"
            "   AND NOT EXISTS (SELECT 1 FROM sources s WHERE s.id = m.source_id"
            "    AND s.kind IN ('mastodon-account', 'bluesky-author') AND a.handle IS NOT NULL"
            "    AND (a.handle = json_extract(s.settings, '$.actor')"
            "     OR substr(a.handle, 1, length(json_extract(s.settings, '$.actor')) + 1) = json_extract(s.settings, '$.actor') || '@'))"
            "   ORDER BY coalesce(m.published_at, m.ingested_at) DESC, m.id DESC LIMIT 1),"
            "  (SELECT max(id) FROM mentions WHERE conversation_id = ?1)) END, ?7)");
        if (!insert)
            return insert.error();
        const std::string channelText(channelName(channel));
        (*insert)->bind(1, conversationId).bind(2, agent).bind(3, text).bind(4, channelText).bind(5, m_now);
        (*insert)->bind(6, std::int64_t(onPlatform))
            .bind(7, visibility.empty() ? std::optional<std::string>() : visibility);
        if (auto ran = (*insert)->run(); !ran)
            return ran;
        const std::int64_t replyId = m_db.lastInsertId();

        // COALESCE keeps the first response time of the first reply only; a platform reply
        // becomes a response when it is posted (ReplyPublisher).
        auto update = m_db.cached(
            "UPDATE conversations SET first_response_at = CASE WHEN ?4 THEN first_response_at"
            " ELSE COALESCE(first_response_at, ?2) END, last_agent = ?3, updated_at = ?2 WHERE id = ?1");
        if (!update)
            return update.error();
        if (auto ran = (*update)->bind(1, conversationId).bind(2, m_now).bind(3, agent).bind(4, std::int64_t(onPlatform)).run();
            !ran)
            return ran;
        auto clear = m_db.cached("DELETE FROM drafts WHERE conversation_id = ? AND agent = ?");
        if (!clear)
            return clear.error();
        if (auto ran = (*clear)->bind(1, conversationId).bind(2, agent).run(); !ran)
            return ran;

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
        auto insert = m_db.cached("INSERT INTO notes(conversation_id, agent, body, created_at) VALUES (?, ?, ?, ?)");
        if (!insert)
            return insert.error();
        if (auto ran = (*insert)->bind(1, conversationId).bind(2, agent).bind(3, text).bind(4, m_now).run(); !ran)
            return ran;
        out.id = m_db.lastInsertId();
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
        auto insert = m_db.cached("INSERT OR IGNORE INTO conversation_tags(conversation_id, tag) VALUES (?, ?)");
        if (!insert)
            return insert.error();
        if (auto ran = (*insert)->bind(1, conversationId).bind(2, *normal).run(); !ran)
            return ran;
        if (m_db.changes() == 0) {
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
        auto remove = m_db.cached("DELETE FROM conversation_tags WHERE conversation_id = ? AND tag = ?");
        if (!remove)
            return remove.error();
        if (auto ran = (*remove)->bind(1, conversationId).bind(2, *normal).run(); !ran)
            return ran;
        if (m_db.changes() == 0) {
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
        auto update = m_db.cached(
            "UPDATE conversations SET priority = ?2, last_agent = ?3, updated_at = ?4 WHERE id = ?1");
        if (!update)
            return update.error();
        if (auto ran = (*update)->bind(1, conversationId).bind(2, int(priority)).bind(3, agent).bind(4, m_now).run();
            !ran)
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
        auto upsert = m_db.cached(
            "INSERT INTO drafts(conversation_id, agent, body, updated_at) VALUES (?1, ?2, ?3, ?4)"
            " ON CONFLICT(conversation_id, agent) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at");
        if (!upsert)
            return upsert.error();
        return (*upsert)->bind(1, conversationId).bind(2, agent).bind(3, text).bind(4, m_now).run();
    });
    if (!saved)
        return saved.error();
    return Ok{};
}

Status Inbox::clearDraft(std::int64_t conversationId, const std::string& agent)
{
    auto cleared = act([&](Outcome&) -> Status {
        auto clear = m_db.cached("DELETE FROM drafts WHERE conversation_id = ? AND agent = ?");
        if (!clear)
            return clear.error();
        return (*clear)->bind(1, conversationId).bind(2, agent).run();
    });
    if (!cleared)
        return cleared.error();
    return Ok{};
}

}  // namespace earshot::inbox
