-- Schema 13: what lets every desktop (and every process on one desk) show what the others
-- did, without reloading everything (store/ChangeStore.h, store/PresenceStore.h).

-- The change log: one row for each change to a conversation, written by the triggers below.
-- SQLite commits one writer at a time, so a reader that remembers the last seq it read misses
-- nothing. Rows older than two days go now and then; a reader that stayed away that long
-- reloads everything instead.
CREATE TABLE changes (
    seq             INTEGER PRIMARY KEY AUTOINCREMENT,
    conversation_id INTEGER NOT NULL,
    at              INTEGER NOT NULL DEFAULT (CAST(strftime('%s', 'now') AS INTEGER))
);
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
