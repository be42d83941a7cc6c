package cn.wssp.portal.domain.model;

import jakarta.persistence.*;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/** 承诺书 (§5): the applicant promises to supply these materials by the due date. */
@Entity
@Table(name = "commitment")
public class Commitment {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "application_id")
  private Long applicationId;

  /** Material codes, comma-separated. */
  private String materials;

  @Column(name = "due_date")
  private LocalDate dueDate;

  @Column(name = "signed_by")
  private Long signedBy;

  @Column(name = "signed_at")
  private Instant signedAt;

  protected Commitment() {}

  public Commitment(Long applicationId, List<String> materials, LocalDate dueDate, Long signedBy,
      Instant signedAt) {
    this.applicationId = applicationId;
    this.materials = String.join(",", materials);
    this.dueDate = dueDate;
    this.signedBy = signedBy;
    this.signedAt = signedAt;
  }

  public Long applicationId() { return applicationId; }
  public List<String> materials() { return Arrays.asList(materials.split(",")); }
  public LocalDate dueDate() { return dueDate; }
  public Instant signedAt() { return signedAt; }
}
