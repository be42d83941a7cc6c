package cn.wssp.portal.domain;

import static org.junit.jupiter.api.Assertions.*;

import cn.wssp.portal.domain.model.Document;
import cn.wssp.portal.domain.model.DocumentKind;
import cn.wssp.portal.testing.Ids;
import java.lang.reflect.Field;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Verification codes: printed on paper, kept only as a hash, matched in any case. */
class VerificationCodeTest {
  @Test
  void onlyTheHashIsKeptAndAnyCaseMatches() throws Exception {
    Document doc = new Document(1L, DocumentKind.APPROVAL_DECISION, "ZY2026000001",
        "ABCD2345EFGH", Instant.now());
    assertTrue(doc.matchesCode("abcd2345efgh"));
    assertTrue(doc.matchesCode(" ABCD2345EFGH "));
    assertFalse(doc.matchesCode("ABCD2345EFGX"));
    assertFalse(doc.matchesCode(null));
    Field legacy = Document.class.getDeclaredField("legacyCode");
    legacy.setAccessible(true);
    assertNull(legacy.get(doc), "no code in clear is stored");
  }

  @Test
  void olderDocumentsCodesAreMovedToTheirHash() throws Exception {
    Document old = new Document(1L, DocumentKind.ACCEPTANCE_NOTICE, "SL2026000001", "X", Instant.now());
    Ids.set(old, "verificationHash", null);
    Ids.set(old, "legacyCode", "K7M2P9Q4");
    assertTrue(old.matchesCode("k7m2p9q4"), "an 8-character code of an older document still works");
    assertTrue(old.hashLegacyCode());
    assertTrue(old.matchesCode("K7M2P9Q4"));
    assertFalse(old.hashLegacyCode(), "once");
  }
}
