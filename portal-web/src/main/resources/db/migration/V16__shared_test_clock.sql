-- The test clock's offset (PORTAL_TEST_CLOCK=true only), in the database so that every instance
-- of a cluster moves with it: one row.
CREATE TABLE test_clock (
  id INT PRIMARY KEY,
  offset_millis BIGINT NOT NULL
);
INSERT INTO test_clock (id, offset_millis) VALUES (1, 0);
