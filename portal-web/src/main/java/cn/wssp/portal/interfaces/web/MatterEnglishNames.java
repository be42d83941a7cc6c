package cn.wssp.portal.interfaces.web;

import cn.wssp.portal.domain.model.MatterRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;

/**
 * The names in English the center gave its matters (事项设置), for the English pages' labels. A
 * page lists many matters, so they are read in one query and kept for a short while: a name
 * changed on one instance of a cluster shows on the others within {@link #FRESH_FOR}.
 */
@ApplicationScoped
public class MatterEnglishNames {
  static final Duration FRESH_FOR = Duration.ofSeconds(30);

  @Inject
  MatterRepository matters;

  private volatile Map<String, String> names;
  private volatile long readAt;

  /** The matter's name in English, or null when the center gave none. */
  public String of(String code) {
    long now = System.nanoTime();
    Map<String, String> current = names;
    if (current == null || now - readAt > FRESH_FOR.toNanos()) {
      current = Map.copyOf(matters.englishNames());
      names = current;
      readAt = now;
    }
    return current.get(code);
  }

  /** Read again at the next use (this instance changed a name). */
  public void forget() {
    names = null;
  }
}
