-- Reminders before a commitment's due date (7, 3 and 1 working days, SPEC §5): the smallest
-- threshold already reminded, so each reminder goes out once.
ALTER TABLE commitment ADD COLUMN reminded_days INT;
