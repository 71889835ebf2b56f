-- Published rule-set versions (the triage-rules/ files as a JSON map path -> content), drafts, and the one
-- row that names the active version: publishing locks that row, so two editors cannot both publish on
-- the same base.
CREATE TABLE rule_version (
  version     INT           NOT NULL PRIMARY KEY,
  author      VARCHAR(200)  NOT NULL,
  created_at  DATETIME(6)   NOT NULL,
  comment     VARCHAR(1000) NOT NULL,
  files_json  LONGTEXT      NOT NULL,
  diff        LONGTEXT      NOT NULL,
  files_hash  CHAR(64)      NOT NULL
);

CREATE TABLE rule_state (
  id              INT         NOT NULL PRIMARY KEY,
  active_version  INT         NOT NULL,
  directory_hash  CHAR(64)    NOT NULL
);

CREATE TABLE rule_draft (
  id            VARCHAR(36)  NOT NULL PRIMARY KEY,
  author_id     VARCHAR(36)  NOT NULL,
  base_version  INT          NOT NULL,
  files_json    LONGTEXT     NOT NULL,
  updated_at    DATETIME(6)  NOT NULL
);
