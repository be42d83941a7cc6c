package cn.wssp.portal.application;

import static cn.wssp.portal.application.TestPortal.PIN;
import static cn.wssp.portal.application.TestPortal.actor;
import static org.junit.jupiter.api.Assertions.*;

import cn.wssp.portal.domain.model.*;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SupervisionServiceTest {
  final TestPortal portal = new TestPortal();
  final SupervisionService service = portal.supervision;

  /**
   * Fixture on Monday 2026-11-23: one issued on time and rated 4, one issued late and rated 2,
   * one accepted (review clock running), one waiting for the window with a commitment due in
   * two days, one overdue at the window, one draft (not counted), one joint accepted.
   */
  @Test
  void summaryOfASmallFixture() {
    Application late = portal.accepted(portal.promised); // review due 10 working days later
    Application overdue = portal.preReviewed(portal.promised, Verdict.COMPLETE);
    portal.clock.advance(Duration.ofDays(21)); // 2026-12-14: late is overdue, overdue too
    portal.decisions.decide(actor(portal.chiefB), late.id(), DecisionOutcome.APPROVE, "准予。", PIN);
    Application onTime = portal.issued(portal.promised);
    Application running = portal.accepted(portal.promised);
    Application promised = portal.preReviewed(portal.promised, Verdict.COMPLETE_WITH_COMMITMENT);
    portal.applications.signCommitment(actor(portal.applicant), promised.id(),
        List.of("premises-layout"), LocalDate.now(portal.clock).plusDays(2));
    Application joint = portal.accepted(portal.joint);
    portal.applications.create(actor(portal.applicant), portal.promised.code()); // draft
    portal.applications.evaluate(actor(portal.applicant), onTime.id(), 4, null);
    portal.applications.evaluate(actor(portal.applicant), late.id(), 2, null);

    SupervisionService.Summary s = service.summary(actor(portal.supervisor));
    assertEquals(4, s.open(), "overdue, running, promised, joint");
    assertEquals(Map.of("GREEN", 3L, "YELLOW", 0L, "RED", 1L), s.byLight());
    assertEquals(List.of("GREEN", "YELLOW", "RED"), List.copyOf(s.byLight().keySet()));
    assertEquals(1, s.overdue());
    assertEquals(0.5, s.onTimeRate());
    assertEquals(new SupervisionService.Commitments(1, 1, 0), s.commitments());
    assertEquals(List.of("卫生健康委员会", "市场监督管理局"),
        s.byDepartment().stream().map(SupervisionService.DepartmentLine::department).toList());
    var health = s.byDepartment().get(0);
    assertEquals(new SupervisionService.DepartmentLine("卫生健康委员会", 1, 0, null, null), health);
    var market = s.byDepartment().get(1);
    assertEquals(new SupervisionService.DepartmentLine("市场监督管理局", 4, 1, 0.5, 3.0), market);

    List<SupervisionService.OverdueLine> late2 = service.overdue(actor(portal.supervisor));
    assertEquals(List.of(overdue.number()), late2.stream().map(SupervisionService.OverdueLine::number).toList());
    assertTrue(late2.get(0).daysOver() > 0, late2.toString());
    // Two decided: "late" after 21 days, "onTime" at once.
    assertTrue(s.averageHandlingDays() > 10 && s.averageHandlingDays() < 11, String.valueOf(s.averageHandlingDays()));

    portal.clock.advance(Duration.ofDays(3)); // the promised date has passed
    assertEquals(new SupervisionService.Commitments(1, 0, 1),
        service.summary(actor(portal.supervisor)).commitments());
    assertNotNull(running);
    assertNotNull(joint);
  }

  @Test
  void onlyTheSupervisor() {
    for (UserAccount u : List.of(portal.clerk, portal.applicant, portal.chiefB)) {
      assertEquals(403, assertThrows(DomainException.class, () -> service.summary(actor(u))).status());
      assertEquals(403, assertThrows(DomainException.class, () -> service.exportCsv(actor(u))).status());
    }
  }

  @Test
  void csvWithBomAndEveryApplication() {
    Application issued = portal.issued(portal.promised);
    Application joint = portal.accepted(portal.joint);
    byte[] bytes = service.exportCsv(actor(portal.supervisor));
    assertEquals((byte) 0xEF, bytes[0]);
    assertEquals((byte) 0xBB, bytes[1]);
    assertEquals((byte) 0xBF, bytes[2]);
    String[] lines = new String(bytes, StandardCharsets.UTF_8).substring(1).split("\r\n");
    assertEquals("number,matter,departments,status,submittedAt,preReviewDue,reviewDue,light,outcome,decidedAt",
        lines[0]);
    assertEquals(3, lines.length);
    String[] first = lines[1].split(",", -1);
    assertEquals(List.of(issued.number(), "食品经营许可（新办）", "市场监督管理局", "ISSUED"),
        List.of(first).subList(0, 4));
    assertEquals("2026-11-23 10:00:00", first[4]);
    assertEquals("", first[7], "no clock runs");
    assertEquals("APPROVED", first[8]);
    assertEquals("2026-11-23 10:00:00", first[9]);
    String[] second = lines[2].split(",", -1);
    assertEquals(joint.number(), second[0]);
    assertEquals("市场监督管理局、卫生健康委员会", second[2]);
    assertEquals("GREEN", second[7]);
    assertEquals("", second[8]);
  }

  @Test
  void cellsAreQuotedAndDefused() {
    assertEquals("\"a,b\"", SupervisionService.cell("a,b"));
    assertEquals("'=1+1", SupervisionService.cell("=1+1"));
    assertEquals("\"x\"\"y\"", SupervisionService.cell("x\"y"));
  }
}
