package cn.wssp.portal.domain.model;

import jakarta.persistence.*;
import java.time.Instant;

/** A generated notice or decision PDF; immutable once stored, except for joint signatures. */
@Entity
@Table(name = "document")
public class Document {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "application_id")
  private Long applicationId;

  @Enumerated(EnumType.STRING)
  private DocumentKind kind;

  private String number;

  @Column(name = "object_key")
  private String objectKey;

  private String sha256;

  @Column(name = "size_bytes")
  private long size;

  @Column(name = "verification_code")
  private String verificationCode;

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "signature_count")
  private int signatureCount;

  private boolean revoked;

  protected Document() {}

  public Document(Long applicationId, DocumentKind kind, String number, String verificationCode,
      Instant now) {
    this.applicationId = applicationId;
    this.kind = kind;
    this.number = number;
    this.verificationCode = verificationCode;
    this.createdAt = now;
  }

  /** Records the object holding the current version of the PDF (after each signature). */
  public void storedAs(String objectKey, String sha256, long size, int signatureCount) {
    this.objectKey = objectKey;
    this.sha256 = sha256;
    this.size = size;
    this.signatureCount = signatureCount;
  }

  public void revoke() { this.revoked = true; }

  public Long id() { return id; }
  public Long applicationId() { return applicationId; }
  public DocumentKind kind() { return kind; }
  public String number() { return number; }
  public String objectKey() { return objectKey; }
  public String sha256() { return sha256; }
  public long size() { return size; }
  public String verificationCode() { return verificationCode; }
  public Instant createdAt() { return createdAt; }
  public int signatureCount() { return signatureCount; }
  public boolean revoked() { return revoked; }
}
