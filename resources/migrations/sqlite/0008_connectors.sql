-- Schema 8: sources on social platforms.
-- A platform source keeps where its last poll stopped (Mastodon's newest status id, Algolia's
-- newest created_at_i, …) and whether the platform refused it for want of credentials, which
-- only a person can fix.
ALTER TABLE sources ADD COLUMN cursor TEXT NOT NULL DEFAULT '';
ALTER TABLE sources ADD COLUMN needs_credentials INTEGER NOT NULL DEFAULT 0;
-- A platform mention's external id is a global URI (Mastodon's uri, Bluesky's AT-URI, the
-- post's URL elsewhere), so the same post heard through two sources is stored once.
-- platform_id: the platform's own id where replies point by it (Mastodon's instance-local
-- status id). platform_ref: what a reply on the platform needs, as JSON; '{}' for platforms
-- that only listen. Feed mentions leave both NULL, and the partial indexes cost them nothing.
ALTER TABLE mentions ADD COLUMN platform_id TEXT;
ALTER TABLE mentions ADD COLUMN platform_ref TEXT;
CREATE INDEX mentions_platform_id ON mentions(source_id, platform_id) WHERE platform_id IS NOT NULL;
CREATE INDEX mentions_platform_uri ON mentions(external_id) WHERE platform_ref IS NOT NULL;
