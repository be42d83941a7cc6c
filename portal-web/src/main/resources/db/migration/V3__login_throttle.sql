-- Failed logins and wrong verification codes, counted per key ("user:NAME", "ip:ADDR",
-- "verify:ADDR") so that every portal instance on this database sees the same counters (ASVS 2.2.1).
CREATE TABLE login_throttle (
  throttle_key VARCHAR(200) PRIMARY KEY,
  failures INT DEFAULT 0 NOT NULL,
  window_start TIMESTAMP,
  locked_until TIMESTAMP
);
