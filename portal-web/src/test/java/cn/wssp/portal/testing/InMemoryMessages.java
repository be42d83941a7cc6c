package cn.wssp.portal.testing;

import cn.wssp.portal.domain.model.MessageRepository;
import cn.wssp.portal.domain.model.PortalMessage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

public class InMemoryMessages implements MessageRepository {
  public final List<PortalMessage> messages = new ArrayList<>();

  @Override
  public PortalMessage add(PortalMessage message) {
    messages.add(Ids.assign(message));
    return message;
  }

  @Override
  public Optional<PortalMessage> find(Long id) {
    return messages.stream().filter(m -> m.id().equals(id)).findFirst();
  }

  @Override
  public List<PortalMessage> inbox(Long userId, int max) {
    return messages.stream().filter(m -> m.userId().equals(userId))
        .sorted(Comparator.comparing(PortalMessage::id).reversed()).limit(max).toList();
  }

  @Override
  public List<PortalMessage> page(Long userId, int page, int size) {
    return inbox(userId, Integer.MAX_VALUE).stream().skip((long) page * size).limit(size).toList();
  }

  @Override
  public long count(Long userId) {
    return messages.stream().filter(m -> m.userId().equals(userId)).count();
  }

  @Override
  public long unread(Long userId) {
    return messages.stream().filter(m -> m.userId().equals(userId) && m.unread()).count();
  }

  @Override
  public int markAllRead(Long userId, java.time.Instant at) {
    List<PortalMessage> unread = messages.stream()
        .filter(m -> m.userId().equals(userId) && m.unread()).toList();
    unread.forEach(m -> m.markRead(at));
    return unread.size();
  }
}
