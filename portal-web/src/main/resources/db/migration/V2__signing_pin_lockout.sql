-- Wrong signing PINs are counted; after five in a row the seal is locked for a while (§6).
ALTER TABLE user_account ADD COLUMN pin_failures INT DEFAULT 0 NOT NULL;
ALTER TABLE user_account ADD COLUMN pin_locked_until TIMESTAMP;
