package cn.wssp.portal.domain.model;

import java.util.List;
import java.util.Optional;

/** The center's list of dishonest enterprises (失信名单), by unified social credit code. */
public interface DishonestRepository {
  Optional<DishonestEnterprise> find(String creditCode);

  /** Every listed enterprise, most recently listed first. */
  List<DishonestEnterprise> all();

  void add(DishonestEnterprise entry);

  /** Takes an enterprise off the list; false if it was not on it. */
  boolean remove(String creditCode);
}
