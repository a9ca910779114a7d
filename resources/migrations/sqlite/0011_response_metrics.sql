-- Schema 11: response-time metrics (docs/metrics.md). The log (mentions, replies, events) stays
-- the truth; these tables are derived from it per conversation, so that aggregates over a
-- million conversations read compact rows instead of replaying the log. Whatever changes a
-- conversation's log marks it in metrics_dirty (triggers below); metrics::refreshResponseCycles
-- derives its rows again before metrics are read.

-- When a platform reply was posted: it is a response from then on.
ALTER TABLE replies ADD COLUMN delivered_at INTEGER;
UPDATE replies SET delivered_at = (SELECT min(e.at) FROM events e WHERE e.kind = 'reply_delivered'
                                   AND e.conversation_id = replies.conversation_id
                                   AND e.detail = CAST(replies.id AS TEXT))
WHERE delivery = 'sent';

-- One response cycle per opening of a conversation: its first customer message starts the
-- first, and each reopening of a resolved conversation the next.
CREATE TABLE response_cycles (
    conversation_id   INTEGER NOT NULL REFERENCES conversations(id),
    cycle             INTEGER NOT NULL,
    started_at        INTEGER NOT NULL,  -- the first customer message reached Earshot, or the reopening
    started_published INTEGER,           -- that message's own publish time, when known
    first_response_at INTEGER,
    first_responder   TEXT,
    claimed_at        INTEGER,           -- first held by an agent in this cycle
    resolved_at       INTEGER,
    resolver          TEXT,
    customer_messages INTEGER NOT NULL DEFAULT 0,
    agent_replies     INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (conversation_id, cycle)
) WITHOUT ROWID;

-- Every time a customer waited for an answer: from a customer message when none was waiting,
-- to the next agent reply (NULL: not answered yet, or resolved without one).
CREATE TABLE response_waits (
    conversation_id    INTEGER NOT NULL REFERENCES conversations(id),
    cycle              INTEGER NOT NULL,
    customer_at        INTEGER NOT NULL,
    customer_published INTEGER,
    answered_at        INTEGER,
    agent              TEXT,
    thanked_agent      TEXT              -- the message thanks this agent for the reply before it
);
CREATE INDEX response_waits_conversation ON response_waits(conversation_id, cycle);

CREATE TABLE metrics_dirty (conversation_id INTEGER PRIMARY KEY);
INSERT INTO metrics_dirty SELECT id FROM conversations;

CREATE TRIGGER metrics_dirty_mention AFTER INSERT ON mentions
BEGIN INSERT OR IGNORE INTO metrics_dirty VALUES (NEW.conversation_id); END;
CREATE TRIGGER metrics_dirty_reply AFTER INSERT ON replies
BEGIN INSERT OR IGNORE INTO metrics_dirty VALUES (NEW.conversation_id); END;
CREATE TRIGGER metrics_dirty_delivery AFTER UPDATE OF delivered_at ON replies
BEGIN INSERT OR IGNORE INTO metrics_dirty VALUES (NEW.conversation_id); END;
CREATE TRIGGER metrics_dirty_event AFTER INSERT ON events
WHEN NEW.conversation_id IS NOT NULL
 AND NEW.kind IN ('status', 'reopened', 'claimed', 'assigned', 'taken_over', 'released')
BEGIN INSERT OR IGNORE INTO metrics_dirty VALUES (NEW.conversation_id); END;
