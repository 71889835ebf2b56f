-- Retention (issue 16.7, docs/data-rights.md, "Retention"). Same portability rules as V1: MariaDB and H2 in MODE=MariaDB.

-- A conversation under legal hold is never purged or erased while the row exists; releasing the hold deletes it.
-- Setting and releasing are also conversation_event rows (legal_hold_set, legal_hold_released) with the actor.
CREATE TABLE legal_hold (
  conversation_id VARCHAR(36)  NOT NULL PRIMARY KEY,
  set_by          VARCHAR(36)  NOT NULL,
  set_at          DATETIME(6)  NOT NULL,
  reason          VARCHAR(500) NOT NULL,
  CONSTRAINT fk_legal_hold_conversation FOREIGN KEY (conversation_id) REFERENCES conversation (id)
);

-- One row per conversation whose personal data is gone: by the daily job (how = retention) or an administrator's
-- erasure (how = erasure). What stays of the conversation is the de-identified skeleton insights count.
CREATE TABLE conversation_purge (
  conversation_id VARCHAR(36) NOT NULL PRIMARY KEY,
  kind            VARCHAR(16) NOT NULL,
  how             VARCHAR(16) NOT NULL,
  purged_at       DATETIME(6) NOT NULL,
  CONSTRAINT fk_purge_conversation FOREIGN KEY (conversation_id) REFERENCES conversation (id)
);

-- The access log is deleted by age, independently of its conversation.
CREATE INDEX ix_access_at ON access_log (at);
