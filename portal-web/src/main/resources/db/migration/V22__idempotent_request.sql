-- Idempotency keys of the API (issue 10): a state-changing POST sent with an Idempotency-Key is
-- done once per caller and key; its response is kept here, in the same transaction as the
-- action, and a retry with the same key gets that response again. Kept for a day.
-- Plain SQL for H2 2.x and PostgreSQL.
CREATE TABLE idempotent_request (
  actor        VARCHAR(100)    NOT NULL,
  idem_key     VARCHAR(100)    NOT NULL,
  fingerprint  VARCHAR(64)     NOT NULL,
  created_at   TIMESTAMP       NOT NULL,
  status       INTEGER,
  content_type VARCHAR(200),
  body         VARCHAR(1000000),
  CONSTRAINT idempotent_request_pk PRIMARY KEY (actor, idem_key)
);
CREATE INDEX idempotent_request_age ON idempotent_request (actor, created_at);
