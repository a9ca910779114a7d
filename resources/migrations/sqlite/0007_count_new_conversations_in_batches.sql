-- Schema 7: new conversations are counted by whoever inserts them, once per batch
-- (store::ingestMentions adds a poll's new conversations per source in one statement, the
-- generator recounts after its load), instead of by a trigger per row: at a first poll of
-- 10,000 items that trigger took an eighth of the time. Status changes, one conversation at a
-- time, keep their triggers.
DROP TRIGGER conversation_counts_insert;
