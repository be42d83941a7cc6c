package cn.wssp.portal.infrastructure.persistence;

import cn.wssp.portal.domain.storage.ObjectReferences;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The object keys the records hold. Every table with an object key is listed here: a table added
 * later with a key column must be added too, or its objects would be taken for orphans.
 */
@ApplicationScoped
public class JpaObjectReferences implements ObjectReferences {
  /** Each table's object key column. */
  static final List<String> KEY_COLUMNS = List.of(
      "SELECT object_key FROM material_file",
      "SELECT object_key FROM document",
      "SELECT object_key FROM document_version");

  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Override
  @Transactional
  public Set<String> referencedKeys() {
    Set<String> keys = new HashSet<>();
    for (String sql : KEY_COLUMNS) {
      for (Object key : em.createNativeQuery(sql).getResultList()) {
        if (key != null) {
          keys.add(key.toString());
        }
      }
    }
    return keys;
  }

  @Override
  @Transactional
  public boolean isReferenced(String key) {
    for (String sql : KEY_COLUMNS) {
      if (!em.createNativeQuery(sql + " WHERE object_key = ?1").setParameter(1, key)
          .setMaxResults(1).getResultList().isEmpty()) {
        return true;
      }
    }
    return false;
  }
}
