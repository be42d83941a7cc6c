-- A department's seal algorithm (issue 9): RSA (default, verifiable everywhere), ECDSA_P256, or
-- SM2 (SM2 with SM3, GB/T 32918 / GB/T 32905). A change re-keys the department's seal.
-- Plain SQL for H2 2.x and PostgreSQL.
ALTER TABLE department ADD COLUMN seal_algorithm VARCHAR(12) DEFAULT 'RSA' NOT NULL;
ALTER TABLE department ADD CONSTRAINT department_seal_algorithm_known
  CHECK (seal_algorithm IN ('RSA', 'ECDSA_P256', 'SM2'));
