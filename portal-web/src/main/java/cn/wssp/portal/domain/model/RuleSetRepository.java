package cn.wssp.portal.domain.model;

import java.util.Optional;

/** The published versions of each matter's rule set; versions are only ever added. */
public interface RuleSetRepository {
  /** The version in force: the matter's highest published version. */
  Optional<PublishedRules> inForce(Long matterId);

  Optional<PublishedRules> version(Long matterId, int version);

  void add(PublishedRules rules);
}
