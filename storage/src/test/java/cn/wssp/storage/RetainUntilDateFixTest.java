package cn.wssp.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.minio.messages.ResponseDate;
import org.junit.jupiter.api.Test;

/** The dates RGW sends become dates the MinIO SDK parses; others are left alone. */
class RetainUntilDateFixTest {
  @Test
  void nanosecondsBecomeMilliseconds() {
    String fixed = RetainUntilDateFix.millis("2026-12-06T09:05:31.780000000Z");
    assertEquals("2026-12-06T09:05:31.780Z", fixed);
    assertEquals("2026-12-06T09:05:31.780Z", ResponseDate.fromString(fixed).toString());
    assertEquals("<R><RetainUntilDate>2026-12-06T09:05:31.700Z</RetainUntilDate></R>",
        RetainUntilDateFix.millis("<R><RetainUntilDate>2026-12-06T09:05:31.7Z</RetainUntilDate></R>"));
  }

  @Test
  void whatTheSdkParsesStaysAsItIs() {
    assertEquals("2026-12-06T09:05:31.780Z", RetainUntilDateFix.millis("2026-12-06T09:05:31.780Z"));
    assertEquals("2026-12-06T09:05:31Z", RetainUntilDateFix.millis("2026-12-06T09:05:31Z"));
  }
}
