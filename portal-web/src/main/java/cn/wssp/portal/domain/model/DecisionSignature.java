package cn.wssp.portal.domain.model;

import jakarta.persistence.*;
import java.time.Instant;

/** One department's seal on a decision (a joint decision carries one per department). */
@Entity
@Table(name = "decision_signature")
public class DecisionSignature {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "document_id")
  private Long documentId;

  @Column(name = "department_id")
  private Long departmentId;

  @Column(name = "signer_id")
  private Long signerId;

  @Column(name = "signed_at")
  private Instant signedAt;

  protected DecisionSignature() {}

  public DecisionSignature(Long documentId, Long departmentId, Long signerId, Instant signedAt) {
    this.documentId = documentId;
    this.departmentId = departmentId;
    this.signerId = signerId;
    this.signedAt = signedAt;
  }

  public Long departmentId() { return departmentId; }
}
