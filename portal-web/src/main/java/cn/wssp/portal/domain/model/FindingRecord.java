package cn.wssp.portal.domain.model;

import jakarta.persistence.*;
import java.time.Instant;

/** One pre-review finding of the latest round, as stored for the application. */
@Entity
@Table(name = "finding")
public class FindingRecord {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "application_id")
  private Long applicationId;

  @Column(name = "material_code")
  private String materialCode;

  private String code;
  @Enumerated(EnumType.STRING)
  private Severity severity;
  private String message;
  private int position;

  /** Where it was seen: 1-based page, or null. */
  @Column(name = "evidence_page")
  private Integer evidencePage;

  /** The text around the match (at most 80 characters), or null. */
  @Column(name = "evidence_snippet")
  private String evidenceSnippet;

  /** Tesseract's mean confidence (0–100) when OCR produced the text, or null. */
  @Column(name = "evidence_ocr_confidence")
  private Double evidenceOcrConfidence;

  /** 不采纳: the window clerk's reason for setting this finding aside, or null. */
  @Column(name = "overruled_reason")
  private String overruledReason;

  @Column(name = "overruled_by")
  private String overruledBy;

  @Column(name = "overruled_at")
  private Instant overruledAt;

  protected FindingRecord() {}

  /** A finding with where it was seen (each part may be null). */
  public FindingRecord(Long applicationId, String materialCode, String code, Severity severity,
      String message, int position, Integer page, String snippet, Double ocrConfidence) {
    this(applicationId, materialCode, code, severity, message, position);
    this.evidencePage = page;
    this.evidenceSnippet = snippet;
    this.evidenceOcrConfidence = ocrConfidence;
  }

  public FindingRecord(Long applicationId, String materialCode, String code, Severity severity,
      String message, int position) {
    this.applicationId = applicationId;
    this.materialCode = materialCode;
    this.code = code;
    this.severity = severity;
    this.message = message;
    this.position = position;
  }

  /**
   * 不采纳: the window sets the finding aside, always saying why, once; it then no longer
   * blocks and is left out of the supplement notice, but stays on the record.
   */
  public void overrule(String reason, String clerk, Instant now) {
    if (reason == null || reason.isBlank()) {
      throw DomainException.invalid("不采纳预审意见时必须填写理由（reason）。")
          .inEnglish("Give the reason for setting the finding aside.");
    }
    if (overruled()) {
      throw DomainException.conflict("该预审意见已于此前被不采纳。")
          .inEnglish("This finding was set aside already.");
    }
    this.overruledReason = reason.trim();
    this.overruledBy = clerk;
    this.overruledAt = now;
  }

  public Long id() { return id; }
  public Long applicationId() { return applicationId; }
  public boolean overruled() { return overruledReason != null; }
  public String overruledReason() { return overruledReason; }
  public String overruledBy() { return overruledBy; }
  public Instant overruledAt() { return overruledAt; }
  public String materialCode() { return materialCode; }
  public String code() { return code; }
  public Severity severity() { return severity; }
  public String message() { return message; }
  public Integer evidencePage() { return evidencePage; }
  public String evidenceSnippet() { return evidenceSnippet; }
  public Double evidenceOcrConfidence() { return evidenceOcrConfidence; }
  public boolean hasEvidence() {
    return evidencePage != null || evidenceSnippet != null || evidenceOcrConfidence != null;
  }
  /** Must be fixed before acceptance: a BLOCKING finding the window has not set aside. */
  public boolean blocking() { return severity == Severity.BLOCKING && !overruled(); }
}
