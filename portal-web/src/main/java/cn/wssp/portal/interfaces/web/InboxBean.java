package cn.wssp.portal.interfaces.web;

import cn.wssp.portal.application.Inbox;
import cn.wssp.portal.interfaces.security.CurrentActor;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The message inbox page and the unread count in every page's header. */
@Named
@RequestScoped
public class InboxBean {
  static final int PAGE_SIZE = 20;

  @Inject
  CurrentActor current;

  @Inject
  Inbox inbox;

  private int page = 1;
  private Inbox.Page shown;
  private Long unread;

  /** For the header: 0 when nobody is logged in. */
  public long getUnread() {
    if (unread == null) {
      unread = current.get().map(inbox::unread).orElse(0L);
    }
    return unread;
  }

  public Inbox.Page getCurrent() {
    if (shown == null) {
      shown = Pages.attempt(() -> inbox.page(current.require(), Math.max(1, page) - 1, PAGE_SIZE));
    }
    return shown;
  }

  public void read(Long id) {
    Pages.attempt(() -> inbox.read(current.require(), id));
    shown = null;
    unread = null;
  }

  public void readAll() {
    Integer n = Pages.attempt(() -> inbox.readAll(current.require()));
    if (n != null) {
      Pages.info("已将 " + n + " 条消息标为已读。");
    }
    shown = null;
    unread = null;
  }

  public long getPages() {
    Inbox.Page p = getCurrent();
    return p == null ? 1 : Math.max(1, (p.total() + PAGE_SIZE - 1) / PAGE_SIZE);
  }

  public int getPage() { return page; }
  public void setPage(int page) { this.page = page; }
}
