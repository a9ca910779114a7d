-- The webcare inbox: internal notes, tags, drafts that survive a crash, canned replies
-- and team settings. Times are Unix seconds (UTC).

CREATE TABLE notes (
    id              INTEGER PRIMARY KEY,
    conversation_id INTEGER NOT NULL REFERENCES conversations(id),
    agent           TEXT    NOT NULL,
    body            TEXT    NOT NULL,
    created_at      INTEGER NOT NULL
);
CREATE INDEX notes_conversation ON notes(conversation_id, created_at);

CREATE TABLE conversation_tags (
    conversation_id INTEGER NOT NULL REFERENCES conversations(id),
    tag             TEXT    NOT NULL,
    PRIMARY KEY (conversation_id, tag)
) WITHOUT ROWID;
CREATE INDEX conversation_tags_by_tag ON conversation_tags(tag, conversation_id);

-- One draft per agent per conversation, saved as the agent types.
CREATE TABLE drafts (
    conversation_id INTEGER NOT NULL REFERENCES conversations(id),
    agent           TEXT    NOT NULL,
    body            TEXT    NOT NULL,
    updated_at      INTEGER NOT NULL,
    PRIMARY KEY (conversation_id, agent)
) WITHOUT ROWID;

CREATE TABLE canned_replies (
    id        INTEGER PRIMARY KEY,
    name      TEXT NOT NULL,
    language  TEXT NOT NULL,
    body      TEXT NOT NULL,
    UNIQUE (name, language)
);

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

-- Lists sort by priority and waiting time within a status.
CREATE INDEX conversations_status_priority ON conversations(status, priority, last_customer_at, id);
