-- Schema 10: when a reply was claimed for posting. A claim older than a post can take
-- means the program stopped while posting (a crash, a closed laptop); such a reply may be
-- sent again, with the same idempotency key.
ALTER TABLE replies ADD COLUMN posting_since INTEGER;
