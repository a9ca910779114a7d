-- Schema 13: what lets the desktops of a team (and the processes of one desk) work side by
-- side: each shows what the others did without reloading everything, who is where
-- (store/ChangeStore.h, store/PresenceStore.h), and each source has one poller at a time.

-- The change log: one row for each change to a conversation, written by the triggers below.
-- SQLite commits one writer at a time, so a reader that remembers the last seq it read misses
-- nothing. Rows older than two days go now and then; a reader that stayed away that long
-- reloads everything instead.
CREATE TABLE changes (
    seq             INTEGER PRIMARY KEY AUTOINCREMENT,
    conversation_id INTEGER NOT NULL,
    at              INTEGER NOT NULL DEFAULT (CAST(strftime('%s', 'now') AS INTEGER))
);
CREATE INDEX changes_by_time ON changes(at);   -- for pruning
CREATE TRIGGER changes_conversation_insert AFTER INSERT ON conversations
BEGIN INSERT INTO changes(conversation_id) VALUES (NEW.id); END;
CREATE TRIGGER changes_conversation_update AFTER UPDATE ON conversations
BEGIN INSERT INTO changes(conversation_id) VALUES (NEW.id); END;
CREATE TRIGGER changes_conversation_delete AFTER DELETE ON conversations
BEGIN INSERT INTO changes(conversation_id) VALUES (OLD.id); END;
CREATE TRIGGER changes_mention AFTER INSERT ON mentions
BEGIN INSERT INTO changes(conversation_id) VALUES (NEW.conversation_id); END;
CREATE TRIGGER changes_reply_insert AFTER INSERT ON replies
BEGIN INSERT INTO changes(conversation_id) VALUES (NEW.conversation_id); END;
CREATE TRIGGER changes_reply_update AFTER UPDATE ON replies
BEGIN INSERT INTO changes(conversation_id) VALUES (NEW.conversation_id); END;
CREATE TRIGGER changes_note AFTER INSERT ON notes
BEGIN INSERT INTO changes(conversation_id) VALUES (NEW.conversation_id); END;
CREATE TRIGGER changes_tagged AFTER INSERT ON conversation_tags
BEGIN INSERT INTO changes(conversation_id) VALUES (NEW.conversation_id); END;
CREATE TRIGGER changes_untagged AFTER DELETE ON conversation_tags
BEGIN INSERT INTO changes(conversation_id) VALUES (OLD.conversation_id); END;
CREATE TRIGGER changes_pruned AFTER INSERT ON changes WHEN NEW.seq % 1000 = 0
BEGIN DELETE FROM changes WHERE at < NEW.at - 2 * 86400; END;

-- Who is at which conversation: each desktop's latest word, until expires_at (unix seconds).
CREATE TABLE presence (
    desktop         TEXT    PRIMARY KEY,
    agent           TEXT    NOT NULL,
    conversation_id INTEGER NOT NULL,
    activity        TEXT    NOT NULL CHECK (activity IN ('viewing', 'replying')),
    expires_at      INTEGER NOT NULL
) WITHOUT ROWID;

-- One poller per source: who may poll it until when (unix seconds), and the fencing number
-- each takeover raises; a poll writes only while its holder and number still stand.
CREATE TABLE poll_leases (
    source_id  INTEGER PRIMARY KEY REFERENCES sources(id),
    poller     TEXT    NOT NULL,
    fence      INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
);
