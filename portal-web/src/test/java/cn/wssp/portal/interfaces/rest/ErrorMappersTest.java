package cn.wssp.portal.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import org.junit.jupiter.api.Test;

/**
 * Two people acting on the same application at once are told 409 (found under load: two clerks
 * accepting the same application, the second waited for H2's row lock and got a 500).
 */
class ErrorMappersTest {

  @Test
  void aLockTimeoutOrSerializationFailureIsAConflict() {
    assertTrue(ErrorMappers.isLockConflict(
        new SQLTimeoutException("Timeout trying to lock table \"APPLICATION\"", "HYT00")));
    for (String state : new String[] {"40001", "40P01", "55P03"}) {
      assertTrue(ErrorMappers.isLockConflict(new SQLException("conflict", state)), state);
    }
  }

  @Test
  void otherDatabaseErrorsAreNot() {
    assertFalse(ErrorMappers.isLockConflict(new SQLException("disk full", "53100")));
    assertFalse(ErrorMappers.isLockConflict(new IllegalStateException("x")));
    // A query that ran past its timeout is slow, not contended.
    assertFalse(ErrorMappers.isLockConflict(new SQLTimeoutException("query timed out", "57014")));
  }
}
