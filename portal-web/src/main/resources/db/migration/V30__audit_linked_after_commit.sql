-- An audit line is written in the transaction of what it records and linked into the hash chain
-- moments later (AuditTrail.linkPending): its place in the chain, and its hashes, stay empty
-- until then. The lines before this version were linked in id order under the chain's lock.
ALTER TABLE audit_entry ADD COLUMN chain_pos BIGINT;
UPDATE audit_entry SET chain_pos = id;
CREATE UNIQUE INDEX audit_entry_chain_pos ON audit_entry (chain_pos);
ALTER TABLE audit_entry ALTER COLUMN prev_hash DROP NOT NULL;
ALTER TABLE audit_entry ALTER COLUMN hash DROP NOT NULL;
