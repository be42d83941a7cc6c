package cn.wssp.portal.testing;

import cn.wssp.portal.domain.model.AuditEntry;
import cn.wssp.portal.domain.model.AuditRepository;
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
  public void forEach(Consumer<AuditEntry> visitor) {
    entries.forEach(visitor);
  }
}
