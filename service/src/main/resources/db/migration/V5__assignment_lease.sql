-- Assignment lease (issue 14.1): a conversation whose assignee had no console for ikkuna.queue.assignee-grace, or
-- that the assignee handed back on signing out, goes back to the top of its queue. Why and when is kept on the row
-- while it waits (the board's badge, the resident's notice after a reload) and cleared when someone takes it.
ALTER TABLE conversation ADD COLUMN returned_at DATETIME(6) NULL;
ALTER TABLE conversation ADD COLUMN returned_reason VARCHAR(32) NULL;
