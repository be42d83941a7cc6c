package cn.wssp.portal.application;

import static org.junit.jupiter.api.Assertions.*;

import cn.wssp.portal.domain.model.DomainException;
import cn.wssp.portal.domain.service.PortalProfile;
import org.junit.jupiter.api.Test;

/** 空白表格: only forms have blanks, and a blank is laid out once until what it shows changes. */
class BlankFormsTest {
  final TestPortal portal = new TestPortal();
  final BlankForms blanks = new BlankForms();

  BlankFormsTest() {
    blanks.catalog = portal.catalog;
    blanks.profile = portal.profile;
  }

  @Test
  void aBlankIsRenderedOnceUntilWhatItShowsChanges() {
    BlankForms.Blank first = blanks.of(portal.promised.code(), "application-form");
    assertEquals("空白表格-食品经营许可申请书.pdf", first.fileName());
    assertTrue(new String(first.pdf(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII).startsWith("%PDF-"));
    assertSame(first.pdf(), blanks.of(portal.promised.code(), "application-form").pdf(),
        "anonymous requests share the rendered blank");
    assertNotSame(first.pdf(), blanks.of(portal.joint.code(), "application-form").pdf(),
        "each matter's form is its own");
    // Another center name is printed on the blank: laid out again.
    blanks.profile = new PortalProfile("另一个行政服务中心", portal.profile.publicUrl(),
        portal.profile.uploadMaxBytes(), true, true);
    assertNotSame(first.pdf(), blanks.of(portal.promised.code(), "application-form").pdf());
  }

  @Test
  void aMaterialThatIsNoFormHasNoBlank() {
    DomainException e = assertThrows(DomainException.class,
        () -> blanks.of(portal.promised.code(), "premises-layout"));
    assertEquals(404, e.status());
  }
}
