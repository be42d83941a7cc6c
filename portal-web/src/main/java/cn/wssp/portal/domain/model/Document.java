package cn.wssp.portal.domain.model;

import jakarta.persistence.*;
import java.time.Instant;

/** A generated notice or decision PDF; immutable once stored, except for joint signatures. */
@Entity
@Table(name = "document")
public class Document {
  /**
   * Where issued documents are stored: every object under it is written once and kept under
   * object lock where the store has it (also when a backup is restored).
   */
  public static final String OBJECT_PREFIX = "documents/";

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

  /** SHA-256 of the verification code (upper case): the code itself is only on the paper. */
  @Column(name = "verification_hash")
  private String verificationHash;

  /** Codes of documents issued before hashing; emptied at start-up once hashed. */
  @Column(name = "verification_code")
  private String legacyCode;

  /** The code, known only while the document is being issued (it is printed, then forgotten). */
  @Transient
  private String verificationCode;

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "signature_count")
  private int signatureCount;

  private boolean revoked;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  @Column(name = "revocation_reason")
  private String revocationReason;

  /**
   * When the newest timestamp's certificates expire (PAdES B-LTA): before then an archive
   * timestamp must extend the document. Null while not yet looked at (documents of older
   * versions), {@link #NEVER} for a document without any timestamp.
   */
  @Column(name = "archive_due")
  private Instant archiveDue;

  /** Last day a licence (电子证照) is valid; null for every other document. */
  @Column(name = "valid_until")
  private java.time.LocalDate validUntil;

  /** How many archive timestamps extended the stored PDF. */
  @Column(name = "archive_extensions")
  private int archiveExtensions;

  /** Stands for "nothing to renew" (a PDF without timestamps); a TIMESTAMP column holds it. */
  public static final Instant NEVER = Instant.parse("9999-12-31T00:00:00Z");

  protected Document() {}

  public Document(Long applicationId, DocumentKind kind, String number, String verificationCode,
      Instant now) {
    this.applicationId = applicationId;
    this.kind = kind;
    this.number = number;
    this.verificationCode = verificationCode;
    this.verificationHash = hashOf(verificationCode);
    this.createdAt = now;
  }

  /** Records the object holding the current version of the PDF (after each signature). */
  public void storedAs(String objectKey, String sha256, long size, int signatureCount) {
    this.objectKey = objectKey;
    this.sha256 = sha256;
    this.size = size;
    this.signatureCount = signatureCount;
  }

  /** Records when the stored PDF's evidence needs renewing (see {@link #archiveDue()}). */
  public void archiveDueAt(Instant due) {
    this.archiveDue = due == null ? NEVER : due;
  }

  /**
   * The stored PDF was extended by an archive timestamp into a new object (the old one is kept,
   * issued documents are written once): the row now points at the new version.
   */
  public void archiveExtendedTo(String objectKey, String sha256, long size, Instant nextDue) {
    this.objectKey = objectKey;
    this.sha256 = sha256;
    this.size = size;
    this.archiveExtensions++;
    archiveDueAt(nextDue);
  }

  /** A licence records until when it is valid, as printed on it. */
  public Document validUntil(java.time.LocalDate lastDay) {
    if (kind != DocumentKind.LICENCE) {
      throw new IllegalStateException("only a licence has a validity, not " + kind);
    }
    this.validUntil = lastDay;
    return this;
  }

  /**
   * 撤销: the approval (or the licence issued with it) no longer stands; verification says so
   * with date and reason.
   */
  public void revoke(Instant at, String reason) {
    if (!kind.isRevocable()) {
      throw DomainException.conflict("只有准予行政许可决定和电子证照可以撤销。")
          .inEnglish("Only approval decisions and electronic licences can be revoked.");
    }
    if (revoked) {
      throw DomainException.conflict("文书 " + number + " 已于 " + revokedAt + " 撤销。")
          .inEnglish("Document " + number + " was already revoked at " + revokedAt + ".");
    }
    this.revoked = true;
    this.revokedAt = at;
    this.revocationReason = reason;
  }

  public Instant revokedAt() { return revokedAt; }
  public String revocationReason() { return revocationReason; }

  /** The code printed on the document, in any case; compared in constant time. */
  public boolean matchesCode(String code) {
    if (code == null || code.isBlank()) {
      return false;
    }
    String expected = verificationHash != null ? verificationHash : hashOf(legacyCode);
    return expected != null && java.security.MessageDigest.isEqual(
        expected.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
        hashOf(code).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
  }

  /** Moves a code kept in clear (before hashing existed) to its hash. */
  public boolean hashLegacyCode() {
    if (legacyCode == null) {
      return false;
    }
    verificationHash = hashOf(legacyCode);
    legacyCode = null;
    return true;
  }

  static String hashOf(String code) {
    if (code == null) {
      return null;
    }
    try {
      return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
          .digest(code.trim().toUpperCase(java.util.Locale.ROOT)
              .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

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
  public Instant archiveDue() { return archiveDue; }
  public int archiveExtensions() { return archiveExtensions; }
  public java.time.LocalDate validUntil() { return validUntil; }

  /**
   * A licence past its last day of validity no longer permits anything, though its seals stay
   * intact; decisions do not expire.
   */
  public boolean expiredOn(java.time.LocalDate today) {
    return validUntil != null && today.isAfter(validUntil);
  }
}
