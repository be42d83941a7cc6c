-- The commitment's life (告知承诺制, SPEC §5): OPEN until the promised materials pass the
-- pre-review (FULFILLED), BREACHED once the due date passed, REVOKED with the decision.
ALTER TABLE commitment ADD COLUMN status VARCHAR(20) DEFAULT 'OPEN' NOT NULL;
ALTER TABLE commitment ADD COLUMN closed_at TIMESTAMP;
-- A revoked decision says when and why (verification shows both).
ALTER TABLE document ADD COLUMN revoked_at TIMESTAMP;
ALTER TABLE document ADD COLUMN revocation_reason VARCHAR(1000);
