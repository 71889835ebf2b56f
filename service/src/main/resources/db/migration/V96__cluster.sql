-- Two or more nodes on one database (issue 17, docs/cluster.md). Same portability rules as V1: MariaDB and H2 in
-- MODE=MariaDB.

-- Professional sessions, so a node restart or a request served by another node signs nobody out. The cookie's id
-- is stored only as its SHA-256 (hex): reading this table never yields a usable session. Rows past expires_at are
-- refused on lookup and deleted by the sweep of any node.
CREATE TABLE professional_session (
  id_hash         CHAR(64)    NOT NULL PRIMARY KEY,
  professional_id VARCHAR(36) NOT NULL,
  csrf_token      VARCHAR(64) NOT NULL,
  created_at      DATETIME(6) NOT NULL,
  expires_at      DATETIME(6) NOT NULL,
  CONSTRAINT fk_session_professional FOREIGN KEY (professional_id) REFERENCES professional (id)
);
CREATE INDEX ix_session_expires ON professional_session (expires_at);

-- A job that must run once per cluster (retention, the assignment-lease sweep) runs only on the node holding its
-- lease: taken by one atomic UPDATE when expired or already held by that node (ClusterLease).
CREATE TABLE cluster_lease (
  name       VARCHAR(64)  NOT NULL PRIMARY KEY,
  holder     VARCHAR(128) NOT NULL,
  expires_at DATETIME(6)  NOT NULL
);

-- Which professionals have a console open on which node, refreshed every queue.lease-sweep-ms by each node: the
-- assignment-lease sweep (one node) must not hand back a conversation whose assignee is connected to another node.
CREATE TABLE professional_presence (
  professional_id VARCHAR(36)  NOT NULL,
  node_id         VARCHAR(128) NOT NULL,
  seen_at         DATETIME(6)  NOT NULL,
  PRIMARY KEY (professional_id, node_id)
);
