-- Schema 13: what lets the desktops of a team work side by side: each shows what the others
-- did, live, without reloading everything, who is where (store/ChangeStore.h,
-- store/PresenceStore.h), and each source has one poller at a time.

-- The change log: one row for each change to a conversation, written by the triggers below,
-- and a notification on channel earshot_changes, which is only a hint to read it. A change
-- numbered lower may commit after a higher one was read, so each row also records its
-- transaction: a reader that keeps the oldest transaction still running when it last read
-- finds every later commit at or after it. Rows older than two days go now and then.
CREATE TABLE changes (
    seq             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    xid             xid8   NOT NULL DEFAULT pg_current_xact_id(),
    conversation_id bigint NOT NULL,
    at              timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX changes_by_transaction ON changes(xid);
CREATE INDEX changes_by_time ON changes(at);   -- for pruning

-- SECURITY DEFINER: agents read the log, only the owner's triggers write it.
CREATE FUNCTION changes_record(conversation bigint) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    recorded bigint;
BEGIN
    INSERT INTO changes(conversation_id) VALUES (conversation) RETURNING seq INTO recorded;
    IF recorded % 1000 = 0 THEN
        DELETE FROM changes WHERE at < now() - interval '2 days';
    END IF;
    -- Notifications with the same payload in one transaction arrive once, at its commit.
    PERFORM pg_notify('earshot_changes', '');
END $$;

CREATE FUNCTION changes_of_conversation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM changes_record(CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END);
    RETURN NULL;
END $$;
CREATE FUNCTION changes_in_conversation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM changes_record(CASE WHEN TG_OP = 'DELETE' THEN OLD.conversation_id ELSE NEW.conversation_id END);
    RETURN NULL;
END $$;
CREATE TRIGGER changes_conversation AFTER INSERT OR UPDATE OR DELETE ON conversations
    FOR EACH ROW EXECUTE FUNCTION changes_of_conversation();
CREATE TRIGGER changes_mention AFTER INSERT ON mentions
    FOR EACH ROW EXECUTE FUNCTION changes_in_conversation();
CREATE TRIGGER changes_reply AFTER INSERT OR UPDATE ON replies
    FOR EACH ROW EXECUTE FUNCTION changes_in_conversation();
CREATE TRIGGER changes_note AFTER INSERT ON notes
    FOR EACH ROW EXECUTE FUNCTION changes_in_conversation();
CREATE TRIGGER changes_tag AFTER INSERT OR DELETE ON conversation_tags
    FOR EACH ROW EXECUTE FUNCTION changes_in_conversation();

-- Who is at which conversation: each desktop's latest word, until expires_at on the server's
-- clock. Saying the same again (the heartbeat) is no news; anything else is hinted at once.
CREATE TABLE presence (
    desktop         text   PRIMARY KEY,
    agent           text   NOT NULL,
    conversation_id bigint NOT NULL,
    activity        text   NOT NULL CHECK (activity IN ('viewing', 'replying')),
    expires_at      timestamptz NOT NULL,
    db_user         text   NOT NULL DEFAULT current_user
);
CREATE FUNCTION presence_hint() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('earshot_changes', '');
    RETURN NULL;
END $$;
CREATE TRIGGER presence_said AFTER INSERT OR DELETE ON presence
    FOR EACH ROW EXECUTE FUNCTION presence_hint();
CREATE TRIGGER presence_changed AFTER UPDATE ON presence
    FOR EACH ROW WHEN (OLD.conversation_id IS DISTINCT FROM NEW.conversation_id
                       OR OLD.activity IS DISTINCT FROM NEW.activity)
    EXECUTE FUNCTION presence_hint();
-- Everyone reads everyone's presence; an agent's login writes and removes only its own, and
-- long-expired rows.
ALTER TABLE presence ENABLE ROW LEVEL SECURITY;
CREATE POLICY presence_read ON presence FOR SELECT USING (true);
CREATE POLICY presence_own ON presence USING (db_user = current_user) WITH CHECK (db_user = current_user);
-- What a crashed desktop said an hour ago anyone may clear away.
CREATE POLICY presence_expired ON presence FOR DELETE USING (expires_at < now() - interval '1 hour');

-- One poller per source: who may poll it until when (on the server's clock), and the fencing
-- number each takeover raises; a poll writes only while its holder and number still stand.
CREATE TABLE poll_leases (
    source_id  bigint PRIMARY KEY REFERENCES sources(id),
    poller     text   NOT NULL,
    fence      bigint NOT NULL,
    expires_at timestamptz NOT NULL
);
