package cn.wssp.portal.application;

import static cn.wssp.portal.application.TestPortal.actor;
import static org.junit.jupiter.api.Assertions.*;

import cn.wssp.portal.domain.model.*;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrackingServiceTest {
  final TestPortal portal = new TestPortal();
  final TrackingService service = portal.tracking;

  @Test
  void everyApplicationGetsAnUnambiguousCodeShownOnlyToItsOwner() {
    Application app = portal.applications.create(actor(portal.applicant), portal.promised.code());
    assertTrue(app.trackingCode().matches("[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}"), app.trackingCode());
    Application other = portal.applications.create(actor(portal.applicant), portal.promised.code());
    assertNotEquals(app.trackingCode(), other.trackingCode());
    assertEquals(app.trackingCode(), portal.views.of(actor(portal.applicant), app.id()).trackingCode());
    portal.applications.submit(actor(portal.applicant), app.id());
    assertNull(portal.views.of(actor(portal.clerk), app.id()).trackingCode());
  }

  @Test
  void theAcceptanceNoticeCarriesTheCode() {
    Application app = portal.accepted(portal.promised);
    List<String> body = OfficialTexts.acceptance(app, ZoneId.of("Asia/Shanghai"),
        app.reviewDue(), null, null);
    assertTrue(body.stream().anyMatch(l -> l.startsWith("办件查询码：" + app.trackingCode())), body.toString());
    List<String> deemed = OfficialTexts.deemedAcceptance(app, ZoneId.of("Asia/Shanghai"), app.reviewDue());
    assertTrue(deemed.stream().anyMatch(l -> l.contains(app.trackingCode())), deemed.toString());
  }

  @Test
  void stepsOfTheAuditTrailWithoutPersonalData() {
    Application app = portal.issued(portal.promised);
    TrackingService.Tracking t = service.track(app.number(), app.trackingCode().toLowerCase(), "10.0.0.1");
    assertEquals(app.number(), t.number());
    assertEquals("食品经营许可（新办）", t.matterName());
    assertEquals("ISSUED", t.status());
    assertEquals("已办结", t.statusLabel());
    // TestPortal records the pre-review without its job, so no 预审完成 step here (TrackingIT has it).
    assertEquals(List.of("提交申请", "受理", "准予许可", "办结"),
        t.steps().stream().map(TrackingService.Step::step).toList(),
        "create, uploads and downloads are not steps");
    assertEquals("市场监督管理局", t.steps().get(2).department());
    assertEquals("市场监督管理局", t.steps().get(3).department());
    assertNull(t.steps().get(0).department());
    assertEquals(app.reviewDue(), t.deadlines().reviewDue());
    String all = t.toString();
    for (String personal : List.of("演示科技", "applicant", "clerk", "chief-b", "准予许可。",
        portal.demo.creditCode())) {
      assertFalse(all.contains(personal), "leaks " + personal + ": " + all);
    }
  }

  @Test
  void aResubmissionAfterSupplementIsNamedSo() {
    Application app = portal.preReviewed(portal.promised, Verdict.INCOMPLETE);
    portal.acceptance.decide(actor(portal.clerk), app.id(), AcceptanceAction.SUPPLEMENT, "缺少平面图。");
    portal.applications.submit(actor(portal.applicant), app.id());
    var steps = service.track(app.number(), app.trackingCode(), "10.0.0.1").steps();
    assertEquals(List.of("提交申请", "一次性告知补正", "补正后重新提交"),
        steps.stream().map(TrackingService.Step::step).toList());
  }

  @Test
  void aWrongNumberOrCodeIsTheSame404AndIsThrottled() {
    Application app = portal.accepted(portal.promised);
    DomainException wrongCode = assertThrows(DomainException.class,
        () -> service.track(app.number(), "ZZZZZZZZ", "10.0.0.2"));
    DomainException wrongNumber = assertThrows(DomainException.class,
        () -> service.track("SQ2026999999", app.trackingCode(), "10.0.0.2"));
    DomainException noCode = assertThrows(DomainException.class,
        () -> service.track(app.number(), null, "10.0.0.2"));
    for (DomainException e : List.of(wrongCode, wrongNumber, noCode)) {
      assertEquals(404, e.status());
      assertEquals(TrackingService.NOT_FOUND, e.getMessage());
    }
    DomainException refused = null;
    for (int i = 0; i < 50 && refused == null; i++) {
      try {
        service.track(app.number(), "ZZZZZZZZ", "10.0.0.2");
      } catch (TooManyAttempts e) {
        refused = e;
      } catch (DomainException e) {
        assertEquals(404, e.status());
      }
    }
    assertNotNull(refused, "wrong codes are throttled per address");
    assertEquals(429, refused.status());
    // Another address is not affected.
    assertEquals(app.number(), service.track(app.number(), app.trackingCode(), "10.0.0.3").number());
  }
}
