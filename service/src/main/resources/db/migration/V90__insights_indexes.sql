-- Insights select conversations by creation time (the date range) and their events by conversation;
-- the event index exists in V1, the range index is added here.
CREATE INDEX ix_conversation_created ON conversation (created_at);
