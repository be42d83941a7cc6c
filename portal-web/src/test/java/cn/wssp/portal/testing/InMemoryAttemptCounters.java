package cn.wssp.portal.testing;

import cn.wssp.portal.domain.model.AttemptCounter;
import cn.wssp.portal.domain.model.AttemptCounterRepository;
import java.util.HashMap;
import java.util.Map;

public class InMemoryAttemptCounters implements AttemptCounterRepository {
  public final Map<String, AttemptCounter> counters = new HashMap<>();

  @Override
  public AttemptCounter lock(String key) {
    return counters.getOrDefault(key, new AttemptCounter(key));
  }

  @Override
  public void save(AttemptCounter counter) {
    counters.put(counter.key(), counter);
  }

  @Override
  public void remove(String key) {
    counters.remove(key);
  }
}
