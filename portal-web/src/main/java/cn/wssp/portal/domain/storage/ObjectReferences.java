package cn.wssp.portal.domain.storage;

import java.util.Set;

/**
 * Every object key a record points at: every table that holds an object key answers here
 * (material files, issued documents), so the reconciliation never takes a referenced object
 * for an orphan.
 */
public interface ObjectReferences {
  Set<String> referencedKeys();

  /** A last look, just before an object is moved to quarantine. */
  boolean isReferenced(String key);
}
