package cn.wssp.portal.domain.model;

import java.util.List;
import java.util.Optional;

/** Delegation letters (委托书) of the departments' chief representatives. */
public interface DelegationRepository {
  Delegation add(Delegation delegation);

  /** Every letter, newest first. */
  List<Delegation> all();

  /** The letters of one department, whatever their period. */
  List<Delegation> ofDepartment(Long departmentId);

  /** The letter whose sealed PDF is this document. */
  Optional<Delegation> byLetter(Long documentId);
}
