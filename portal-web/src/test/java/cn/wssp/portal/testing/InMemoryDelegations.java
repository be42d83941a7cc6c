package cn.wssp.portal.testing;

import cn.wssp.portal.domain.model.*;
import java.util.*;

public class InMemoryDelegations implements DelegationRepository {
  private final List<Delegation> delegations = new ArrayList<>();

  @Override
  public Delegation add(Delegation delegation) {
    delegations.add(Ids.assign(delegation));
    return delegation;
  }

  @Override
  public List<Delegation> all() {
    List<Delegation> newestFirst = new ArrayList<>(delegations);
    Collections.reverse(newestFirst);
    return newestFirst;
  }

  @Override
  public List<Delegation> ofDepartment(Long departmentId) {
    return delegations.stream().filter(d -> d.departmentId().equals(departmentId)).toList();
  }

  @Override
  public Optional<Delegation> byLetter(Long documentId) {
    return delegations.stream().filter(d -> Objects.equals(d.letterDocumentId(), documentId))
        .findFirst();
  }
}
