package cn.wssp.portal.application;

import cn.wssp.portal.domain.calendar.WorkingDayCalendar;
import cn.wssp.portal.domain.model.*;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The applicant's use cases: create, record uploaded materials, submit, commit, withdraw. */
@ApplicationScoped
public class ApplicationService {
  public static final String PRE_REVIEW_JOB = "PRE_REVIEW";

  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Inject
  Clock clock;

  @Inject
  Numbers numbers;

  @Inject
  AuditTrail audit;

  @Inject
  Notifications notifications;

  @Inject
  WorkingDayCalendar calendar;

  @Transactional
  public Application create(Actor actor, String matterCode) {
    AccessPolicy.requireRole(actor, Role.APPLICANT, "创建申请");
    Matter matter = matter(matterCode);
    UserAccount applicant = em.find(UserAccount.class, actor.userId());
    Application app = new Application(numbers.next("SQ"), matter, applicant, Instant.now(clock));
    em.persist(app);
    em.flush();
    audit.record(actor, app.id(), "CREATE", null, ApplicationStatus.DRAFT, matter.name());
    return app;
  }

  public Matter matter(String matterCode) {
    if (matterCode == null || matterCode.isBlank()) {
      throw DomainException.invalid("请选择办理事项（matterCode 不能为空）。");
    }
    List<Matter> found = em.createQuery("select m from Matter m where m.code = :c", Matter.class)
        .setParameter("c", matterCode).getResultList();
    if (found.isEmpty()) {
      throw new DomainException("NOT_FOUND", 404, "办理事项「" + matterCode + "」不存在。");
    }
    return found.get(0);
  }

  /** Checks, before any byte is stored, that this actor may upload this material now. */
  @Transactional
  public MaterialSpec checkUpload(Actor actor, Long applicationId, String materialCode) {
    Application app = visible(actor, applicationId);
    AccessPolicy.requireOwner(actor, app);
    requireEditable(app);
    return app.matter().material(materialCode).orElseThrow(() -> new DomainException(
        "NOT_FOUND", 404, "事项「" + app.matter().name() + "」没有材料「" + materialCode + "」。"));
  }

  /** Records an upload already stored in the object store; replaces the previous one. */
  @Transactional
  public MaterialFile recordMaterial(Actor actor, Long applicationId, String materialCode,
      String fileName, String mediaType, long size, String sha256, String objectKey) {
    Application app = visible(actor, applicationId);
    AccessPolicy.requireOwner(actor, app);
    requireEditable(app);
    MaterialFile file = materialFile(applicationId, materialCode);
    if (file == null) {
      file = new MaterialFile(applicationId, materialCode);
      em.persist(file);
    }
    file.replaceWith(fileName, mediaType, size, sha256, objectKey, Instant.now(clock));
    audit.record(actor, applicationId, "UPLOAD", app.status(), app.status(),
        materialCode + " " + fileName + " sha256=" + sha256);
    return file;
  }

  @Transactional
  public Application submit(Actor actor, Long applicationId) {
    Application app = visible(actor, applicationId);
    AccessPolicy.requireOwner(actor, app);
    ApplicationStatus from = app.status();
    Instant now = Instant.now(clock);
    app.submit(now, calendar.addWorkingDays(LocalDate.now(clock), 2));
    em.createQuery("delete from FindingRecord f where f.applicationId = :id")
        .setParameter("id", app.id()).executeUpdate();
    em.persist(new Job(PRE_REVIEW_JOB, app.id(), now));
    audit.record(actor, app.id(), "SUBMIT", from, app.status(), "预审时限 " + app.preReviewDue());
    return app;
  }

