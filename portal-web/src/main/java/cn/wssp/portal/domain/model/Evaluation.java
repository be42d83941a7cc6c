package cn.wssp.portal.domain.model;

import jakarta.persistence.*;
import java.time.Instant;

/**
 * 好差评: the applying enterprise's rating of how its application was handled, given once after
 * the outcome (issued, not accepted, revoked) and never changed afterwards.
 */
@Entity
@Table(name = "evaluation")
public class Evaluation {
  public static final int MAX_COMMENT = 500;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "application_id", updatable = false)
  private Long applicationId;

  @Column(updatable = false)
  private int score;

  @Column(name = "remark", updatable = false)
  private String comment;

  @Column(name = "evaluated_by", updatable = false)
  private Long evaluatedBy;

  @Column(name = "evaluated_at", updatable = false)
  private Instant evaluatedAt;

  protected Evaluation() {}

  /** Checks the rules of §好差评: a decided application, once, score 1..5, comment ≤ 500 chars. */
  public static Evaluation of(Application app, boolean alreadyEvaluated, Integer score,
      String comment, Long by, Instant now) {
    if (score == null || score < 1 || score > 5) {
      throw DomainException.invalid("评分（score）必须是 1 到 5 的整数。")
          .inEnglish("Choose a score from 1 to 5 stars.");
    }
    String text = comment == null || comment.isBlank() ? null : comment.trim();
    if (text != null && text.length() > MAX_COMMENT) {
      throw DomainException.invalid("评价内容（comment）不能超过 " + MAX_COMMENT + " 个字。")
          .inEnglish("The comment may be at most " + MAX_COMMENT + " characters long.");
    }
    if (!ApplicationStatus.EVALUABLE.contains(app.status())) {
      throw DomainException.conflict("申请当前状态为「" + app.status().label() + "」，办结后才能评价。")
          .inEnglish("An application can be rated once it is completed.");
    }
    if (alreadyEvaluated) {
      throw DomainException.conflict("本申请已评价，评价提交后不能修改。")
          .inEnglish("This application has been rated already; a rating cannot be changed.");
    }
    Evaluation e = new Evaluation();
    e.applicationId = app.id();
    e.score = score;
    e.comment = text;
    e.evaluatedBy = by;
    e.evaluatedAt = now;
    return e;
  }

  public Long id() { return id; }
  public Long applicationId() { return applicationId; }
  public int score() { return score; }
  public String comment() { return comment; }
  public Long evaluatedBy() { return evaluatedBy; }
  public Instant evaluatedAt() { return evaluatedAt; }
}
