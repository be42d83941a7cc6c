package cn.wssp.portal.domain.model;

import java.util.List;
import java.util.function.Consumer;

/** The append-only, hash-chained audit log (§3). */
public interface AuditRepository {
  /**
   * Locks the chain's end until the transaction ends and returns the last entry's hash (the
   * genesis hash when empty), so appends from several instances never fork the chain.
   */
  String lockAndGetLastHash();

  void add(AuditEntry entry);

  /** An application's entries, oldest first. */
  List<AuditEntry> ofApplication(Long applicationId);

  /** Entries matching the search, newest first, one page of them. */
  List<AuditEntry> search(AuditSearch search, int offset, int limit);

  long count(AuditSearch search);

  /** Every entry, oldest first, one at a time (the log can be long). */
  void forEach(Consumer<AuditEntry> visitor);
}
