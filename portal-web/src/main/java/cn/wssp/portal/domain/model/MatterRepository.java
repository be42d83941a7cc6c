package cn.wssp.portal.domain.model;

import java.util.List;
import java.util.Optional;

/** Matters (事项) with their material lists, and the departments that own them. */
public interface MatterRepository {
  Optional<Matter> byCode(String code);

  /** Stores a new department (its code unique: the database refuses a second). */
  Department add(Department department);

  /** Stores a new matter (its code unique: the database refuses a second). */
  Matter add(Matter matter);

  /** code → name in English, for the matters that have one (the English pages' labels). */
  java.util.Map<String, String> englishNames();

  /**
   * The materials' names in English that published rule sets give, keyed by {@link
   * #materialKey}: a code alone is not enough, two matters may list different materials under
   * the same code.
   */
  java.util.Map<String, String> materialEnglishNames();

  /** Department name (Chinese, as every page knows it) → name in English, where one was given. */
  java.util.Map<String, String> departmentEnglishNames();

  /** The key of a material's English name: its code and its Chinese name. */
  static String materialKey(String code, String name) {
    return code + "\n" + name;
  }

  /** Every matter, ordered by code. */
  List<Matter> all();

  List<Department> departments();
}
