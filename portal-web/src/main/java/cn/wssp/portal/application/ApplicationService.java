package cn.wssp.portal.application;

import cn.wssp.portal.domain.model.*;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The applicant's use cases: create, record uploaded materials, submit, commit, withdraw. */
@ApplicationScoped
public class ApplicationService {
  /** Pre-review must finish within two working days of submission (§3). */
  static final int PRE_REVIEW_WORKING_DAYS = Application.PRE_REVIEW_WORKING_DAYS;

  /** A list shows at most this many applications. */
  static final int LIST_LIMIT = 500;

  @Inject
  ApplicationRepository applications;

  @Inject
  AccountRepository accounts;

  @Inject
  JobRepository jobs;

  /** Unlimited until injected (tests that do not care about quotas). */
  @Inject
  cn.wssp.portal.domain.storage.StorageQuota quota = cn.wssp.portal.domain.storage.StorageQuota.unlimited();

  @Inject
  MatterCatalog matters;

  @Inject
  Numbers numbers;

  @Inject
  MatterRules rules;

  @Inject
  AuditTrail audit;

  @Inject
  SecurityAudit refusals;

  @Inject
  Calendars calendar;

  @Inject
  DishonestList dishonest;

  @Inject
  Clock clock;

  @Transactional
  public Application create(Actor actor, String matterCode) {
    AccessPolicy.requireRole(actor, Role.APPLICANT, "创建申请");
    Matter matter = matters.matter(matterCode);
    UserAccount applicant = accounts.require(actor.userId());
    Application app = applications.add(
        new Application(numbers.next("SQ"), matter, applicant, Instant.now(clock),
            Numbers.trackingCode()));
    audit.record(actor, app.id(), AuditAction.CREATE, null, ApplicationStatus.DRAFT, matter.name());
    return app;
  }

  /**
   * 在线申请 on a page: the enterprise's open draft of that matter if there is one (a second
   * click, or coming back the next day, continues it), otherwise a new draft. The API's
   * POST /applications always creates one: an integration may want several.
   */
  @Transactional
  public Draft continueOrCreate(Actor actor, String matterCode) {
    AccessPolicy.requireRole(actor, Role.APPLICANT, "创建申请");
    return applications.list(java.util.EnumSet.of(ApplicationStatus.DRAFT),
            ApplicationScope.enterprise(actor.enterpriseId()), LIST_LIMIT)
        .stream()
        .filter(a -> a.matter().code().equals(matterCode) && AccessPolicy.canSee(actor, a))
        .findFirst()
        .map(a -> new Draft(a, true))
        .orElseGet(() -> new Draft(create(actor, matterCode), false));
  }

  /** A draft to work on, and whether it existed before. */
  public record Draft(Application application, boolean continued) {}

  /** Checks, before any byte is stored, that this actor may upload this material now. */
  @Transactional
  public MaterialSpec checkUpload(Actor actor, Long applicationId, String materialCode) {
    return checkUpload(actor, applicationId, materialCode, null, -1);
  }

  /**
   * The same and, for a file of a known size ({@code incoming} ≥ 0), that it fits the
   * enterprise's storage quota: in one transaction, as an upload's fixed cost is mostly its
   * round trips to the database.
   */
  @Transactional
  public MaterialSpec checkUpload(Actor actor, Long applicationId, String materialCode,
      String fileName, long incoming) {
    Application app = visible(actor, applicationId);
    AccessPolicy.requireOwner(actor, app);
    MaterialSpec spec = app.requireUploadable(materialCode,
        applications.commitment(app.id()).orElse(null));
    if (incoming >= 0) {
      checkQuota(app, spec, fileName, incoming);
    }
    return spec;
  }

