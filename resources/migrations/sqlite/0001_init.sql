-- Earshot schema, version 1: sources, authors, conversations, mentions, the event log
-- and a full-text index over mention text. Times are Unix seconds (UTC).

CREATE TABLE sources (
    id              INTEGER PRIMARY KEY,
    kind            TEXT    NOT NULL DEFAULT 'feed',
    name            TEXT    NOT NULL,
    url             TEXT    NOT NULL,
    enabled         INTEGER NOT NULL DEFAULT 1,
    interval_s      INTEGER NOT NULL DEFAULT 300 CHECK (interval_s >= 30),
    include_words   TEXT    NOT NULL DEFAULT '',
    exclude_words   TEXT    NOT NULL DEFAULT '',
    settings        TEXT    NOT NULL DEFAULT '{}',
    etag            TEXT,
    last_modified   TEXT,
    state           TEXT    NOT NULL DEFAULT 'new'
                    CHECK (state IN ('new', 'ok', 'failing', 'disabled')),
    error_count     INTEGER NOT NULL DEFAULT 0,
    last_error      TEXT,
    last_poll_at    INTEGER,
    last_success_at INTEGER,
    next_poll_at    INTEGER NOT NULL DEFAULT 0,
    created_at      INTEGER NOT NULL,
    removed_at      INTEGER
);
-- A URL is listed once among the sources that are not removed.
CREATE UNIQUE INDEX sources_url ON sources(url) WHERE removed_at IS NULL;

CREATE TABLE authors (
    id           INTEGER PRIMARY KEY,
    platform     TEXT    NOT NULL,
    handle       TEXT    NOT NULL,
    display_name TEXT,
    profile_url  TEXT,
    followers    INTEGER,
    UNIQUE (platform, handle)
);

CREATE TABLE conversations (
    id                 INTEGER PRIMARY KEY,
    source_id          INTEGER NOT NULL REFERENCES sources(id),
    thread_key         TEXT    NOT NULL,
    customer_id        INTEGER REFERENCES authors(id),
    status             TEXT    NOT NULL DEFAULT 'new'
                       CHECK (status IN ('new', 'open', 'pending', 'resolved', 'spam')),
    assignee           TEXT,
    last_agent         TEXT,
    priority           INTEGER NOT NULL DEFAULT 1 CHECK (priority BETWEEN 0 AND 3),
    created_at         INTEGER NOT NULL,
    updated_at         INTEGER NOT NULL,
    last_customer_at   INTEGER NOT NULL,
    first_response_at  INTEGER,
    resolved_at        INTEGER,
    message_count      INTEGER NOT NULL DEFAULT 0,
    snippet            TEXT    NOT NULL DEFAULT '',
    UNIQUE (source_id, thread_key)
);
CREATE INDEX conversations_status_waiting ON conversations(status, last_customer_at, id);
CREATE INDEX conversations_assignee ON conversations(assignee, status);

CREATE TABLE mentions (
    id              INTEGER PRIMARY KEY,
    source_id       INTEGER NOT NULL REFERENCES sources(id),
    external_id     TEXT    NOT NULL,
    conversation_id INTEGER NOT NULL REFERENCES conversations(id),
    author_id       INTEGER REFERENCES authors(id),
    title           TEXT    NOT NULL DEFAULT '',
    body            TEXT    NOT NULL DEFAULT '',
    link            TEXT    NOT NULL DEFAULT '',
    html_links      TEXT    NOT NULL DEFAULT '[]',
    reply_to        TEXT    NOT NULL DEFAULT '',
    published_at    INTEGER,
    ingested_at     INTEGER NOT NULL,
    UNIQUE (source_id, external_id)
);
CREATE INDEX mentions_conversation ON mentions(conversation_id, ingested_at);
CREATE INDEX mentions_ingested ON mentions(ingested_at, id);
CREATE INDEX mentions_author ON mentions(author_id);

-- Webcare agents: local profiles (single-desktop mode has no passwords).
CREATE TABLE agents (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL UNIQUE,
    first_name  TEXT    NOT NULL DEFAULT '',
    languages   TEXT    NOT NULL DEFAULT '[]',
    teams       TEXT    NOT NULL DEFAULT '[]',
    created_at  INTEGER NOT NULL
);

-- What agents said to customers, on the platform or off it (copied and posted by hand).
CREATE TABLE replies (
    id              INTEGER PRIMARY KEY,
    conversation_id INTEGER NOT NULL REFERENCES conversations(id),
    agent           TEXT    NOT NULL,
    body            TEXT    NOT NULL,
    channel         TEXT    NOT NULL DEFAULT 'platform' CHECK (channel IN ('platform', 'off-platform')),
    external_id     TEXT,
    sent_at         INTEGER NOT NULL
);
CREATE INDEX replies_conversation ON replies(conversation_id, sent_at);

-- Append-only: who did what, when, from what to what.
CREATE TABLE events (
    id              INTEGER PRIMARY KEY,
    at              INTEGER NOT NULL,
    actor           TEXT    NOT NULL,
    kind            TEXT    NOT NULL,
    conversation_id INTEGER REFERENCES conversations(id),
    source_id       INTEGER REFERENCES sources(id),
    from_value      TEXT,
    to_value        TEXT,
    detail          TEXT
);
CREATE INDEX events_conversation ON events(conversation_id, at);
CREATE TRIGGER events_are_append_only_update BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
CREATE TRIGGER events_are_append_only_delete BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;

-- New mentions are indexed in bulk after each write batch (store::indexPendingMentions)
-- rather than by a per-row trigger: FTS5 flushes a segment at every savepoint, and one
-- segment per mention made ingesting twice as slow. This remembers how far indexing got.
CREATE TABLE search_index_state (last_indexed_id INTEGER NOT NULL);
INSERT INTO search_index_state VALUES (0);

CREATE VIRTUAL TABLE mentions_fts USING fts5(
    title, body, content='mentions', content_rowid='id',
    tokenize = 'unicode61 remove_diacritics 2');
-- Edits of rows already indexed keep the index true; rows not indexed yet are picked up
-- with their current text by the next indexPendingMentions.
CREATE TRIGGER mentions_fts_delete AFTER DELETE ON mentions
WHEN old.id <= (SELECT last_indexed_id FROM search_index_state) BEGIN
    INSERT INTO mentions_fts(mentions_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
END;
CREATE TRIGGER mentions_fts_update AFTER UPDATE OF title, body ON mentions
WHEN old.id <= (SELECT last_indexed_id FROM search_index_state) BEGIN
    INSERT INTO mentions_fts(mentions_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
    INSERT INTO mentions_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
END;
