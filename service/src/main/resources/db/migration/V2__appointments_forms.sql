-- Remote appointments and forms (issue 6). Same portability rules as V1: MariaDB and H2 in MODE=MariaDB,
-- application-assigned UUID ids, DATETIME(6) instants in UTC.

-- A weekly pattern a professional publishes for one queue: "Mondays 09:00-12:00, 20-minute phone slots".
-- Times are local to the county's zone, so a slot keeps its wall-clock time across daylight-saving changes.
CREATE TABLE availability_pattern (
  id                 VARCHAR(36)  NOT NULL PRIMARY KEY,
  queue_id           VARCHAR(64)  NOT NULL,
  professional_id    VARCHAR(36)  NOT NULL,
  appointment_type   VARCHAR(8)   NOT NULL,
  weekday            INT          NOT NULL,
  start_time         CHAR(5)      NOT NULL,
  end_time           CHAR(5)      NOT NULL,
  slot_minutes       INT          NOT NULL,
  valid_from         DATE         NOT NULL,
  valid_until        DATE,
  -- Slots exist as rows up to this date; later ones are created as the horizon moves on.
  materialized_until DATE         NOT NULL,
  created_at         DATETIME(6)  NOT NULL,
  ended_at           DATETIME(6),
  CONSTRAINT fk_pattern_professional FOREIGN KEY (professional_id) REFERENCES professional (id)
);
CREATE INDEX ix_pattern_professional ON availability_pattern (professional_id);

-- Every bookable time is a row, so a booking can reference it and a unique key can guard it.
-- A cancelled occurrence of a pattern stays as a row (cancelled), so the pattern never re-creates it.
CREATE TABLE appointment_slot (
  id               VARCHAR(36)  NOT NULL PRIMARY KEY,
  queue_id         VARCHAR(64)  NOT NULL,
  professional_id  VARCHAR(36)  NOT NULL,
  appointment_type VARCHAR(8)   NOT NULL,
  start_at         DATETIME(6)  NOT NULL,
  end_at           DATETIME(6)  NOT NULL,
  pattern_id       VARCHAR(36),
  cancelled        BOOLEAN      NOT NULL,
  -- Written by every booking and cancellation so they queue up on the slot row (a professional's cancel can
  -- never slip past a booking); the unique key on appointment_booking still decides who gets the slot.
  touched_at       DATETIME(6)  NOT NULL,
  CONSTRAINT uq_slot_professional_start UNIQUE (professional_id, start_at),
  CONSTRAINT fk_slot_professional FOREIGN KEY (professional_id) REFERENCES professional (id)
);
CREATE INDEX ix_slot_queue_start ON appointment_slot (queue_id, start_at);

-- A resident's request for a remote appointment; its text is the conversation's first message.
CREATE TABLE appointment_request (
  id               VARCHAR(36)  NOT NULL PRIMARY KEY,
  conversation_id  VARCHAR(36)  NOT NULL,
  queue_id         VARCHAR(64)  NOT NULL,
  appointment_type VARCHAR(8),
  deadline         DATETIME(6),
  -- No slot inside the care-guarantee deadline was free: a professional must arrange the care.
  deadline_at_risk BOOLEAN      NOT NULL,
  created_at       DATETIME(6)  NOT NULL,
  CONSTRAINT fk_request_conversation FOREIGN KEY (conversation_id) REFERENCES conversation (id)
);
CREATE INDEX ix_request_risk ON appointment_request (queue_id, deadline_at_risk);

CREATE TABLE appointment_booking (
  id                VARCHAR(36)  NOT NULL PRIMARY KEY,
  request_id        VARCHAR(36)  NOT NULL,
  slot_id           VARCHAR(36)  NOT NULL,
  -- Equal to slot_id / request_id while the booking is active and NULL once cancelled. NULLs never collide
  -- in a unique key, so these two keys allow exactly one active booking per slot and per request.
  active_slot_id    VARCHAR(36),
  active_request_id VARCHAR(36),
  code              VARCHAR(16)  NOT NULL,
  token_hash        CHAR(64)     NOT NULL,
  phone             VARCHAR(32),
  created_at        DATETIME(6)  NOT NULL,
  cancelled_at      DATETIME(6),
  cancelled_by      VARCHAR(16),
  CONSTRAINT uq_booking_active_slot UNIQUE (active_slot_id),
  CONSTRAINT uq_booking_active_request UNIQUE (active_request_id),
  CONSTRAINT uq_booking_code UNIQUE (code),
  CONSTRAINT uq_booking_token UNIQUE (token_hash),
  CONSTRAINT fk_booking_request FOREIGN KEY (request_id) REFERENCES appointment_request (id),
  CONSTRAINT fk_booking_slot FOREIGN KEY (slot_id) REFERENCES appointment_slot (id)
);
CREATE INDEX ix_booking_slot ON appointment_booking (slot_id);

-- A valid form submission; its rendered fields are the conversation's first message (nothing else is kept).
CREATE TABLE form_submission (
  id               VARCHAR(36)  NOT NULL PRIMARY KEY,
  form_id          VARCHAR(64)  NOT NULL,
  form_type        VARCHAR(64)  NOT NULL,
  conversation_id  VARCHAR(36)  NOT NULL,
  reference        VARCHAR(16)  NOT NULL,
  reply_token_hash CHAR(64)     NOT NULL,
  language         VARCHAR(2)   NOT NULL,
  created_at       DATETIME(6)  NOT NULL,
  CONSTRAINT uq_form_reference UNIQUE (reference),
  CONSTRAINT uq_form_reply_token UNIQUE (reply_token_hash),
  CONSTRAINT fk_form_conversation FOREIGN KEY (conversation_id) REFERENCES conversation (id)
);
CREATE INDEX ix_form_submission_form ON form_submission (form_id);
