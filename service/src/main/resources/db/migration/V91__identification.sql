-- Strong identification of residents (docs/identification.md). Written once for MariaDB and H2 (MODE=MariaDB).

-- One identification attempt: created with a one-time ticket when the resident starts it; the popup opens the ticket
-- once (that browser gets the binding cookie, and the attempt its state, nonce and PKCE verifier); the provider's
-- redirect completes it once (used_at). Only hashes of the ticket, state and binding are kept; the verifier is sealed.
CREATE TABLE identification_request (
  id              VARCHAR(36)  NOT NULL PRIMARY KEY,
  conversation_id VARCHAR(36)  NOT NULL,
  level           VARCHAR(16)  NOT NULL,
  lang            VARCHAR(2)   NOT NULL,
  ticket_hash     CHAR(64)     NOT NULL,
  state_hash      CHAR(64),
  binding_hash    CHAR(64),
  nonce           VARCHAR(64),
  verifier_sealed VARCHAR(255),
  created_at      DATETIME(6)  NOT NULL,
  expires_at      DATETIME(6)  NOT NULL,
  opened_at       DATETIME(6),
  used_at         DATETIME(6),
  CONSTRAINT uq_identification_ticket UNIQUE (ticket_hash),
  CONSTRAINT uq_identification_state UNIQUE (state_hash),
  CONSTRAINT fk_identification_request_conversation FOREIGN KEY (conversation_id) REFERENCES conversation (id)
);
CREATE INDEX ix_identification_request_conversation ON identification_request (conversation_id, created_at);

-- Who the resident of a conversation proved to be. The identity (national id, names, provider subject) is sealed with
-- AES-GCM bound to the conversation id; person_key is an HMAC of the national id, to find a person's conversations
-- without storing the number; key_id names the key that sealed it.
CREATE TABLE resident_identity (
  conversation_id VARCHAR(36)  NOT NULL PRIMARY KEY,
  level           VARCHAR(16)  NOT NULL,
  person_key      CHAR(64)     NOT NULL,
  key_id          CHAR(8)      NOT NULL,
  sealed          TEXT         NOT NULL,
  identified_at   DATETIME(6)  NOT NULL,
  CONSTRAINT fk_resident_identity_conversation FOREIGN KEY (conversation_id) REFERENCES conversation (id)
);
CREATE INDEX ix_resident_identity_person ON resident_identity (person_key);
