-- Schema 5: the priority a source's new conversations start with, so a team can have a
-- status-page or press source arrive as high or urgent (and be notified of it).
ALTER TABLE sources ADD COLUMN default_priority INTEGER NOT NULL DEFAULT 1 CHECK (default_priority BETWEEN 0 AND 3);
