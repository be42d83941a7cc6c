package cn.wssp.portal.domain.model;

import jakarta.persistence.*;
import java.time.Instant;

/**
 * One department's decision on an application (并联审批): approve or deny, in its chief
 * representative's words, taken with the signing PIN. {@link JointDecision} says what the
 * departments' decisions together mean; a decision is never changed once recorded.
 */
@Entity
@Table(name = "department_decision")
public class DepartmentDecision {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "application_id", updatable = false)
  private Long applicationId;

  @ManyToOne(optional = false)
  @JoinColumn(name = "department_id", updatable = false)
  private Department department;

  @Enumerated(EnumType.STRING)
  @Column(updatable = false)
  private DecisionOutcome outcome;

  @Column(name = "decision_text", updatable = false)
  private String text;

  @ManyToOne(optional = false)
  @JoinColumn(name = "chief_id", updatable = false)
  private UserAccount chief;

  @Column(name = "decided_at", updatable = false)
  private Instant decidedAt;

  protected DepartmentDecision() {}

  DepartmentDecision(Long applicationId, Department department, DecisionOutcome outcome,
      String text, UserAccount chief, Instant decidedAt) {
    this.applicationId = applicationId;
    this.department = department;
    this.outcome = outcome;
    this.text = text;
    this.chief = chief;
    this.decidedAt = decidedAt;
  }

  public boolean approves() {
    return outcome == DecisionOutcome.APPROVE;
  }

  public boolean isOf(Department d) {
    return department.id().equals(d.id());
  }

  public Long id() { return id; }
  public Long applicationId() { return applicationId; }
  public Department department() { return department; }
  public DecisionOutcome outcome() { return outcome; }
  public String text() { return text; }
  public UserAccount chief() { return chief; }
  public Instant decidedAt() { return decidedAt; }
}
