-- Indexes for the inbox's conversation lists (store/ConversationQuery.h): each list page is
-- an ordered range of one of these per status, so no list sorts a view to show 50 rows.

-- "Mine": an agent's open and pending conversations by waiting time. Its prefix
-- (assignee, status) is the older conversations_assignee, which it replaces.
CREATE INDEX conversations_assignee_waiting ON conversations(assignee, status, last_customer_at, id);
DROP INDEX conversations_assignee;

-- One source's conversations by waiting time, and the per-source counts beside the views.
CREATE INDEX conversations_source_waiting ON conversations(source_id, status, last_customer_at, id);
