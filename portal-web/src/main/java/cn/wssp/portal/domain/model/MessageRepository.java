package cn.wssp.portal.domain.model;

import java.util.List;
import java.util.Optional;

/** In-portal messages (站内消息). */
public interface MessageRepository {
  /** Stores a message and gives it its id. */
  PortalMessage add(PortalMessage message);

  Optional<PortalMessage> find(Long id);

  /** A user's messages, newest first, at most {@code max}. */
  List<PortalMessage> inbox(Long userId, int max);
}
