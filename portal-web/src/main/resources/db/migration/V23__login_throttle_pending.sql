-- Issue 11 (several instances on one database): an attempt is counted as failed before its
-- password or code is checked, so that parallel guesses see each other without one waiting on
-- another's slow check; "pending" says how many of the failures are still being checked (a right
-- one takes its failure back). Plain SQL for H2 2.x and PostgreSQL.
ALTER TABLE login_throttle ADD COLUMN pending INTEGER DEFAULT 0 NOT NULL;
