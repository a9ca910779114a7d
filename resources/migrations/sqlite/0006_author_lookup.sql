-- Schema 6: find a customer's accounts on other platforms (the author card's "other
-- conversations") by handle without scanning every author.
CREATE INDEX authors_handle ON authors(handle);
