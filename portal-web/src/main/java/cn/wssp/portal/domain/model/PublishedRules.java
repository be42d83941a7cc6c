package cn.wssp.portal.domain.model;

import jakarta.persistence.*;
import java.time.Instant;

/**
 * One published version of a matter's pre-review rule set (规则集): the whole JSON document of
 * prereview/RULES.md (material list and checks), as the center admin published it. Never
 * changed once published: applications are judged under the version in force at their submission.
 */
@Entity
@Table(name = "rule_set")
public class PublishedRules {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "matter_id", updatable = false)
  private Long matterId;

  @Column(updatable = false)
  private int version;

  @Column(updatable = false)
  private String document;

  @Column(name = "published_at", updatable = false)
  private Instant publishedAt;

  @Column(name = "published_by", updatable = false)
  private String publishedBy;

  protected PublishedRules() {}

  public PublishedRules(Long matterId, int version, String document, Instant publishedAt,
      String publishedBy) {
    if (version < 1) {
      throw DomainException.invalid("规则集版本号必须从 1 开始。")
          .inEnglish("Rule set versions count from 1.");
    }
    this.matterId = matterId;
    this.version = version;
    this.document = document;
    this.publishedAt = publishedAt;
    this.publishedBy = publishedBy;
  }

  public Long id() { return id; }
  public Long matterId() { return matterId; }
  public int version() { return version; }
  public String document() { return document; }
  public Instant publishedAt() { return publishedAt; }
  public String publishedBy() { return publishedBy; }
}
