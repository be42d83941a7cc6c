package cn.wssp.portal.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** An application as users and the API see it; plain values, no entities. */
public record ApplicationView(
    Long id,
    String number,
    String matterCode,
    String matterName,
    String enterpriseName,
    String status,
    String statusLabel,
    Instant createdAt,
    Instant submittedAt,
    PreReview preReview,
    List<UploadedMaterial> materials,
    List<Material> checklist,
    Deadlines deadlines,
    CommitmentView commitment,
    List<DocumentView> documents) {

  public record PreReview(String verdict, Instant reviewedAt, List<FindingView> findings) {}

  public record FindingView(String materialCode, String code, String severity, String message) {}

  /** An uploaded material, as API.md lists them under "materials". */
  public record UploadedMaterial(String materialCode, String fileName, String mediaType, long size,
      String sha256, Instant uploadedAt) {}

  /** A material of the matter's list with the current upload, if any (the "checklist"). */
  public record Material(
      String materialCode,
      String name,
      boolean required,
      boolean commitable,
      List<String> acceptedTypes,
      String fileName,
      String mediaType,
      Long size,
      String sha256,
      Instant uploadedAt) {
    public boolean uploaded() {
      return fileName != null;
    }
  }

  /** Legal deadlines and the supervision light (GREEN, YELLOW, RED). */
  public record Deadlines(LocalDate preReviewDue, LocalDate reviewDue, String light) {}

  public record CommitmentView(List<String> materials, LocalDate dueDate, Instant signedAt) {}

  public record DocumentView(Long id, String kind, String title, String number, Instant createdAt,
      int signatures, boolean revoked) {}
}
