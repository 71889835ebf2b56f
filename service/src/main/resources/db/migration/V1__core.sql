-- Core schema. Portable between MariaDB and H2 (MODE=MariaDB); ids are application-assigned
-- so no IDENTITY dialect differences matter.
CREATE TABLE service_queue (
  id            VARCHAR(64)  NOT NULL PRIMARY KEY,
  name_fi       VARCHAR(200) NOT NULL,
  name_sv       VARCHAR(200) NOT NULL,
  name_en       VARCHAR(200) NOT NULL,
  service       VARCHAR(32)  NOT NULL
);

CREATE TABLE professional (
  id            VARCHAR(36)  NOT NULL PRIMARY KEY,
  username      VARCHAR(100) NOT NULL,
  display_name  VARCHAR(200) NOT NULL,
  title         VARCHAR(200) NOT NULL,
  role          VARCHAR(32)  NOT NULL,
  password_hash VARCHAR(255) NOT NULL,
  active        BOOLEAN      NOT NULL,
  CONSTRAINT uq_professional_username UNIQUE (username)
);

CREATE TABLE professional_queue (
  professional_id VARCHAR(36) NOT NULL,
  queue_id        VARCHAR(64) NOT NULL,
  PRIMARY KEY (professional_id, queue_id),
  CONSTRAINT fk_pq_professional FOREIGN KEY (professional_id) REFERENCES professional (id)
);

CREATE TABLE conversation (
  id                   VARCHAR(36)  NOT NULL PRIMARY KEY,
  channel              VARCHAR(16)  NOT NULL,
  language             VARCHAR(2)   NOT NULL,
  state                VARCHAR(16)  NOT NULL,
  urgency              VARCHAR(16),
  service              VARCHAR(32),
  queue_id             VARCHAR(64),
  deadline             DATETIME(6),
  identification_level VARCHAR(16)  NOT NULL,
  resume_token_hash    CHAR(64)     NOT NULL,
  last_seq             BIGINT       NOT NULL,
  assignee_id          VARCHAR(36),
  triage_json          TEXT,
  created_at           DATETIME(6)  NOT NULL,
  queued_at            DATETIME(6),
  assigned_at          DATETIME(6),
  closed_at            DATETIME(6),
  outcome_code         VARCHAR(64),
  rating               INT,
  rating_comment       VARCHAR(2000),
  CONSTRAINT uq_conversation_resume UNIQUE (resume_token_hash)
);
CREATE INDEX ix_conversation_queue ON conversation (state, queue_id);

CREATE TABLE message (
  conversation_id VARCHAR(36)  NOT NULL,
  seq             BIGINT       NOT NULL,
  author_kind     VARCHAR(16)  NOT NULL,
  author_id       VARCHAR(36),
  author_name     VARCHAR(200),
  client_msg_id   VARCHAR(64),
  internal        BOOLEAN      NOT NULL,
  body            TEXT         NOT NULL,
  created_at      DATETIME(6)  NOT NULL,
  PRIMARY KEY (conversation_id, seq),
  -- A resend with the same client id can never become a second message.
  CONSTRAINT uq_message_client UNIQUE (conversation_id, author_kind, client_msg_id),
  CONSTRAINT fk_message_conversation FOREIGN KEY (conversation_id) REFERENCES conversation (id)
);

CREATE TABLE conversation_event (
  id              VARCHAR(36)  NOT NULL PRIMARY KEY,
  conversation_id VARCHAR(36)  NOT NULL,
  at              DATETIME(6)  NOT NULL,
  type            VARCHAR(32)  NOT NULL,
  from_state      VARCHAR(16),
  to_state        VARCHAR(16),
  actor_id        VARCHAR(36),
  detail          VARCHAR(2000),
  CONSTRAINT fk_event_conversation FOREIGN KEY (conversation_id) REFERENCES conversation (id)
);
CREATE INDEX ix_event_conversation ON conversation_event (conversation_id, at);

CREATE TABLE access_log (
  id              VARCHAR(36)  NOT NULL PRIMARY KEY,
  professional_id VARCHAR(36)  NOT NULL,
  conversation_id VARCHAR(36)  NOT NULL,
  action          VARCHAR(32)  NOT NULL,
  purpose         VARCHAR(500) NOT NULL,
  at              DATETIME(6)  NOT NULL
);
CREATE INDEX ix_access_conversation ON access_log (conversation_id, at);
CREATE INDEX ix_access_professional ON access_log (professional_id, at);