  /** 告知承诺制 (§5): only commitable materials, a due date in the future. */
  @Transactional
  public Commitment signCommitment(Actor actor, Long applicationId, List<String> materials,
      LocalDate dueDate) {
    Application app = visible(actor, applicationId);
    AccessPolicy.requireOwner(actor, app);
    if (materials == null || materials.isEmpty()) {
      throw DomainException.invalid("请选择承诺后补的材料（materials 不能为空）。");
    }
    if (dueDate == null || !dueDate.isAfter(LocalDate.now(clock))) {
      throw DomainException.invalid("承诺补交日期（dueDate）必须晚于今天。");
    }
    if (!Set.of(ApplicationStatus.SUBMITTED, ApplicationStatus.PRE_REVIEWED).contains(app.status())) {
      throw DomainException.conflict("申请当前状态为「" + app.status().label() + "」，不能签署承诺书。");
    }
    for (String code : materials) {
      MaterialSpec spec = app.matter().material(code).orElseThrow(() ->
          DomainException.invalid("事项没有材料「" + code + "」。"));
      if (!spec.commitable()) {
        throw DomainException.invalid("材料「" + spec.name() + "」不属于容缺材料，不能承诺后补。");
      }
    }
    if (commitmentOf(app.id()).isPresent()) {
      throw DomainException.conflict("本申请已签署承诺书。");
    }
    Commitment c = new Commitment(app.id(), materials, dueDate, actor.userId(), Instant.now(clock));
    em.persist(c);
    audit.record(actor, app.id(), "COMMITMENT", app.status(), app.status(),
        String.join(",", materials) + " 承诺于 " + dueDate + " 前补交");
    return c;
  }

  @Transactional
  public Application withdraw(Actor actor, Long applicationId) {
    Application app = visible(actor, applicationId);
    AccessPolicy.requireOwner(actor, app);
    ApplicationStatus from = app.status();
    app.withdraw();
    audit.record(actor, app.id(), "WITHDRAW", from, app.status(), null);
    return app;
  }

  /** The application if it exists and the actor may see it; otherwise "not found". */
  public Application visible(Actor actor, Long applicationId) {
    Application app = applicationId == null ? null : em.find(Application.class, applicationId);
    AccessPolicy.requireVisible(actor, app);
    return app;
  }

  public MaterialFile materialFile(Long applicationId, String materialCode) {
    List<MaterialFile> found = em.createQuery(
            "select f from MaterialFile f where f.applicationId = :a and f.materialCode = :m",
            MaterialFile.class)
        .setParameter("a", applicationId).setParameter("m", materialCode).getResultList();
    return found.isEmpty() ? null : found.get(0);
  }

  /** The signed commitment (承诺书) of an application, if any. */
  public java.util.Optional<Commitment> commitmentOf(Long applicationId) {
    return em.createQuery("select c from Commitment c where c.applicationId = :a", Commitment.class)
        .setParameter("a", applicationId).getResultList().stream().findFirst();
  }

  /** The latest pre-review's findings, in the order the pre-review listed them. */
  public List<FindingRecord> findingsOf(Long applicationId) {
    return em.createQuery(
            "select f from FindingRecord f where f.applicationId = :a order by f.position",
            FindingRecord.class)
        .setParameter("a", applicationId).getResultList();
  }

  public List<MaterialFile> materialFiles(Long applicationId) {
    return em.createQuery("select f from MaterialFile f where f.applicationId = :a",
            MaterialFile.class)
        .setParameter("a", applicationId).getResultList();
  }

  /** Applications the actor may see, newest first, optionally only some statuses. */
  public List<Application> list(Actor actor, Set<ApplicationStatus> statuses) {
    boolean byStatus = statuses != null && !statuses.isEmpty();
    // An applicant's list is narrowed in the query; AccessPolicy stays the rule for everyone.
    boolean ownOnly = actor.has(Role.APPLICANT) && !actor.isStaff();
    String jpql = "select a from Application a where 1 = 1"
        + (byStatus ? " and a.status in :s" : "")
        + (ownOnly ? " and a.enterprise.id = :e" : "")
        + " order by a.id desc";
    var q = em.createQuery(jpql, Application.class).setMaxResults(500);
    if (byStatus) {
      q.setParameter("s", statuses);
    }
    if (ownOnly) {
      q.setParameter("e", actor.enterpriseId());
    }
    List<Application> visible = new ArrayList<>();
    for (Application a : q.getResultList()) {
      if (AccessPolicy.canSee(actor, a)) {
        visible.add(a);
      }
    }
    return visible;
  }

  private static void requireEditable(Application app) {
    if (!app.isEditableByApplicant()) {
      throw DomainException.conflict("申请当前状态为「" + app.status().label() + "」，不能修改材料。");
    }
  }
}
