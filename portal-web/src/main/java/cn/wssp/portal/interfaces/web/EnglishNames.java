package cn.wssp.portal.interfaces.web;

import cn.wssp.portal.domain.model.MatterRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;

/**
 * The names in English the center gave its departments and matters (事项设置) and, in the
 * published rule sets, their materials, for the English pages' labels. A page lists many, so they
 * are read in three queries and kept for a short while: a name changed on one instance of a
 * cluster shows on the others within {@link #FRESH_FOR}.
 */
@ApplicationScoped
public class EnglishNames {
  static final Duration FRESH_FOR = Duration.ofSeconds(30);

  @Inject
  MatterRepository matters;

  private record Names(Map<String, String> matters, Map<String, String> materials,
      Map<String, String> departments, long readAt) {}

  private volatile Names names;

  /** The matter's name in English, or null when the center gave none. */
  public String of(String code) {
    return current().matters().get(code);
  }

  /** The material's name in English, or null when its rule set gives none. */
  public String material(String code, String chineseName) {
    return current().materials().get(MatterRepository.materialKey(code, chineseName));
  }

  /** The department's name in English, or null when none was given. */
  public String department(String chineseName) {
    return current().departments().get(chineseName);
  }

  private Names current() {
    long now = System.nanoTime();
    Names current = names;
    if (current == null || now - current.readAt() > FRESH_FOR.toNanos()) {
      current = new Names(Map.copyOf(matters.englishNames()),
          Map.copyOf(matters.materialEnglishNames()), Map.copyOf(matters.departmentEnglishNames()),
          now);
      names = current;
    }
    return current;
  }

  /** Read again at the next use (this instance changed a name or published a rule set). */
  public void forget() {
    names = null;
  }
}
