-- 委托书 as one letter (issue 8): a department entrusts role B (signs normally) and role A (signs
-- while B is recorded absent) with matters (none listed = all of the department's), actions
-- (受理/审核/审批/签发) and a period; the sealed letter is a document of no application.
-- Plain SQL for H2 2.x and PostgreSQL 12+.

ALTER TABLE document ALTER COLUMN application_id DROP NOT NULL;

ALTER TABLE delegation ADD COLUMN role_a_id BIGINT REFERENCES user_account(id);
ALTER TABLE delegation ADD COLUMN role_b_id BIGINT REFERENCES user_account(id);
ALTER TABLE delegation ADD COLUMN letter_document_id BIGINT REFERENCES document(id);
ALTER TABLE delegation ADD COLUMN issued_by VARCHAR(80);
ALTER TABLE delegation ADD COLUMN issued_at TIMESTAMP;

CREATE TABLE delegation_matter (
  delegation_id BIGINT NOT NULL REFERENCES delegation(id),
  matter_code VARCHAR(40) NOT NULL,
  PRIMARY KEY (delegation_id, matter_code)
);

CREATE TABLE delegation_action (
  delegation_id BIGINT NOT NULL REFERENCES delegation(id),
  action VARCHAR(20) NOT NULL,
  PRIMARY KEY (delegation_id, action)
);

-- The old rows named one chief each: the chief takes the role the account holds (B if unknown).
UPDATE delegation SET role_a_id = user_id
  WHERE user_id IN (SELECT id FROM user_account WHERE chief_role = 'A');
UPDATE delegation SET role_b_id = user_id WHERE role_a_id IS NULL;

-- An A row joins the B row of the same department, matter and period: one letter for the pair.
UPDATE delegation SET role_a_id = (
    SELECT MIN(a.user_id) FROM delegation a
    WHERE a.role_b_id IS NULL AND a.department_id = delegation.department_id
      AND (a.matter_code = delegation.matter_code
           OR (a.matter_code IS NULL AND delegation.matter_code IS NULL))
      AND a.valid_from = delegation.valid_from AND a.valid_to = delegation.valid_to)
  WHERE role_b_id IS NOT NULL;
DELETE FROM delegation
  WHERE role_b_id IS NULL AND EXISTS (
    SELECT 1 FROM delegation b
    WHERE b.role_b_id IS NOT NULL AND b.role_a_id = delegation.user_id
      AND b.department_id = delegation.department_id
      AND (b.matter_code = delegation.matter_code
           OR (b.matter_code IS NULL AND delegation.matter_code IS NULL))
      AND b.valid_from = delegation.valid_from AND b.valid_to = delegation.valid_to);

-- One matter, or none (all matters); the old letters let their chiefs do everything a chief does.
INSERT INTO delegation_matter (delegation_id, matter_code)
  SELECT id, matter_code FROM delegation WHERE matter_code IS NOT NULL;
INSERT INTO delegation_action (delegation_id, action) SELECT id, 'ACCEPT' FROM delegation;
INSERT INTO delegation_action (delegation_id, action) SELECT id, 'REVIEW' FROM delegation;
INSERT INTO delegation_action (delegation_id, action) SELECT id, 'APPROVE' FROM delegation;
INSERT INTO delegation_action (delegation_id, action) SELECT id, 'ISSUE' FROM delegation;

ALTER TABLE delegation DROP COLUMN user_id;
ALTER TABLE delegation DROP COLUMN matter_code;
CREATE INDEX delegation_department ON delegation(department_id);

-- 失信名单: enterprises the center refuses the commitment procedure (告知承诺制), by credit code.
CREATE TABLE dishonest_enterprise (
  credit_code VARCHAR(18) PRIMARY KEY,
  reason VARCHAR(500) NOT NULL,
  listed_on DATE NOT NULL,
  recorded_by VARCHAR(80) NOT NULL,
  recorded_at TIMESTAMP NOT NULL
);
