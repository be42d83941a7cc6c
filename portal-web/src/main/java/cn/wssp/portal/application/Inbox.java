package cn.wssp.portal.application;

import cn.wssp.portal.domain.model.DomainException;
import cn.wssp.portal.domain.model.MessageRepository;
import cn.wssp.portal.domain.model.PortalMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * 站内消息: every user's inbox (what {@link Notifications} told them), with the unread count the
 * header shows. A message is its addressee's alone: anyone else gets "not found".
 */
@ApplicationScoped
public class Inbox {
  static final int MAX_PAGE_SIZE = 100;

  @Inject
  MessageRepository messages;

  @Inject
  Clock clock;

  public record Item(Long id, String subject, String body, Long applicationId, Instant createdAt,
      boolean read) {
    static Item of(PortalMessage m) {
      return new Item(m.id(), m.subject(), m.body(), m.applicationId(), m.createdAt(), !m.unread());
    }
  }

  public record Page(long unread, long total, int page, int size, List<Item> items) {}

  public Page page(Actor actor, int page, int size) {
    if (page < 0) {
      throw DomainException.invalid("page 不能小于 0。")
          .inEnglish("page may not be less than 0.");
    }
    if (size < 1 || size > MAX_PAGE_SIZE) {
      throw DomainException.invalid("size 应在 1 到 " + MAX_PAGE_SIZE + " 之间。")
          .inEnglish("size is between 1 and " + MAX_PAGE_SIZE + ".");
    }
    return new Page(messages.unread(actor.userId()), messages.count(actor.userId()), page, size,
        messages.page(actor.userId(), page, size).stream().map(Item::of).toList());
  }

  public long unread(Actor actor) {
    return messages.unread(actor.userId());
  }

  @Transactional
  public Item read(Actor actor, Long id) {
    PortalMessage m = messages.find(id).filter(x -> x.userId().equals(actor.userId()))
        .orElseThrow(() -> DomainException.notFound("该消息")
            .inEnglish("This message does not exist or you may not see it."));
    m.markRead(Instant.now(clock));
    return Item.of(m);
  }

  @Transactional
  public int readAll(Actor actor) {
    return messages.markAllRead(actor.userId(), Instant.now(clock));
  }
}
