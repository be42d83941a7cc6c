package cn.wssp.portal.infrastructure.persistence;

import cn.wssp.portal.domain.model.*;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.Set;

@ApplicationScoped
public class JpaApplicationRepository implements ApplicationRepository {
  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Override
  public Optional<Application> find(Long id) {
    return id == null ? Optional.empty() : Optional.ofNullable(em.find(Application.class, id));
  }

  @Override
  public Optional<Application> findForUpdate(Long id) {
    return id == null ? Optional.empty() : Optional.ofNullable(
        RowLocks.find(em, Application.class, id));
  }

  @Override
  public List<Long> overdueReviewsDeemedApproved(java.time.LocalDate today) {
    return em.createQuery("select a.id from Application a where a.status in :s"
            + " and a.reviewDue < :today and a.matter.deemedApprovalOnTimeout = true"
            + " order by a.reviewDue, a.id", Long.class)
        .setParameter("s", ApplicationStatus.REVIEW_RUNNING).setParameter("today", today)
        .setMaxResults(500).getResultList();
  }

  @Override
  public Application add(Application application) {
    em.persist(application);
    em.flush();
    return application;
  }

  @Override
  public List<Application> list(Set<ApplicationStatus> statuses, ApplicationScope scope,
      int first, int max) {
    if (scope.none()) {
      return List.of();
    }
    var q = em.createQuery("select a from Application a" + where(statuses, scope)
        + " order by a.id desc", Application.class)
        .setFirstResult(Math.max(0, first)).setMaxResults(Math.max(1, max));
    bind(statuses, scope, q);
    return q.getResultList();
  }

  @Override
  public long count(Set<ApplicationStatus> statuses, ApplicationScope scope) {
    if (scope.none()) {
      return 0;
    }
    var q = em.createQuery("select count(a) from Application a" + where(statuses, scope),
        Long.class);
    bind(statuses, scope, q);
    return q.getSingleResult();
  }

  /** The scope's conditions (ApplicationScope.contains in JPQL) and the statuses'. */
  private static String where(Set<ApplicationStatus> statuses, ApplicationScope scope) {
    return " where 1 = 1"
        + (statuses == null || statuses.isEmpty() ? "" : " and a.status in :s")
        + (scope.enterpriseId() == null ? "" : " and a.enterprise.id = :e")
        + (scope.departmentId() == null ? "" : " and exists (select d from Matter m"
            + " join m.departments d where m = a.matter and d.id = :d)")
        + (scope.submittedOnly() ? " and a.submittedAt is not null" : "");
  }

  private static void bind(Set<ApplicationStatus> statuses, ApplicationScope scope,
      jakarta.persistence.Query q) {
    if (statuses != null && !statuses.isEmpty()) {
      q.setParameter("s", statuses);
    }
    if (scope.enterpriseId() != null) {
      q.setParameter("e", scope.enterpriseId());
    }
    if (scope.departmentId() != null) {
      q.setParameter("d", scope.departmentId());
    }
  }

  @Override
  public List<Application> page(ApplicationFilter filter, int first, int max) {
    String order = filter.oldestFirst() ? "asc" : "desc";
    var q = em.createQuery("select a from Application a" + where(filter)
        + " order by a.submittedAt " + order + " nulls last, a.id " + order, Application.class)
        .setFirstResult(Math.max(0, first)).setMaxResults(Math.max(1, max));
    bind(filter, q);
    return q.getResultList();
  }

  @Override
  public long count(ApplicationFilter filter) {
    var q = em.createQuery("select count(a) from Application a" + where(filter), Long.class);
    bind(filter, q);
    return q.getSingleResult();
  }

  /** The filter's conditions; only those it sets, each bound by {@link #bind}. */
  private static String where(ApplicationFilter f) {
    return " where 1 = 1"
        + (f.statuses().isEmpty() ? "" : " and a.status in :s")
        + (f.enterpriseId() == null ? "" : " and a.enterprise.id = :e")
        + (f.matterCode() == null ? "" : " and a.matter.code = :m")
        + (f.submittedFrom() == null ? "" : " and a.submittedAt >= :from")
        + (f.submittedTo() == null ? "" : " and a.submittedAt < :to")
        + (f.numberContains() == null ? "" : " and upper(a.number) like :n escape '!'");
  }

  private static void bind(ApplicationFilter f, jakarta.persistence.Query q) {
    if (!f.statuses().isEmpty()) {
      q.setParameter("s", f.statuses());
    }
    if (f.enterpriseId() != null) {
      q.setParameter("e", f.enterpriseId());
    }
    if (f.matterCode() != null) {
      q.setParameter("m", f.matterCode());
    }
    if (f.submittedFrom() != null) {
      q.setParameter("from", f.submittedFrom());
    }
    if (f.submittedTo() != null) {
      q.setParameter("to", f.submittedTo());
    }
    if (f.numberContains() != null) {
      q.setParameter("n", "%" + f.numberContains().replace("!", "!!").replace("%", "!%")
          .replace("_", "!_") + "%");
    }
  }