  /**
   * Refuses an upload of {@code incoming} bytes that would take the applicant's enterprise over
   * its storage quota (the file it replaces is not counted: saving the new one frees it).
   */
  private void checkQuota(Application app, MaterialSpec spec, String fileName, long incoming) {
    if (app.enterprise() == null || !quota.limits()) {
      return; // no sum over the enterprise's files where nothing is compared with it
    }
    long replaced = applications.materialFile(app.id(), spec.code())
        .filter(f -> f.objectKey() != null).map(MaterialFile::size).orElse(0L);
    quota.check(applications.storedMaterialBytes(app.enterprise().id()), replaced, incoming,
        fileName, spec.name());
  }

  /** Records an upload already stored in the object store; replaces the previous one. */
  @Transactional
  public MaterialFile recordMaterial(Actor actor, Long applicationId, String materialCode,
      String fileName, String mediaType, long size, String sha256, String objectKey) {
    return recordUpload(actor, applicationId, materialCode, fileName, mediaType, size, sha256,
        objectKey, false).file();
  }

  /** The recorded material and the object key it pointed at before, now unreferenced (or null). */
  public record RecordedUpload(MaterialFile file, String replacedKey) {}

  /**
   * Records an upload already stored in the object store; replaces the previous one and names
   * its object, which the caller deletes once this transaction has committed. With {@code
   * checkQuota}, first refuses a file that takes the enterprise over its quota (in the same
   * transaction: a round trip fewer per upload).
   */
  @Transactional
  public RecordedUpload recordUpload(Actor actor, Long applicationId, String materialCode,
      String fileName, String mediaType, long size, String sha256, String objectKey,
      boolean checkQuota) {
    Application app = visible(actor, applicationId);
    AccessPolicy.requireOwner(actor, app);
    Commitment commitment = applications.commitment(app.id()).orElse(null);
    MaterialSpec spec = app.requireUploadable(materialCode, commitment);
    if (checkQuota) {
      checkQuota(app, spec, fileName, size);
    }
    MaterialFile file = applications.materialFile(applicationId, materialCode).orElseGet(() -> {
      MaterialFile created = new MaterialFile(applicationId, materialCode);
      applications.addMaterialFile(created);
      return created;
    });
    String previous = file.objectKey();
    file.replaceWith(fileName, mediaType, size, sha256, objectKey, Instant.now(clock));
    audit.record(actor, applicationId, AuditAction.UPLOAD, app.status(), app.status(),
        materialCode + " " + fileName + " sha256=" + sha256);
    if (app.isSupplyingPromised(materialCode, commitment)) {
      // A promised material after acceptance: pre-reviewed like any other, in the background.
      jobs.add(new Job(JobKind.COMMITMENT_REVIEW, app.id(), Instant.now(clock)));
    }
    return new RecordedUpload(file,
        previous == null || previous.equals(objectKey) ? null : previous);
  }

  /** Submission starts the two-working-day pre-review clock and queues the pre-review. */
  @Transactional
  public Application submit(Actor actor, Long applicationId) {
    Application app = visible(actor, applicationId);
    AccessPolicy.requireOwner(actor, app);
    ApplicationStatus from = app.status();
    if (from == ApplicationStatus.REVIEW_SUPPLEMENT_REQUESTED) {
      return handInReviewSupplement(actor, app);
    }
    Instant now = Instant.now(clock);
    app.submit(now, calendar.current().addWorkingDays(LocalDate.now(clock), PRE_REVIEW_WORKING_DAYS),
        rules.versionInForce(app.matter()).orElse(null));
    applications.replaceFindings(app.id(), List.of());
    jobs.add(new Job(JobKind.PRE_REVIEW, app.id(), now));
    audit.record(actor, app.id(), AuditAction.SUBMIT, from, app.status(),
        "预审时限 " + app.preReviewDue());
    return app;
  }

