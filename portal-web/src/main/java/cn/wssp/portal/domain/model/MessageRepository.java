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

  /** One page of a user's messages, newest first ({@code page} from 0). */
  List<PortalMessage> page(Long userId, int page, int size);

  long count(Long userId);

  long unread(Long userId);

  /** Marks every unread message of the user read; how many were. */
  int markAllRead(Long userId, java.time.Instant at);
}