  @Override
  public List<Long> overduePreReviews(java.time.LocalDate today) {
    return em.createQuery("select a.id from Application a where a.status in :s"
            + " and a.preReviewDue < :today order by a.preReviewDue, a.id", Long.class)
        .setParameter("s", ApplicationStatus.AWAITING_ACCEPTANCE).setParameter("today", today)
        .setMaxResults(500).getResultList();
  }

  @Override
  public List<Application> withoutTrackingCode(int max) {
    return em.createQuery("select a from Application a where a.trackingCode is null order by a.id",
        Application.class).setMaxResults(max).getResultList();
  }

  @Override
  public List<Long> openCommitmentsDueBy(java.time.LocalDate day) {
    return openCommitments("<=", day);
  }

  @Override
  public List<Long> overdueCommitments(java.time.LocalDate today) {
    return openCommitments("<", today);
  }

  /** Applications whose open commitment's due date compares so with the day (a sweep's batch). */
  private List<Long> openCommitments(String comparison, java.time.LocalDate day) {
    return em.createQuery("select c.applicationId from Commitment c where c.status = :open"
            + " and c.dueDate " + comparison + " :day order by c.dueDate", Long.class)
        .setParameter("open", CommitmentStatus.OPEN).setParameter("day", day)
        .setMaxResults(500).getResultList();
  }

  @Override
  public List<MaterialFile> materialFiles(Long applicationId) {
    return em.createQuery("select f from MaterialFile f where f.applicationId = :a",
            MaterialFile.class)
        .setParameter("a", applicationId).getResultList();
  }

  @Override
  public Optional<MaterialFile> materialFile(Long applicationId, String materialCode) {
    return em.createQuery(
            "select f from MaterialFile f where f.applicationId = :a and f.materialCode = :m",
            MaterialFile.class)
        .setParameter("a", applicationId).setParameter("m", materialCode)
        .getResultList().stream().findFirst();
  }

  @Override
  public void addMaterialFile(MaterialFile file) {
    em.persist(file);
  }

  @Override
  public long storedMaterialBytes(Long enterpriseId) {
    // Untyped: the sum of a BIGINT is a Long on H2 but a NUMERIC (BigDecimal) on PostgreSQL.
    Object sum = em.createQuery(
            "select sum(f.size) from MaterialFile f, Application a"
                + " where f.applicationId = a.id and a.enterprise.id = :e and f.objectKey is not null")
        .setParameter("e", enterpriseId).getSingleResult();
    return sum == null ? 0 : ((Number) sum).longValue();
  }

  @Override
  public List<FindingRecord> findings(Long applicationId) {
    return em.createQuery(
            "select f from FindingRecord f where f.applicationId = :a order by f.position",
            FindingRecord.class)
        .setParameter("a", applicationId).getResultList();
  }

  @Override
  public void replaceFindings(Long applicationId, List<FindingRecord> findings) {
    em.createQuery("delete from FindingRecord f where f.applicationId = :id")
        .setParameter("id", applicationId).executeUpdate();
    findings.forEach(em::persist);
  }

  @Override
  public Optional<Commitment> commitment(Long applicationId) {
    return em.createQuery("select c from Commitment c where c.applicationId = :a", Commitment.class)
        .setParameter("a", applicationId).getResultList().stream().findFirst();
  }

  @Override
  public void addCommitment(Commitment commitment) {
    em.persist(commitment);
  }

  @Override
  public Optional<Application> byNumber(String number) {
    return em.createQuery("select a from Application a where a.number = :n", Application.class)
        .setParameter("n", number).getResultList().stream().findFirst();
  }

  @Override
  public List<Application> allSubmitted() {
    return em.createQuery("select a from Application a where a.submittedAt is not null order by a.id",
        Application.class).getResultList();
  }

  @Override
  public List<Commitment> commitments() {
    return em.createQuery("select c from Commitment c", Commitment.class).getResultList();
  }

  @Override
  public Optional<Evaluation> evaluation(Long applicationId) {
    return em.createQuery("select e from Evaluation e where e.applicationId = :a", Evaluation.class)
        .setParameter("a", applicationId).getResultList().stream().findFirst();
  }

  @Override
  public void addEvaluation(Evaluation evaluation) {
    em.persist(evaluation);
    em.flush();
  }

  @Override
  public List<Evaluation> evaluations() {
    return em.createQuery("select e from Evaluation e", Evaluation.class).getResultList();
  }
}
