-- Verification codes are printed on the documents; the database keeps only their SHA-256, so a
-- copy of the database does not let anyone query documents by number + code. Existing codes are
-- hashed by the portal at start-up (PortalBootstrap), then the clear column is emptied.
ALTER TABLE document ADD COLUMN verification_hash VARCHAR(64);
ALTER TABLE document ALTER COLUMN verification_code DROP NOT NULL;
