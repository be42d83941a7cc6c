package cn.wssp.portal.application;

import static cn.wssp.portal.application.TestPortal.actor;
import static org.junit.jupiter.api.Assertions.*;

import cn.wssp.portal.domain.model.Application;
import cn.wssp.portal.domain.model.DomainException;
import java.util.List;
import org.junit.jupiter.api.Test;

class InboxTest {
  final TestPortal portal = new TestPortal();
  final Inbox inbox = new Inbox();

  {
    inbox.messages = portal.messageRepo;
    inbox.clock = portal.clock;
  }

  @Test
  void theApplicantReadsWhatThePortalToldHerNewestFirst() {
    Application app = portal.issued(portal.promised); // acceptance and decision: two messages
    Inbox.Page page = inbox.page(actor(portal.applicant), 0, 2);
    assertEquals(2, page.total(), page.toString());
    assertEquals(page.total(), page.unread());
    assertEquals(2, page.items().size());
    assertTrue(page.items().get(0).id() > page.items().get(1).id(), "newest first");
    assertTrue(page.items().get(0).subject().contains(app.number()));
    assertEquals(app.id(), page.items().get(0).applicationId());

    Inbox.Item read = inbox.read(actor(portal.applicant), page.items().get(0).id());
    assertTrue(read.read());
    assertEquals(page.total() - 1, inbox.unread(actor(portal.applicant)));
    assertEquals(page.total() - 1, inbox.readAll(actor(portal.applicant)));
    assertEquals(0, inbox.unread(actor(portal.applicant)));
    assertEquals(0, inbox.readAll(actor(portal.applicant)), "nothing left to mark");
  }

  @Test
  void aMessageIsItsAddresseesAlone() {
    portal.issued(portal.promised);
    Long id = inbox.page(actor(portal.applicant), 0, 1).items().get(0).id();
    for (var other : List.of(portal.applicant2, portal.clerk, portal.supervisor)) {
      assertEquals(404, assertThrows(DomainException.class, () -> inbox.read(actor(other), id)).status());
      assertEquals(0, inbox.page(actor(other), 0, 20).total());
    }
  }

  @Test
  void pagingIsBounded() {
    assertEquals(400, assertThrows(DomainException.class,
        () -> inbox.page(actor(portal.applicant), -1, 20)).status());
    assertEquals(400, assertThrows(DomainException.class,
        () -> inbox.page(actor(portal.applicant), 0, 0)).status());
    assertEquals(400, assertThrows(DomainException.class,
        () -> inbox.page(actor(portal.applicant), 0, 101)).status());
  }
}
