package cn.wssp.portal.testing;

import cn.wssp.portal.domain.model.Forwarding;
import cn.wssp.portal.domain.model.ForwardingRepository;
import java.util.*;

public class InMemoryForwardings implements ForwardingRepository {
  private final Map<Long, Forwarding> byApplication = new LinkedHashMap<>();

  @Override
  public Optional<Forwarding> of(Long applicationId) {
    return Optional.ofNullable(byApplication.get(applicationId));
  }

  @Override
  public void add(Forwarding forwarding) {
    if (byApplication.putIfAbsent(forwarding.applicationId(), Ids.assign(forwarding)) != null) {
      throw new IllegalStateException("duplicate key: forwarding of " + forwarding.applicationId());
    }
  }
}
