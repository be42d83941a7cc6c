package cn.wssp.portal.testing;

import cn.wssp.portal.domain.model.NumberSequence;
import java.util.HashMap;
import java.util.Map;

public class InMemorySequence implements NumberSequence {
  private final Map<String, Long> values = new HashMap<>();

  @Override
  public long next(String name) {
    return values.merge(name, 1L, Long::sum);
  }
}
