package cn.wssp.portal.domain.model;

import jakarta.persistence.*;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A written authorisation (委托书) by which a department entrusts its chief representatives —
 * role B, who signs normally, and role A, who signs while B is recorded absent — with some of its
 * matters (none listed: all of them), some actions (受理/审核/审批/签发), from one date to another.
 * Letters issued through the portal keep the id of their sealed PDF.
 */
@Entity
@Table(name = "delegation")
public class Delegation {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "department_id")
  private Long departmentId;

  /** Null only on letters older than A/B pairs whose A had no B (then A signs alone). */
  @Column(name = "role_a_id")
  private Long roleAId;

  @Column(name = "role_b_id")
  private Long roleBId;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "delegation_matter", joinColumns = @JoinColumn(name = "delegation_id"))
  @Column(name = "matter_code")
  private Set<String> matterCodes = new LinkedHashSet<>();

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "delegation_action", joinColumns = @JoinColumn(name = "delegation_id"))
  @Column(name = "action")
  @Enumerated(EnumType.STRING)
  private Set<DelegatedAction> actions = EnumSet.noneOf(DelegatedAction.class);

  @Column(name = "valid_from")
  private LocalDate validFrom;

  @Column(name = "valid_to")
  private LocalDate validTo;

  @Column(name = "letter_document_id")
  private Long letterDocumentId;

  @Column(name = "issued_by")
  private String issuedBy;

  @Column(name = "issued_at")
  private Instant issuedAt;

  protected Delegation() {}

  /**
   * Refuses a letter that names the same person twice, grants no action or ends before it
   * starts; each message names the field.
   */
  public Delegation(Long departmentId, Long roleAId, Long roleBId, Set<String> matterCodes,
      Set<DelegatedAction> actions, LocalDate validFrom, LocalDate validTo) {
    if (roleBId == null) {
      throw DomainException.invalid("委托书须指定B角首席代表（roleB）。")
          .inEnglish("A delegation letter names the B chief representative.");
    }
    if (roleBId.equals(roleAId)) {
      throw DomainException.invalid("A角（roleA）与B角（roleB）不能是同一人。")
          .inEnglish("Roles A and B cannot be the same person.");
    }
    if (actions == null || actions.isEmpty()) {
      throw DomainException.invalid("委托权限（actions）至少选择一项：受理、审核、审批、签发。")
          .inEnglish("Grant at least one of: accept, review, approve, issue.");
    }
    if (validFrom == null || validTo == null || validTo.isBefore(validFrom)) {
      throw DomainException.invalid("委托期限无效：validFrom 和 validTo 须为日期，且 validTo 不早于 validFrom。")
          .inEnglish("Give the letter's first and last day, the last not before the first.");
    }
    this.departmentId = departmentId;
    this.roleAId = roleAId;
    this.roleBId = roleBId;
    this.matterCodes = new LinkedHashSet<>(matterCodes == null ? Set.of() : matterCodes);
    this.actions = EnumSet.copyOf(actions);
    this.validFrom = validFrom;
    this.validTo = validTo;
  }

  /** Who issued the letter, when, and the sealed PDF that carries it. */
  public void issued(String by, Instant at, Long letterDocumentId) {
    this.issuedBy = by;
    this.issuedAt = at;
    this.letterDocumentId = letterDocumentId;
  }

  /** In force for this department, matter and day. */
  public boolean covers(Long department, String matter, LocalDate day) {
    return departmentId.equals(department)
        && (matterCodes.isEmpty() || matterCodes.contains(matter))
        && !day.isBefore(validFrom)
        && !day.isAfter(validTo);
  }

  public boolean grants(Set<DelegatedAction> needed) {
    return actions.containsAll(needed);
  }

  /** The role this letter gives the user, if it names the user at all. */
  public Optional<ChiefRole> roleOf(Long userId) {
    if (userId == null) {
      return Optional.empty();
    }
    if (userId.equals(roleBId)) {
      return Optional.of(ChiefRole.B);
    }
    return userId.equals(roleAId) ? Optional.of(ChiefRole.A) : Optional.empty();
  }

  public boolean names(Long userId) {
    return roleOf(userId).isPresent();
  }

  public Long id() { return id; }
  public Long departmentId() { return departmentId; }
  public Long roleAId() { return roleAId; }
  public Long roleBId() { return roleBId; }
  /** The matters entrusted, in order; empty means every matter of the department. */
  public List<String> matterCodes() { return new ArrayList<>(matterCodes); }
  public Set<DelegatedAction> actions() { return EnumSet.copyOf(actions); }
  public LocalDate validFrom() { return validFrom; }
  public LocalDate validTo() { return validTo; }
  public Long letterDocumentId() { return letterDocumentId; }
  public String issuedBy() { return issuedBy; }
  public Instant issuedAt() { return issuedAt; }
}
