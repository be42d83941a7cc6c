package cn.wssp.portal.application;

import static cn.wssp.portal.application.TestPortal.actor;
import static org.junit.jupiter.api.Assertions.*;

import cn.wssp.integration.mail.MailMessage;
import cn.wssp.portal.domain.model.*;
import cn.wssp.portal.domain.service.PortalProfile;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NotificationsTest {
  final TestPortal portal = new TestPortal();
  final List<MailMessage> sent = new ArrayList<>();
  final MailJob mail = new MailJob();

  NotificationsTest() {
    mail.messages = portal.messageRepo;
    mail.accounts = portal.accountRepo;
    mail.mailer = sent::add;
    mail.tx = new InTransaction();
    mail.profile = portal.profile;
  }

  @Test
  void theApplicantIsToldInThePortalAndByMailAfterCommit() {
    Application app = portal.accepted(portal.promised);
    PortalMessage told = portal.notifications.inbox(actor(portal.applicant)).get(0);
    assertTrue(told.subject().contains(app.number()), told.subject());
    List<Long> queued = portal.jobRepo.refsOf(JobKind.MAIL);
    assertEquals(List.of(told.id()), queued, "e-mail goes out as a job, after the commit");
    mail.run(told.id());
    assertEquals(1, sent.size());
    assertEquals("applicant@demo.example", sent.get(0).to());
    assertTrue(sent.get(0).subject().startsWith("【网上审批】"));
  }

  @Test
  void noMailJobWithoutAnAddressOrWithoutSmtp() {
    Application theirs = portal.applications.create(actor(portal.applicant2), "SCJG-0001");
    portal.notifications.tellApplicant(theirs, "测试", "无邮箱");
    assertTrue(portal.jobRepo.refsOf(JobKind.MAIL).isEmpty(), "applicant2 has no e-mail address");

    portal.notifications.profile = new PortalProfile("c", "u", 1, false, true);
    Application mine = portal.applications.create(actor(portal.applicant), "SCJG-0001");
    portal.notifications.tellApplicant(mine, "测试", "未配置 SMTP");
    assertTrue(portal.jobRepo.refsOf(JobKind.MAIL).isEmpty());
    assertEquals(2, portal.messageRepo.messages.size(), "the in-portal messages are kept");
  }
}
