package cn.wssp.portal.domain.model;

import jakarta.persistence.*;

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

  protected FindingRecord() {}

  public FindingRecord(Long applicationId, String materialCode, String code, Severity severity,
      String message, int position) {
    this.applicationId = applicationId;
    this.materialCode = materialCode;
    this.code = code;
    this.severity = severity;
    this.message = message;
    this.position = position;
  }

  public String materialCode() { return materialCode; }
  public String code() { return code; }
  public Severity severity() { return severity; }
  public String message() { return message; }
  public boolean blocking() { return severity == Severity.BLOCKING; }
}
