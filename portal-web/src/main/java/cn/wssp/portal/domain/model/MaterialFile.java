package cn.wssp.portal.domain.model;

import jakarta.persistence.*;
import java.time.Instant;

/** The current upload for one material of an application; the bytes live in the object store. */
@Entity
@Table(name = "material_file")
public class MaterialFile {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "application_id")
  private Long applicationId;

  @Column(name = "material_code")
  private String materialCode;

  @Column(name = "file_name")
  private String fileName;

  /** Detected from the content on upload, never taken from the browser. */
  @Column(name = "media_type")
  private String mediaType;

  @Column(name = "size_bytes")
  private long size;

  private String sha256;

  @Column(name = "object_key")
  private String objectKey;

  @Column(name = "uploaded_at")
  private Instant uploadedAt;

  protected MaterialFile() {}

  public MaterialFile(Long applicationId, String materialCode) {
    this.applicationId = applicationId;
    this.materialCode = materialCode;
  }

  /** Points this material at a newly stored object (a re-upload replaces the previous one). */
  public void replaceWith(String fileName, String mediaType, long size, String sha256,
      String objectKey, Instant now) {
    this.fileName = fileName;
    this.mediaType = mediaType;
    this.size = size;
    this.sha256 = sha256;
    this.objectKey = objectKey;
    this.uploadedAt = now;
  }

  public Long id() { return id; }
  public Long applicationId() { return applicationId; }
  public String materialCode() { return materialCode; }
  public String fileName() { return fileName; }
  public String mediaType() { return mediaType; }
  public long size() { return size; }
  public String sha256() { return sha256; }
  public String objectKey() { return objectKey; }
  public Instant uploadedAt() { return uploadedAt; }
}
