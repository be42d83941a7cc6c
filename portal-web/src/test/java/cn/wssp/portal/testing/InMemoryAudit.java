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
  public String lockAndGetLastHash() {
    return entries.isEmpty() ? AuditEntry.GENESIS : entries.get(entries.size() - 1).hash();
  }

  @Override
  public void add(AuditEntry entry) {
    entries.add(Ids.assign(entry));
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
    entries.forEach(visitor);
  }
}
