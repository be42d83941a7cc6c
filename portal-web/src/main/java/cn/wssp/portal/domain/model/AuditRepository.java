package cn.wssp.portal.domain.model;

import java.util.List;
import java.util.function.Consumer;

/** The append-only, hash-chained audit log (§3). */
public interface AuditRepository {
  /** Where the chain ends: its last line's position and hash (0 and the genesis hash if none). */
  record ChainEnd(long position, String hash) {
    public static final ChainEnd EMPTY = new ChainEnd(0, AuditEntry.GENESIS);
  }

  /**
   * Locks the chain's end until the transaction ends and returns it, so that linkers on several
   * instances never fork the chain.
   */
  ChainEnd lockChainEnd();

  /** Adds a line (unlinked: it is linked later, see {@link AuditEntry#linkAfter}). */
  void add(AuditEntry entry);

  /** Up to {@code max} lines not yet linked, in the order they were written. */
  List<AuditEntry> unlinked(int max);

  /** Whether any line waits to be linked (a cheap look, no lock). */
  boolean anyUnlinked();

  /** An application's entries, oldest first. */
  List<AuditEntry> ofApplication(Long applicationId);

  /** Entries matching the search, newest first, one page of them. */
  List<AuditEntry> search(AuditSearch search, int offset, int limit);

  long count(AuditSearch search);

  /** Every linked entry in chain order, one at a time (the log can be long). */
  void forEach(Consumer<AuditEntry> visitor);
}
