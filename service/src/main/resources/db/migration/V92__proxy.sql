-- Proxy use (docs/identification.md, "Proxy use"): a resident contacting on behalf of someone else. Written once for
-- MariaDB and H2 (MODE=MariaDB).

-- The relation only (child, cared_for, client, other) on the conversation: the queue board may show that a contact is
-- a proxy contact and the relation, never who is represented.
ALTER TABLE conversation ADD COLUMN proxy_relation VARCHAR(16);

-- The current declaration of a conversation. The represented person (name, optional henkilötunnus) is sealed with
-- AES-GCM (the identification key) bound to the conversation id and the purpose "proxy"; mandate is what the mandate
-- check found ("declared": declared by the resident, not verified). Changes and withdrawals are conversation events;
-- the row goes with its conversation.
CREATE TABLE proxy_declaration (
  conversation_id VARCHAR(36)  NOT NULL PRIMARY KEY,
  relation        VARCHAR(16)  NOT NULL,
  mandate         VARCHAR(16)  NOT NULL,
  key_id          CHAR(8)      NOT NULL,
  sealed          TEXT         NOT NULL,
  declared_at     DATETIME(6)  NOT NULL,
  CONSTRAINT fk_proxy_declaration_conversation FOREIGN KEY (conversation_id) REFERENCES conversation (id) ON DELETE CASCADE
);
