-- The numbers beside the inbox's views, kept by triggers rather than counted: counting the
-- resolved conversations alone walks ~900,000 index entries at a million conversations, and
-- the console asks after every change. Mine is still counted live (one agent's range).
CREATE TABLE conversation_counts (
    status    TEXT    NOT NULL,
    source_id INTEGER NOT NULL,
    n         INTEGER NOT NULL,
    PRIMARY KEY (status, source_id)
) WITHOUT ROWID;
INSERT INTO conversation_counts SELECT status, source_id, count(*) FROM conversations GROUP BY status, source_id;

CREATE TRIGGER conversation_counts_insert AFTER INSERT ON conversations BEGIN
    INSERT INTO conversation_counts VALUES (new.status, new.source_id, 1)
    ON CONFLICT (status, source_id) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER conversation_counts_delete AFTER DELETE ON conversations BEGIN
    UPDATE conversation_counts SET n = n - 1 WHERE status = old.status AND source_id = old.source_id;
END;
CREATE TRIGGER conversation_counts_update AFTER UPDATE OF status, source_id ON conversations
WHEN old.status IS NOT new.status OR old.source_id IS NOT new.source_id BEGIN
    UPDATE conversation_counts SET n = n - 1 WHERE status = old.status AND source_id = old.source_id;
    INSERT INTO conversation_counts VALUES (new.status, new.source_id, 1)
    ON CONFLICT (status, source_id) DO UPDATE SET n = n + 1;
END;

-- Per tag, the conversations still to be worked (new, open, pending).
CREATE TABLE open_tag_counts (
    tag TEXT    PRIMARY KEY,
    n   INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO open_tag_counts
SELECT t.tag, count(*) FROM conversation_tags t JOIN conversations c ON c.id = t.conversation_id
WHERE c.status IN ('new', 'open', 'pending') GROUP BY t.tag;

CREATE TRIGGER open_tag_counts_tagged AFTER INSERT ON conversation_tags
WHEN (SELECT status FROM conversations WHERE id = new.conversation_id) IN ('new', 'open', 'pending') BEGIN
    INSERT INTO open_tag_counts VALUES (new.tag, 1) ON CONFLICT (tag) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER open_tag_counts_untagged AFTER DELETE ON conversation_tags
WHEN (SELECT status FROM conversations WHERE id = old.conversation_id) IN ('new', 'open', 'pending') BEGIN
    UPDATE open_tag_counts SET n = n - 1 WHERE tag = old.tag;
END;
CREATE TRIGGER open_tag_counts_status AFTER UPDATE OF status ON conversations
WHEN (old.status IN ('new', 'open', 'pending')) <> (new.status IN ('new', 'open', 'pending')) BEGIN
    INSERT OR IGNORE INTO open_tag_counts SELECT tag, 0 FROM conversation_tags WHERE conversation_id = new.id;
    UPDATE open_tag_counts SET n = n + CASE WHEN new.status IN ('new', 'open', 'pending') THEN 1 ELSE -1 END
    WHERE tag IN (SELECT tag FROM conversation_tags WHERE conversation_id = new.id);
END;
