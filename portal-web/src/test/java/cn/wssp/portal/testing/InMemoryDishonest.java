package cn.wssp.portal.testing;

import cn.wssp.portal.domain.model.*;
import java.util.*;

public class InMemoryDishonest implements DishonestRepository {
  private final Map<String, DishonestEnterprise> entries = new LinkedHashMap<>();

  @Override
  public Optional<DishonestEnterprise> find(String creditCode) {
    return Optional.ofNullable(creditCode == null ? null : entries.get(creditCode));
  }

  @Override
  public List<DishonestEnterprise> all() {
    return entries.values().stream()
        .sorted(Comparator.comparing(DishonestEnterprise::listedOn).reversed()).toList();
  }

  @Override
  public void add(DishonestEnterprise entry) {
    entries.put(entry.creditCode(), entry);
  }

  @Override
  public boolean remove(String creditCode) {
    return entries.remove(creditCode) != null;
  }
}
