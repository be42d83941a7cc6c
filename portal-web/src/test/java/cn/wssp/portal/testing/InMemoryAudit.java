package cn.wssp.portal.testing;

import cn.wssp.portal.domain.model.AuditEntry;
import cn.wssp.portal.domain.model.AuditRepository;
import cn.wssp.portal.domain.model.AuditSearch;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

public class InMemoryAudit implements AuditRepository {
  public final List<AuditEntry> entries = new ArrayList<>();

  @Override
  public ChainEnd lockChainEnd() {
    return entries.stream().filter(AuditEntry::linked)
        .max(java.util.Comparator.comparing(AuditEntry::chainPosition))
        .map(e -> new ChainEnd(e.chainPosition(), e.hash())).orElse(ChainEnd.EMPTY);
  }

  @Override
  public void add(AuditEntry entry) {
    entries.add(Ids.assign(entry));
  }

  @Override
  public List<AuditEntry> unlinked(int max) {
    return entries.stream().filter(e -> !e.linked()).limit(max).toList();
  }

  @Override
  public boolean anyUnlinked() {
    return entries.stream().anyMatch(e -> !e.linked());
  }

  @Override
  public List<AuditEntry> ofApplication(Long applicationId) {
    return entries.stream().filter(e -> applicationId.equals(e.applicationId())).toList();
  }

  @Override
  public List<AuditEntry> search(AuditSearch search, int offset, int limit) {
    List<AuditEntry> found = new ArrayList<>(entries.stream().filter(e -> matches(search, e)).toList());
    java.util.Collections.reverse(found);
    return found.stream().skip(offset).limit(limit).toList();
  }

  @Override
  public long count(AuditSearch search) {
    return entries.stream().filter(e -> matches(search, e)).count();
  }

  private static boolean matches(AuditSearch s, AuditEntry e) {
    return (s.action() == null || s.action() == e.action())
        && (s.actor() == null || s.actor().equals(e.actor()))
        && (s.from() == null || !e.at().isBefore(s.from()))
        && (s.to() == null || e.at().isBefore(s.to()));
  }

  @Override
  public void forEach(Consumer<AuditEntry> visitor) {
    entries.stream().filter(AuditEntry::linked)
        .sorted(java.util.Comparator.comparing(AuditEntry::chainPosition)).forEach(visitor);
  }
}
