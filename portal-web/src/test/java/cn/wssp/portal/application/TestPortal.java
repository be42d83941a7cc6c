package cn.wssp.portal.application;

import cn.wssp.portal.domain.model.*;
import cn.wssp.portal.domain.service.PortalProfile;
import cn.wssp.portal.testing.*;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The application layer wired by hand on in-memory repositories, as CDI would wire it on JPA:
 * the services are the real ones, so each test exercises the use case's rules in milliseconds
 * (Cargo Tracker's BookingServiceTest style). Demo-like data: two departments, two enterprises,
 * the roles of API.md, a 承诺件 with a 容缺 material and a 联办件 of both departments.
 */
final class TestPortal {
  static final String PIN = "123456";
  private static final String PIN_HASH = PasswordHasher.hash(PIN.toCharArray());
  static final long MB = 1L << 20;

  /** Monday 2026-11-23, 10:00 in Beijing. */
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T02:00:00Z"));
  final InMemoryCalendar calendarRepo = InMemoryCalendar.official();
  final Calendars calendar = new Calendars();
  final PortalProfile profile = new PortalProfile("演示市行政服务中心", "http://localhost:8080",
      5 * MB, true, true);

  final InMemoryApplications applicationRepo = new InMemoryApplications();
  final InMemoryMatters matterRepo = new InMemoryMatters();
  final InMemoryRuleSets ruleSetRepo = new InMemoryRuleSets();
  final InMemoryAccounts accountRepo = new InMemoryAccounts();
  final InMemoryDelegations delegationRepo = new InMemoryDelegations();
  final InMemoryDishonest dishonestRepo = new InMemoryDishonest();
  final InMemoryForwardings forwardingRepo = new InMemoryForwardings();
  final InMemoryDocuments documentRepo = new InMemoryDocuments();
  final InMemoryAudit auditRepo = new InMemoryAudit();
  final InMemoryAttemptCounters counterRepo = new InMemoryAttemptCounters();
  final InMemoryJobs jobRepo = new InMemoryJobs();
  final InMemoryMessages messageRepo = new InMemoryMessages();
  final InMemoryDepartmentReviews reviewRepo = new InMemoryDepartmentReviews();
  final InMemoryObjectStore objects = new InMemoryObjectStore();
  final RecordingSeals seals = new RecordingSeals();

  final Numbers numbers = new Numbers();
  final AuditTrail audit = new AuditTrail();
  final MatterCatalog catalog = new MatterCatalog();
  final MatterRules rules = new MatterRules();
  final MatterRegistration registration = new MatterRegistration();
  final SealAdministration sealAdministration = new SealAdministration();
  final ApplicationService applications = new ApplicationService();
  final Notifications notifications = new Notifications();
  final DocumentIssuer issuer = new DocumentIssuer();
  final LicenceGrants licenceGrants = new LicenceGrants();
  final AcceptanceService acceptance = new AcceptanceService();
  final PinGuard pins = new PinGuard();
  final DecisionService decisions = new DecisionService();
  final JointCirculation circulation = new JointCirculation();
  final ReviewOpinions opinions = new ReviewOpinions();
  final DecisionPreview previews = new DecisionPreview();
  final SealingGuard guard = new SealingGuard();
  final RevocationService revocations = new RevocationService();
  final CommitmentBreach breaches = new CommitmentBreach();
  final ApplicationViews views = new ApplicationViews();
  final DocumentAccess access = new DocumentAccess();
  final Throttle throttle = new Throttle();
  final VerificationService verification = new VerificationService();
  final Accounts accounts = new Accounts();
  final SecurityAudit refusals = new SecurityAudit();
  final AuditQueries auditQueries = new AuditQueries();
  final TrackingService tracking = new TrackingService();
  final Licences licences = new Licences();
  final SupervisionService supervision = new SupervisionService();
  final PublicResults results = new PublicResults();
  final Delegations delegations = new Delegations();
  final DishonestList dishonest = new DishonestList();
  final Absences absences = new Absences();
  final UserAdministration users = new UserAdministration();
  final EvidenceManifests manifests = new EvidenceManifests();
  final ArchiveTimestampStep archiveStep = new ArchiveTimestampStep();
  final ArchiveTimestampSweep archiveSweep = new ArchiveTimestampSweep();
  final ReviewSupplements reviewSupplements = new ReviewSupplements();
  final Forwardings forwardings = new Forwardings();
  final DeemedApproval deemedApproval = new DeemedApproval();
  final DeemedApprovalStep deemedApprovalStep = new DeemedApprovalStep();

  final Department market = matterRepo.add(new Department("SCJG", "市场监督管理局", "市监"));
  final Department health = matterRepo.add(new Department("WSJK", "卫生健康委员会", "卫健"));
  final Enterprise demo = Ids.assign(new Enterprise("演示科技有限公司", CreditCode.complete("91350100M0001XU43")));
  final Enterprise second = Ids.assign(new Enterprise("示例餐饮管理有限公司", CreditCode.complete("91350102MA2Y8K3L0")));

  final UserAccount applicant = user("applicant", Set.of(Role.APPLICANT)).inEnterprise(demo)
      .withEmail("applicant@demo.example");
  final UserAccount applicant2 = user("applicant2", Set.of(Role.APPLICANT)).inEnterprise(second);
  final UserAccount clerk = user("clerk", Set.of(Role.WINDOW_CLERK));
  final UserAccount reviewer = user("reviewer", Set.of(Role.REVIEWER)).inDepartment(market);
  final UserAccount supervisor = user("supervisor", Set.of(Role.SUPERVISOR));
  final UserAccount admin = user("admin", Set.of(Role.CENTER_ADMIN));
  final UserAccount chiefB = user("chief-b", Set.of(Role.CHIEF_REP)).inDepartment(market)
      .asChief(ChiefRole.B, PIN_HASH);
  final UserAccount chiefA = user("chief-a", Set.of(Role.CHIEF_REP)).inDepartment(market)
      .asChief(ChiefRole.A, PIN_HASH);
  final UserAccount chiefB2 = user("chief-b-2", Set.of(Role.CHIEF_REP)).inDepartment(health)
      .asChief(ChiefRole.B, PIN_HASH);

  /** 承诺件: two mandatory materials, one of them 容缺 (may follow under a commitment). */
  final Matter promised = matterRepo.add(new Matter("SCJG-0001", "食品经营许可（新办）",
      MatterKind.PROMISED, 10, "c", "《中华人民共和国食品安全法》第三十五条", "p", "不收费", List.of(market))
      .addMaterial("application-form", "食品经营许可申请书", true, false, List.of("application/pdf"), 10 * MB, 20, true)
      .addMaterial("premises-layout", "经营场所平面布局图", true, true, List.of("application/pdf"), 10 * MB, 10));

  /** 即办件: decided at the window the same day. */
  final Matter immediate = matterRepo.add(new Matter("SCJG-0002", "营业执照遗失补领",
      MatterKind.IMMEDIATE, 1, "c", "《市场主体登记管理条例实施细则》", "p", "不收费", List.of(market))
      .addMaterial("loss-statement", "遗失声明", true, false, List.of("application/pdf"), 10 * MB, 10));

  /** 上报件: examined here, decided by the provincial authority. */
  final Matter forwarded = matterRepo.add(new Matter("SCJG-0003", "保健食品生产许可（初审上报）",
      MatterKind.FORWARDED, 20, "c", "《食品生产许可管理办法》", "p", "不收费", List.of(market))
      .addMaterial("application-form", "食品生产许可申请书", true, false, List.of("application/pdf"), 10 * MB, 20, true));

  /** 联办件 of both departments (market's seal place first), decided in any order. */
  final Matter joint = matterRepo.add(new Matter("LB-0001", "餐饮服务与公共场所卫生许可联办",
      MatterKind.JOINT, 15, "c", "《公共场所卫生管理条例》第八条", "p", "不收费", List.of(market, health))
      .addMaterial("application-form", "联办申请表", true, false, List.of("application/pdf"), 10 * MB, 20, true));

  /** 委托书 of the demo: chief-b (B) and chief-a (A), all of 市场监督管理局's matters, 2026–2030. */
  final Delegation demoMarketDelegation;

  TestPortal() {
    LocalDate from = LocalDate.of(2026, 1, 1);
    LocalDate to = LocalDate.of(2030, 12, 31);
    Set<DelegatedAction> everything = EnumSet.allOf(DelegatedAction.class);
    demoMarketDelegation = delegationRepo.add(new Delegation(market.id(), chiefA.id(), chiefB.id(),
        Set.of(), everything, from, to));
    delegationRepo.add(new Delegation(health.id(), null, chiefB2.id(), Set.of("LB-0001"),
        everything, from, to));

    refusals.audit = audit;
    documentRepo.applications = applicationRepo;
    auditQueries.applications = applications;
    auditQueries.entries = auditRepo;
    auditQueries.trail = audit;
    calendar.days = calendarRepo;
    calendar.audit = audit;
    calendar.clock = clock;
    numbers.sequences = new InMemorySequence();
    numbers.clock = clock;
    audit.entries = auditRepo;
    audit.clock = clock;
    catalog.matters = matterRepo;
    catalog.audit = audit;
    catalog.tx = new InTransaction();
    rules.catalog = catalog;
    rules.ruleSets = ruleSetRepo;
    rules.audit = audit;
    rules.clock = clock;
    sealAdministration.matters = matterRepo;
    sealAdministration.seals = seals;
    sealAdministration.audit = audit;
    registration.matters = matterRepo;
    registration.rules = rules;
    registration.audit = audit;
    applications.rules = rules;
    applications.applications = applicationRepo;
    applications.accounts = accountRepo;
    applications.jobs = jobRepo;
    applications.matters = catalog;
    applications.numbers = numbers;
    applications.audit = audit;
    applications.refusals = refusals;
    applications.calendar = calendar;
    applications.clock = clock;
    applications.dishonest = dishonest;
    dishonest.list = dishonestRepo;
    dishonest.audit = audit;
    dishonest.clock = clock;
    delegations.delegations = delegationRepo;
    delegations.accounts = accountRepo;
    delegations.matters = matterRepo;
    delegations.documents = documentRepo;
    delegations.issuer = issuer;
    delegations.audit = audit;
    delegations.clock = clock;
    absences.accounts = accountRepo;
    users.accounts = accountRepo;
    users.matters = matterRepo;
    users.audit = audit;
    absences.audit = audit;
    absences.clock = clock;
    notifications.messages = messageRepo;
    notifications.jobs = jobRepo;
    notifications.profile = profile;
    notifications.clock = clock;
    issuer.documents = documentRepo;
    issuer.objects = objects;
    issuer.seals = seals;
    issuer.numbers = numbers;
    issuer.profile = profile;
    issuer.clock = clock;
    issuer.manifests = manifests;
    issuer.testPause = () -> { };
    manifests.applications = applicationRepo;
    manifests.documents = documentRepo;
    manifests.audit = auditRepo;
    archiveStep.documents = documentRepo;
    archiveStep.issuer = issuer;
    archiveStep.audit = audit;
    archiveStep.clock = clock;
    archiveSweep.documents = documentRepo;
    archiveSweep.step = archiveStep;
    archiveSweep.policy = ArchivePolicy.standard();
    archiveSweep.clock = clock;
    archiveSweep.seals = seals;
    acceptance.applications = applications;
    acceptance.drafts = applicationRepo;
    acceptance.issuer = issuer;
    acceptance.audit = audit;
    acceptance.notifications = notifications;
    acceptance.calendar = calendar;
    acceptance.clock = clock;
    acceptance.circulation = circulation;
    circulation.accounts = accountRepo;
    circulation.notifications = notifications;
    circulation.audit = audit;
    opinions.applications = applications;
    opinions.accounts = accountRepo;
    opinions.reviews = reviewRepo;
    opinions.audit = audit;
    opinions.clock = clock;
    previews.applications = applications;
    previews.accounts = accountRepo;
    previews.reviews = reviewRepo;
    previews.issuer = issuer;
    previews.clock = clock;
    pins.accounts = accountRepo;
    pins.clock = clock;
    guard.accounts = accountRepo;
    guard.delegations = delegationRepo;
    guard.pins = pins;
    guard.refusals = refusals;
    guard.clock = clock;
    decisions.applications = applications;
    decisions.reviews = reviewRepo;
    decisions.issuer = issuer;
    decisions.audit = audit;
    decisions.notifications = notifications;
    decisions.clock = clock;
    decisions.guard = guard;
    decisions.circulation = circulation;
    decisions.licences = licenceGrants;
    licenceGrants.issuer = issuer;
    licenceGrants.documents = documentRepo;
    revocations.applications = applications;
    revocations.applicationRepository = applicationRepo;
    revocations.documents = documentRepo;
    revocations.issuer = issuer;
    revocations.guard = guard;
    revocations.audit = audit;
    revocations.notifications = notifications;
    revocations.clock = clock;
    revocations.licences = licenceGrants;
    breaches.applications = applicationRepo;
    breaches.self = breaches;
    breaches.audit = audit;
    breaches.notifications = notifications;
    breaches.clock = clock;
    views.applications = applications;
    views.documents = documentRepo;
    views.reviews = reviewRepo;
    views.calendar = calendar;
    views.clock = clock;
    views.forwardings = forwardingRepo;
    views.tx = new InTransaction();
    forwardings.applications = applications;
    forwardings.forwardings = forwardingRepo;
    forwardings.accounts = accountRepo;
    forwardings.decisions = decisions;
    forwardings.guard = guard;
    forwardings.calendar = calendar;
    forwardings.audit = audit;
    forwardings.notifications = notifications;
    forwardings.clock = clock;
    access.applications = applications;
    access.applicationRepository = applicationRepo;
    access.documents = documentRepo;
    access.delegations = delegationRepo;
    access.issuer = issuer;
    access.objects = objects;
    access.audit = audit;
    throttle.counters = counterRepo;
    throttle.rules = ThrottleRules.standard();
    throttle.clock = clock;
    throttle.tx = new SerialTransactions();
    accounts.tx = throttle.tx;
    accounts.accounts = accountRepo;
    accounts.clock = clock;
    accounts.throttle = throttle;
    verification.documents = documentRepo;
    verification.seals = seals;
    verification.issuer = issuer;
    verification.throttle = throttle;
    verification.manifests = manifests;
    verification.clock = clock;
    accounts.audit = audit;
    tracking.applications = applicationRepo;
    tracking.entries = auditRepo;
    tracking.accounts = accountRepo;
    tracking.views = views;
    tracking.throttle = throttle;
    tracking.applicationService = applications;
    documentRepo.enterpriseOf = id -> applicationRepo.find(id).map(a -> a.enterprise().id())
        .orElse(null);
    licences.applications = applicationRepo;
    licences.documents = documentRepo;
    licences.verification = verification;
    supervision.applications = applicationRepo;
    supervision.documents = documentRepo;
    supervision.matters = matterRepo;
    supervision.views = views;
    supervision.clock = clock;
    reviewSupplements.applications = applications;
    reviewSupplements.accounts = accountRepo;
    reviewSupplements.reviews = reviewRepo;
    reviewSupplements.audit = audit;
    reviewSupplements.notifications = notifications;
    reviewSupplements.clock = clock;
    deemedApproval.applications = applicationRepo;
    deemedApproval.step = deemedApprovalStep;
    deemedApproval.clock = clock;
    deemedApprovalStep.applications = applicationRepo;
    deemedApprovalStep.issuer = issuer;
    deemedApprovalStep.audit = audit;
    deemedApprovalStep.notifications = notifications;
    deemedApprovalStep.profile = profile;
    deemedApprovalStep.calendar = calendar;
    deemedApprovalStep.clock = clock;
    deemedApprovalStep.licences = licenceGrants;
    results.documents = documentRepo;
    results.applications = applicationRepo;
    results.clock = clock;
    results.tx = new InTransaction();
  }

  /** The pre-review job on this portal's repositories, with a real pre-reviewer. */
  PreReviewJob preReviewJob(cn.wssp.prereview.PreReviewer preReviewer) {
    PreReviewJob job = new PreReviewJob();
    job.applications = applicationRepo;
    job.preReviewer = preReviewer;
    job.objects = objects;
    job.audit = audit;
    job.notifications = notifications;
    job.clock = clock;
    job.rules = rules;
    job.tx = new InTransaction();
    job.pace = new PreReviewPace();
    job.pace.jobs = jobRepo;
    return job;
  }

  private UserAccount user(String username, Set<Role> roles) {
    return accountRepo.add(new UserAccount(username, username, "no-password", roles));
  }

  static Actor actor(UserAccount user) {
    return Actor.of(user);
  }

  /** A material recorded as uploaded (its bytes in the in-memory store). */
  void uploaded(Application app, String materialCode) {
    String key = "applications/" + app.id() + "/" + materialCode;
    objects.objects.put(key, new byte[] {1, 2, 3});
    applications.recordMaterial(actor(applicant), app.id(), materialCode, materialCode + ".pdf",
        "application/pdf", 3, InMemoryObjectStoreSha.of(new byte[] {1, 2, 3}), key);
  }

  /** An application of the demo enterprise, submitted, with the pre-review's proposal recorded. */
  Application preReviewed(Matter matter, Verdict verdict, FindingRecord... findings) {
    Application app = applications.create(actor(applicant), matter.code());
    for (MaterialSpec m : matter.materials()) {
      uploaded(app, m.code());
    }
    applications.submit(actor(applicant), app.id());
    applicationRepo.replaceFindings(app.id(), List.of(findings));
    app.recordPreReview(verdict, Instant.now(clock));
    return app;
  }

  /** An accepted application, ready for the chief representative. */
  Application accepted(Matter matter) {
    Application app = preReviewed(matter, Verdict.COMPLETE);
    acceptance.decide(actor(clerk), app.id(), AcceptanceAction.ACCEPT, null);
    return app;
  }

  /** An application approved by the market department's chief (role B) and issued. */
  Application issued(Matter matter) {
    Application app = accepted(matter);
    decisions.decide(actor(chiefB), app.id(), DecisionOutcome.APPROVE, "准予许可。", PIN);
    return app;
  }

  List<AuditAction> auditActions(Application app) {
    return auditRepo.ofApplication(app.id()).stream().map(AuditEntry::action).toList();
  }
}
