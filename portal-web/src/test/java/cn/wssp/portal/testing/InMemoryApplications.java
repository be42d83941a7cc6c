package cn.wssp.portal.testing;

import cn.wssp.portal.domain.model.*;
import java.util.*;

public class InMemoryApplications implements ApplicationRepository {
  private final Map<Long, Application> applications = new TreeMap<>();
  private final List<MaterialFile> files = new ArrayList<>();
  private final Map<Long, List<FindingRecord>> findings = new HashMap<>();
  private final List<Commitment> commitments = new ArrayList<>();
  private final List<Evaluation> evaluations = new ArrayList<>();

  @Override
  public Optional<Application> find(Long id) {
    return Optional.ofNullable(id == null ? null : applications.get(id));
  }

  @Override
  public Application add(Application application) {
    Ids.assign(application);
    applications.put(application.id(), application);
    return application;
  }

  @Override
  public List<Application> list(Set<ApplicationStatus> statuses, ApplicationScope scope,
      int first, int max) {
    List<Application> all = new ArrayList<>(applications.values());
    Collections.reverse(all);
    return all.stream()
        .filter(a -> statuses == null || statuses.isEmpty() || statuses.contains(a.status()))
        .filter(scope::contains)
        .skip(first).limit(max).toList();
  }

  @Override
  public long count(Set<ApplicationStatus> statuses, ApplicationScope scope) {
    return list(statuses, scope, 0, Integer.MAX_VALUE).size();
  }

  @Override
  public List<Application> page(ApplicationFilter filter, int first, int max) {
    Comparator<Application> bySubmission = Comparator.comparing(Application::submittedAt,
        Comparator.nullsFirst(Comparator.<java.time.Instant>naturalOrder()));
    Comparator<Application> order = bySubmission.thenComparing(Application::id);
    if (!filter.oldestFirst()) {
      order = order.reversed(); // newest first; never submitted (null) last
    } else {
      order = Comparator.comparing(Application::submittedAt,
          Comparator.nullsLast(Comparator.<java.time.Instant>naturalOrder()))
          .thenComparing(Application::id);
    }
    return applications.values().stream().filter(filter::matches).sorted(order)
        .skip(Math.max(0, first)).limit(Math.max(1, max)).toList();
  }

  @Override
  public long count(ApplicationFilter filter) {
    return applications.values().stream().filter(filter::matches).count();
  }

  @Override
  public Optional<Application> findForUpdate(Long id) {
    return find(id);
  }

  @Override
  public List<Long> overdueReviewsDeemedApproved(java.time.LocalDate today) {
    return applications.values().stream()
        .filter(a -> a.isReviewOverdue(today) && a.matter().deemedApprovalOnTimeout())
        .map(Application::id).toList();
  }

  @Override
  public List<Long> overduePreReviews(java.time.LocalDate today) {
    return applications.values().stream().filter(a -> a.isPreReviewOverdue(today))
        .map(Application::id).toList();
  }

  @Override
  public List<Application> withoutTrackingCode(int max) {
    return applications.values().stream().filter(a -> a.trackingCode() == null).limit(max).toList();
  }

  @Override
  public List<Long> openCommitmentsDueBy(java.time.LocalDate day) {
    return commitments.stream().filter(c -> c.isOpen() && !c.dueDate().isAfter(day))
        .map(Commitment::applicationId).toList();
  }

  @Override
  public List<Long> overdueCommitments(java.time.LocalDate today) {
    return commitments.stream().filter(c -> c.isOverdue(today)).map(Commitment::applicationId).toList();
  }

  /** Every material file of every application (for the object references). */
  public List<MaterialFile> allMaterialFiles() {
    return List.copyOf(files);
  }

  @Override
  public List<MaterialFile> materialFiles(Long applicationId) {
    return files.stream().filter(f -> f.applicationId().equals(applicationId)).toList();
  }

  @Override
  public Optional<MaterialFile> materialFile(Long applicationId, String materialCode) {
    return materialFiles(applicationId).stream()
        .filter(f -> f.materialCode().equals(materialCode)).findFirst();
  }

  @Override
  public void addMaterialFile(MaterialFile file) {
    files.add(Ids.assign(file));
  }

  @Override
  public long storedMaterialBytes(Long enterpriseId) {
    return files.stream()
        .filter(f -> f.objectKey() != null)
        .filter(f -> { Application a = applications.get(f.applicationId());
          return a != null && a.enterprise() != null && enterpriseId.equals(a.enterprise().id()); })
        .mapToLong(MaterialFile::size).sum();
  }

  @Override
  public List<FindingRecord> findings(Long applicationId) {
    return findings.getOrDefault(applicationId, List.of());
  }

  @Override
  public void replaceFindings(Long applicationId, List<FindingRecord> list) {
    list.forEach(Ids::assign);
    findings.put(applicationId, List.copyOf(list));
  }

  @Override
  public Optional<Commitment> commitment(Long applicationId) {
    return commitments.stream().filter(c -> applicationId.equals(c.applicationId())).findFirst();
  }

  @Override
  public void addCommitment(Commitment commitment) {
    commitments.add(Ids.assign(commitment));
  }

  @Override
  public Optional<Application> byNumber(String number) {
    return applications.values().stream().filter(a -> a.number().equals(number)).findFirst();
  }

  @Override
  public List<Application> allSubmitted() {
    return applications.values().stream().filter(a -> a.submittedAt() != null).toList();
  }

  @Override
  public List<Commitment> commitments() {
    return List.copyOf(commitments);
  }

  @Override
  public Optional<Evaluation> evaluation(Long applicationId) {
    return evaluations.stream().filter(e -> e.applicationId().equals(applicationId)).findFirst();
  }

  @Override
  public void addEvaluation(Evaluation evaluation) {
    if (evaluation(evaluation.applicationId()).isPresent()) {
      throw new IllegalStateException("unique constraint: evaluation.application_id");
    }
    evaluations.add(Ids.assign(evaluation));
  }

  @Override
  public List<Evaluation> evaluations() {
    return List.copyOf(evaluations);
  }
}