  /**
   * 审查补正 handed in: the same "submit" as ever for the applicant, but the application goes
   * back to its review (no new pre-review: the department judges the new materials) and the
   * review clock runs again, its due day moved by the paused working days.
   */
  private Application handInReviewSupplement(Actor actor, Application app) {
    ApplicationStatus from = app.status();
    List<String> materials = app.reviewSupplementMaterials();
    LocalDate pausedOn = app.reviewPausedOn();
    long paused = app.resumeReview(LocalDate.now(clock), calendar.current(),
        applications.materialFiles(app.id()));
    audit.record(actor, app.id(), AuditAction.REVIEW_SUPPLEMENT_SUBMITTED, from, app.status(),
        "补正材料 " + String.join(",", materials) + "；审查时限自 " + pausedOn + " 起暂停 " + paused
            + " 个工作日，顺延至 " + app.reviewDue());
    return app;
  }

  /** 告知承诺制 (§5): the rules are the application's; this records the signed commitment. */
  @Transactional
  public Commitment signCommitment(Actor actor, Long applicationId, List<String> materials,
      LocalDate dueDate) {
    Application app = visible(actor, applicationId);
    AccessPolicy.requireOwner(actor, app);
    dishonest.entryFor(app.enterprise()).ifPresent(entry -> {
      throw entry.commitmentRefused();
    });
    Commitment c = app.commit(materials, dueDate, LocalDate.now(clock),
        applications.commitment(app.id()).isPresent(), actor.userId(), Instant.now(clock));
    applications.addCommitment(c);
    audit.record(actor, app.id(), AuditAction.COMMITMENT, app.status(), app.status(),
        String.join(",", materials) + " 承诺于 " + dueDate + " 前补交");
    return c;
  }

  /** Why the owner may not sign a commitment here (失信名单), for the page to say so instead. */
  public Optional<String> commitmentRefusal(Actor actor, Long applicationId) {
    Application app = visible(actor, applicationId);
    return AccessPolicy.isOwner(actor, app) ? dishonest.refusalFor(app.enterprise())
        : Optional.empty();
  }

  @Transactional
  public Application withdraw(Actor actor, Long applicationId) {
    Application app = visible(actor, applicationId);
    AccessPolicy.requireOwner(actor, app);
    ApplicationStatus from = app.status();
    app.withdraw();
    audit.record(actor, app.id(), AuditAction.WITHDRAW, from, app.status(), null);
    return app;
  }

  /**
   * 好差评: the owner rates the handling once, after the outcome (issued, not accepted, revoked);
   * the rating is stored as given and never changed.
   */
  @Transactional
  public Evaluation evaluate(Actor actor, Long applicationId, Integer score, String comment) {
    Application app = visible(actor, applicationId);
    AccessPolicy.requireOwner(actor, app);
    Evaluation e = Evaluation.of(app, applications.evaluation(app.id()).isPresent(), score, comment,
        actor.userId(), Instant.now(clock));
    applications.addEvaluation(e);
    audit.record(actor, app.id(), AuditAction.EVALUATED, app.status(), app.status(),
        "评分 " + e.score());
    return e;
  }

  public Optional<Evaluation> evaluationOf(Long applicationId) {
    return applications.evaluation(applicationId);
  }

  /** The application if it exists and the actor may see it; otherwise "not found". */
  public Application visible(Actor actor, Long applicationId) {
    Application app = applications.find(applicationId).orElse(null);
    if (app != null && !AccessPolicy.canSee(actor, app)) {
      // Someone tried another enterprise's (or department's) application: worth a record.
      refusals.refused(actor, app.id(), AuditAction.ACCESS_DENIED, "无权查看申请 " + app.number());
    }
    AccessPolicy.requireVisible(actor, app);
    return app;
  }

  /**
   * The application if the actor may see it, without a word in the audit trail otherwise: for
   * reads that then ask {@link #visible}, outside their transaction, to record and refuse.
   */
  public Optional<Application> ifVisible(Actor actor, Long applicationId) {
    return applications.find(applicationId).filter(app -> AccessPolicy.canSee(actor, app));
  }

