-- Schema 6: find a customer's other accounts (the author card's "other conversations") by
-- handle or display name across platforms without scanning every author.
CREATE INDEX authors_handle ON authors(handle);
CREATE INDEX authors_display_name ON authors(display_name);
