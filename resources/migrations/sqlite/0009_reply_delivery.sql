-- Schema 9: replies that Earshot posts itself. A platform reply is recorded first, then
-- posted; its delivery says how far it got, and a retry sends the same idempotency key so
-- the platform never shows it twice. Off-platform replies (and every reply from before
-- schema 9) were delivered by the agent: 'recorded'. 'posting' claims a reply while it is
-- being sent, so two sends of it cannot both post.
ALTER TABLE replies ADD COLUMN delivery TEXT NOT NULL DEFAULT 'recorded'
    CHECK (delivery IN ('recorded', 'sending', 'posting', 'sent', 'failed'));
ALTER TABLE replies ADD COLUMN idempotency_key TEXT;
ALTER TABLE replies ADD COLUMN in_reply_to INTEGER REFERENCES mentions(id);
ALTER TABLE replies ADD COLUMN visibility TEXT;
ALTER TABLE replies ADD COLUMN platform_url TEXT;
ALTER TABLE replies ADD COLUMN delivery_error TEXT;