  public Optional<MaterialFile> materialFile(Long applicationId, String materialCode) {
    return applications.materialFile(applicationId, materialCode);
  }

  public Optional<Commitment> commitmentOf(Long applicationId) {
    return applications.commitment(applicationId);
  }

  public List<FindingRecord> findingsOf(Long applicationId) {
    return applications.findings(applicationId);
  }

  public List<MaterialFile> materialFiles(Long applicationId) {
    return applications.materialFiles(applicationId);
  }

  /** Applications the actor may see, newest first, optionally only some statuses. */
  public List<Application> list(Actor actor, Set<ApplicationStatus> statuses) {
    // Narrowed in the query to what the actor may see; AccessPolicy still checks every row.
    return applications.list(statuses, AccessPolicy.scopeOf(actor), LIST_LIMIT).stream()
        .filter(a -> AccessPolicy.canSee(actor, a)).toList();
  }

  /** One page of a list and how many there are in all (the pager's total). */
  public record Page<T>(List<T> rows, long total) {}

  /** The most rows one page of 我的办件 holds, whatever the caller asks. */
  static final int PAGE_LIMIT = 100;

  /**
   * 我的办件: one page of the applicant's enterprise's applications passing the filter, paged by
   * the database. Only for applicants: the filter is always narrowed to their own enterprise.
   */
  public Page<Application> page(Actor actor, ApplicationFilter filter, int first, int size) {
    AccessPolicy.requireRole(actor, Role.APPLICANT, "查看本单位的办件");
    ApplicationFilter mine = filter.ofEnterprise(actor.enterpriseId());
    int max = Math.min(Math.max(1, size), PAGE_LIMIT);
    List<Application> rows = applications.page(mine, Math.max(0, first), max).stream()
        .filter(a -> AccessPolicy.canSee(actor, a)).toList();
    return new Page<>(rows, applications.count(mine));
  }

  /**
   * One page of {@link #list}: an applicant's paged by the database (newest submission first,
   * drafts last, as 我的办件), a staff member's too (newest first, narrowed to their scope).
   */
  public Page<Application> page(Actor actor, Set<ApplicationStatus> statuses, int page, int size) {
    if (page < 0 || size < 1 || size > PAGE_LIMIT) {
      throw DomainException.invalid("分页参数有误：page 须为 0 或正整数，size 须在 1 至 " + PAGE_LIMIT
          + " 之间。")
          .inEnglish("Wrong paging: page is 0 or a positive whole number, and size is between 1"
              + " and " + PAGE_LIMIT + ".");
    }
    long first = (long) page * size;
    if (actor.has(Role.APPLICANT) && !actor.isStaff()) {
      ApplicationFilter filter = new ApplicationFilter(statuses, null, null, null, null, null, false);
      return first > Integer.MAX_VALUE ? new Page<>(List.of(), count(actor, filter))
          : page(actor, filter, (int) first, size);
    }
    ApplicationScope scope = AccessPolicy.scopeOf(actor);
    List<Application> rows = first > Integer.MAX_VALUE ? List.of()
        : applications.list(statuses, scope, (int) first, size).stream()
            .filter(a -> AccessPolicy.canSee(actor, a)).toList();
    return new Page<>(rows, applications.count(statuses, scope));
  }

  /**
   * How many applications in these statuses the actor sees, counted by the database (the menu's
   * count of what waits on every page must not load the list).
   */
  public long countSeen(Actor actor, Set<ApplicationStatus> statuses) {
    return applications.count(statuses, AccessPolicy.scopeOf(actor));
  }

  /** How many of the applicant's enterprise's applications pass the filter. */
  public long count(Actor actor, ApplicationFilter filter) {
    AccessPolicy.requireRole(actor, Role.APPLICANT, "查看本单位的办件");
    return applications.count(filter.ofEnterprise(actor.enterpriseId()));
  }
}
