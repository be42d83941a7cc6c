package cn.wssp.portal.domain.model;

import jakarta.persistence.*;
import java.time.Instant;

/**
 * 上报件 (§2): a matter the higher authority decides. The center accepts and examines it; a
 * department sends it up with its initial review (初审意见), and its chief representative records
 * the answer (批复, with the authority's reference number) when it comes back, issuing the
 * decision under the department's seal. One forwarding per application, answered once.
 */
@Entity
@Table(name = "forwarding")
public class Forwarding {
  public static final int MAX_AUTHORITY = 200;
  public static final int MAX_OPINION = 2000;
  public static final int MAX_REFERENCE = 100;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "application_id", updatable = false)
  private Long applicationId;

  @ManyToOne(optional = false)
  @JoinColumn(name = "department_id", updatable = false)
  private Department department;

  @Column(updatable = false)
  private String authority;

  @Column(updatable = false)
  private String opinion;

  @ManyToOne(optional = false)
  @JoinColumn(name = "forwarded_by", updatable = false)
  private UserAccount forwardedBy;

  @Column(name = "forwarded_at", updatable = false)
  private Instant forwardedAt;

  @Column(name = "reply_reference")
  private String replyReference;

  @Enumerated(EnumType.STRING)
  @Column(name = "reply_outcome")
  private DecisionOutcome replyOutcome;

  @ManyToOne
  @JoinColumn(name = "answered_by")
  private UserAccount answeredBy;

  @Column(name = "answered_at")
  private Instant answeredAt;

  protected Forwarding() {}

  /**
   * Sends the application up: the staff member must belong to a department of the matter, the
   * authority and the initial review are named; the application's own rules follow in
   * {@link Application#forward}.
   */
  public static Forwarding of(Application app, UserAccount staff, String authority,
      String opinion, Instant now) {
    String to = required(authority, "authority", "上报机关", "higher authority",
        MAX_AUTHORITY);
    String why = required(opinion, "opinion", "初审意见", "initial review opinion",
        MAX_OPINION);
    Department department = staff.department();
    if (department == null || app.matter().departments().stream()
        .noneMatch(d -> d.id().equals(department.id()))) {
      throw DomainException.forbidden("只有本事项审批部门的审查人员或首席代表可以上报。")
          .inEnglish("Only the reviewers or chief representatives of the matter's deciding"
              + " departments can forward it.");
    }
    Forwarding f = new Forwarding();
    f.applicationId = app.id();
    f.department = department;
    f.authority = to;
    f.opinion = why;
    f.forwardedBy = staff;
    f.forwardedAt = now;
    return f;
  }

  /** The higher authority's answer, recorded once by the department's chief representative. */
  public void answer(DecisionOutcome outcome, String reference, UserAccount chief, Instant now) {
    if (outcome == null) {
      throw DomainException.invalid("请选择上级机关的批复结果（outcome 应为 APPROVE 或 DENY）。")
          .inEnglish("Choose the higher authority's answer (outcome is APPROVE or DENY).");
    }
    String ref = requireReference(reference);
    if (isAnswered()) {
      throw DomainException.conflict("上级机关的批复已于 " + answeredAt + " 录入。")
          .inEnglish("The higher authority's answer was already entered at " + answeredAt + ".");
    }
    if (chief.department() == null || !chief.department().id().equals(department.id())) {
      throw DomainException.forbidden("批复由上报部门（" + department.name() + "）的首席代表录入。")
          .inEnglish("The answer is entered by a chief representative of the forwarding"
              + " department (" + department.nameForEnglish() + ").");
    }
    this.replyOutcome = outcome;
    this.replyReference = ref;
    this.answeredBy = chief;
    this.answeredAt = now;
  }

  /** The higher authority's reference number (批复文号), trimmed; refused when blank or too long. */
  public static String requireReference(String reference) {
    return required(reference, "reference", "批复文号", "reference number of the answer",
        MAX_REFERENCE);
  }

  /** The sentence the decision opens with, so that it says on whose answer it rests. */
  public String decisionPreamble() {
    return "本申请属上报件，经" + department.name() + "初审后报请" + authority + "审批，" + authority
        + "已作出批复（" + replyReference + "）" + (replyOutcome == DecisionOutcome.APPROVE ? "，同意许可。"
        : "，不同意许可。");
  }

  private static String required(String value, String field, String name, String nameEn,
      int max) {
    String v = value == null ? "" : value.trim();
    if (v.isEmpty()) {
      throw DomainException.invalid("请填写" + name + "（" + field + "）。")
          .inEnglish("Please give the " + nameEn + " (" + field + ").");
    }
    if (v.length() > max) {
      throw DomainException.invalid(name + "（" + field + "）不能超过 " + max + " 个字。")
          .inEnglish("The " + nameEn + " (" + field + ") may be at most " + max
              + " characters long.");
    }
    return v;
  }

  public boolean isAnswered() {
    return answeredAt != null;
  }

  public Long id() { return id; }
  public Long applicationId() { return applicationId; }
  public Department department() { return department; }
  public String authority() { return authority; }
  public String opinion() { return opinion; }
  public UserAccount forwardedBy() { return forwardedBy; }
  public Instant forwardedAt() { return forwardedAt; }
  public String replyReference() { return replyReference; }
  public DecisionOutcome replyOutcome() { return replyOutcome; }
  public UserAccount answeredBy() { return answeredBy; }
  public Instant answeredAt() { return answeredAt; }
}
