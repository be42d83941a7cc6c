package cn.wssp.portal.domain.model;

import jakarta.persistence.*;
import java.time.Instant;

/**
 * Background work (pre-review, later sweeps and notifications), claimed with a lease so that
 * with several instances each job runs once and none is lost when an instance dies (§9).
 */
@Entity
@Table(name = "job")
public class Job {
  public enum Status { PENDING, DONE, FAILED }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Enumerated(EnumType.STRING)
  private JobKind kind;

  @Column(name = "ref_id")
  private Long refId;

  @Enumerated(EnumType.STRING)
  private Status status;

  private int attempts;

  @Column(name = "run_after")
  private Instant runAfter;

  @Column(name = "lease_owner")
  private String leaseOwner;

  @Column(name = "lease_until")
  private Instant leaseUntil;

  @Column(name = "last_error")
  private String lastError;

  @Column(name = "created_at")
  private Instant createdAt;

  protected Job() {}

  public Job(JobKind kind, Long refId, Instant now) {
    this.kind = kind;
    this.refId = refId;
    this.status = Status.PENDING;
    this.runAfter = now;
    this.createdAt = now;
  }

  public void done() {
    status = Status.DONE;
    leaseOwner = null;
    leaseUntil = null;
  }

  /** Retries later with back-off; gives up after five attempts. */
  public void failed(String error, Instant now) {
    attempts++;
    lastError = error == null ? "?" : error.substring(0, Math.min(error.length(), 2000));
    leaseOwner = null;
    leaseUntil = null;
    if (attempts >= 5) {
      status = Status.FAILED;
    } else {
      runAfter = now.plusSeconds(5L << attempts);
    }
  }

  public Long id() { return id; }
  public JobKind kind() { return kind; }
  public Long refId() { return refId; }
  public Status status() { return status; }
  public int attempts() { return attempts; }
  public String lastError() { return lastError; }
}
