package cn.wssp.portal.testing;

import cn.wssp.portal.domain.model.PublishedRules;
import cn.wssp.portal.domain.model.RuleSetRepository;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

public class InMemoryRuleSets implements RuleSetRepository {
  private final List<PublishedRules> all = new ArrayList<>();

  @Override
  public Optional<PublishedRules> inForce(Long matterId) {
    return all.stream().filter(r -> r.matterId().equals(matterId))
        .max(Comparator.comparingInt(PublishedRules::version));
  }

  @Override
  public Optional<PublishedRules> version(Long matterId, int version) {
    return all.stream().filter(r -> r.matterId().equals(matterId) && r.version() == version)
        .findFirst();
  }

  @Override
  public void add(PublishedRules rules) {
    if (version(rules.matterId(), rules.version()).isPresent()) {
      throw new IllegalStateException("duplicate rule set version"); // the unique constraint
    }
    all.add(Ids.assign(rules));
  }
}
