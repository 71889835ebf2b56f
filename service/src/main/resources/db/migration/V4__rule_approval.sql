-- Four eyes on the safety net (issue 13.5): a draft that removes or changes a safety rule, or removes a labelled
-- emergency, is published only after a second rules editor approved exactly its current files. The approval is
-- kept on the draft (cleared by any edit) and both names on the version.
ALTER TABLE rule_draft ADD COLUMN approved_by_id VARCHAR(36) NULL;
ALTER TABLE rule_draft ADD COLUMN approved_by_name VARCHAR(200) NULL;
ALTER TABLE rule_draft ADD COLUMN approved_hash CHAR(64) NULL;
ALTER TABLE rule_version ADD COLUMN approved_by VARCHAR(200) NULL;
