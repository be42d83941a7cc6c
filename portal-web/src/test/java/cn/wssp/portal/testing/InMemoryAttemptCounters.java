package cn.wssp.portal.testing;

import cn.wssp.portal.domain.model.AttemptCounter;
import cn.wssp.portal.domain.model.AttemptCounterRepository;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Counters in a map; no row locks (tests that run attempts in parallel synchronize them). */
public class InMemoryAttemptCounters implements AttemptCounterRepository {
  public final Map<String, AttemptCounter> counters = new ConcurrentHashMap<>();

  @Override
  public void createIfAbsent(String key) {
    counters.putIfAbsent(key, new AttemptCounter(key));
  }

  @Override
  public Optional<AttemptCounter> lock(String key) {
    return Optional.ofNullable(counters.get(key));
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
