package cn.wssp.portal.testing;

import cn.wssp.portal.domain.model.*;
import java.util.*;

public class InMemoryMatters implements MatterRepository {
  private final Map<String, Matter> matters = new TreeMap<>();
  private final List<Department> departments = new ArrayList<>();

  @Override
  public Department add(Department department) {
    departments.add(Ids.assign(department));
    return department;
  }

  @Override
  public Matter add(Matter matter) {
    Ids.assign(matter);
    matter.materials().forEach(Ids::assign);
    matters.put(matter.code(), matter);
    return matter;
  }

  @Override
  public Optional<Matter> byCode(String code) {
    return Optional.ofNullable(matters.get(code));
  }

  @Override
  public Map<String, String> englishNames() {
    Map<String, String> names = new HashMap<>();
    matters.values().stream().filter(m -> m.nameEn() != null).forEach(m -> names.put(m.code(), m.nameEn()));
    return names;
  }

  @Override
  public Map<String, String> departmentEnglishNames() {
    Map<String, String> names = new HashMap<>();
    departments.stream().filter(d -> d.nameEn() != null).forEach(d -> names.put(d.name(), d.nameEn()));
    return names;
  }

  @Override
  public Map<String, String> materialEnglishNames() {
    Map<String, String> names = new HashMap<>();
    matters.values().stream().flatMap(m -> m.materials().stream()).filter(s -> s.nameEn() != null)
        .forEach(s -> names.put(MatterRepository.materialKey(s.code(), s.name()), s.nameEn()));
    return names;
  }

  @Override
  public List<Matter> all() {
    return List.copyOf(matters.values());
  }

  @Override
  public List<Department> departments() {
    return List.copyOf(departments);
  }
}
