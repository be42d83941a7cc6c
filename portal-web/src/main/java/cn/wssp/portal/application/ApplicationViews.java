package cn.wssp.portal.application;

import cn.wssp.portal.application.ApplicationView.*;
import cn.wssp.portal.domain.model.*;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Builds {@link ApplicationView}s from the domain, the one place the view is assembled. */
@ApplicationScoped
public class ApplicationViews {
  @Inject
  ApplicationService applications;

  @Inject
  DocumentRepository documents;

  @Inject
  ForwardingRepository forwardings;

  @Inject
  DepartmentReviewRepository reviews;

  @Inject
  Calendars calendar;

  @Inject
  Clock clock;

  @Inject
  InTransaction tx;

  /**
   * The application as the actor may see it, read in one transaction. A refusal is recorded
   * outside it ({@link ApplicationService#visible}, in a transaction of its own): nested in this
   * one, each refused read would hold one connection while it waits for a second, and a burst
   * of them could empty the pool.
   */
  public ApplicationView of(Actor actor, Long applicationId) {
    ApplicationView view = tx.reading(() -> applications.ifVisible(actor, applicationId)
        .map(app -> assemble(actor, app)).orElse(null));
    return view != null ? view : of(actor, applications.visible(actor, applicationId));
  }

  public ApplicationView of(Actor actor, Application app) {
    return tx.reading(() -> assemble(actor, app));
  }

  /** {@link ApplicationService#list}, each as the actor may see it, in one transaction. */
  public List<ApplicationView> list(Actor actor, java.util.Set<ApplicationStatus> statuses) {
    return tx.reading(() -> applications.list(actor, statuses).stream()
        .map(a -> assemble(actor, a)).toList());
  }

  /** One page of {@link ApplicationService#page}, in one transaction. */
  public ApplicationService.Page<ApplicationView> page(Actor actor,
      java.util.Set<ApplicationStatus> statuses, int page, int size) {
    return tx.reading(() -> {
      ApplicationService.Page<Application> one = applications.page(actor, statuses, page, size);
      return new ApplicationService.Page<>(
          one.rows().stream().map(a -> assemble(actor, a)).toList(), one.total());
    });
  }

  private ApplicationView assemble(Actor actor, Application app) {
    Map<String, MaterialFile> files = applications.materialFiles(app.id()).stream()
        .collect(Collectors.toMap(MaterialFile::materialCode, Function.identity()));
    List<Material> materials = app.matter().materials().stream().map(spec -> {
      MaterialFile f = files.get(spec.code());
      return new Material(spec.code(), spec.name(), spec.required(), spec.commitable(),
          spec.acceptedTypes(), f == null ? null : f.fileName(), f == null ? null : f.mediaType(),
          f == null ? null : f.size(), f == null ? null : f.sha256(),
          f == null ? null : f.uploadedAt(), spec.maxBytes(), spec.maxPages());
    }).toList();
    List<UploadedMaterial> uploaded = materials.stream().filter(Material::uploaded)
        .map(m -> new UploadedMaterial(m.materialCode(), m.fileName(), m.mediaType(), m.size(),
            m.sha256(), m.uploadedAt()))
        .toList();
    PreReview preReview = null;
    if (app.preReviewVerdict() != null) {
      // What the window set aside (不采纳) is the staff's business, not a defect to fix.
      List<FindingView> findings = applications.findingsOf(app.id()).stream()
          .filter(f -> actor.isStaff() || !f.overruled())
          .map(f -> new FindingView(f.id(), f.materialCode(), f.code(), f.severity(), f.message(),
              f.hasEvidence() ? new EvidenceView(f.evidencePage(), f.evidenceSnippet(),
                  f.evidenceOcrConfidence()) : null,
              f.overruled() ? new OverruleView(f.overruledReason(), f.overruledBy(),
                  f.overruledAt()) : null))
          .toList();
      preReview = new PreReview(app.preReviewVerdict(), app.preReviewedAt(), app.rulesVersion(),
          findings);
    }
    Commitment signed = applications.commitmentOf(app.id()).orElse(null);
    CommitmentView commitment = signed == null ? null
        : new CommitmentView(signed.materials(), signed.dueDate(), signed.signedAt(),
            signed.status(), signed.status().label());
    List<DocumentView> docs = documents.ofApplication(app.id()).stream()
        .map(ApplicationViews::document).toList();
    JointDecision joint = new JointDecision(app, reviews.decisions(app.id()));
    var actions = AccessPolicy.actionsFor(actor, app, signed != null,
        app.isSupplyingPromised(null, signed),
        docs.stream().anyMatch(d -> d.kind().equals(DocumentKind.APPROVAL_DECISION.name())));
    AccessPolicy.narrowToDepartment(actions, actor, app, app.matter().departments().stream()
        .anyMatch(d -> d.id().equals(actor.departmentId()) && joint.of(d).isPresent()));
    var evaluation = applications.evaluationOf(app.id())
        .map(e -> new EvaluationView(e.score(), e.comment(), e.evaluatedAt())).orElse(null);
    if (evaluation != null) {
      actions.remove(ApplicationAction.EVALUATE);
    }
    // A listed enterprise (失信) is not offered what it would be refused; it is told why instead.
    String commitmentRefusal = actions.contains(ApplicationAction.COMMIT)
        ? applications.commitmentRefusal(actor, app.id()).orElse(null) : null;
    if (commitmentRefusal != null) {
      actions.remove(ApplicationAction.COMMIT);
    }
    return new ApplicationView(app.id(), app.number(), app.matter().code(), app.matter().name(),
        app.enterprise().name(), app.status().name(), app.status().label(), app.createdAt(),
        app.submittedAt(), preReview, uploaded, materials, deadlines(app), commitment, docs,
        actions,
        AccessPolicy.isOwner(actor, app) ? app.trackingCode() : null,
        evaluation,
        departmentDecisions(app, joint),
        AccessPolicy.canReadOpinions(actor, app) ? opinions(app) : List.of(),
        app.status() == ApplicationStatus.SUPPLEMENT_REQUESTED ? app.supplementReason() : null,
        reviewSupplement(app), commitmentRefusal,
        forwardings.of(app.id()).map(f -> forwarding(f, AccessPolicy.canReadOpinions(actor, app)))
            .orElse(null));
  }

  private static ApplicationView.ForwardingView forwarding(Forwarding f, boolean internal) {
    return new ApplicationView.ForwardingView(f.department().name(), f.authority(),
        internal ? f.opinion() : null, internal ? f.forwardedBy().displayName() : null,
        f.forwardedAt(), f.replyReference(),
        f.replyOutcome() == null ? null : f.replyOutcome().name(), f.answeredAt());
  }

  private static ReviewSupplementView reviewSupplement(Application app) {
    if (app.status() != ApplicationStatus.REVIEW_SUPPLEMENT_REQUESTED) {
      return null;
    }
    List<String> codes = app.reviewSupplementMaterials();
    return new ReviewSupplementView(app.reviewSupplementReason(), codes,
        app.matter().materialNames(codes), app.reviewSupplementAt(), app.reviewPausedOn());
  }

  private static List<DepartmentDecisionView> departmentDecisions(Application app,
      JointDecision joint) {
    return app.matter().departments().stream().map(d -> joint.of(d)
        .map(x -> new DepartmentDecisionView(d.name(), d.code(), x.outcome().name(),
            JointDecision.label(x.outcome()), x.text(), x.decidedAt(), x.chief().username(),
            x.chief().displayName()))
        .orElse(new DepartmentDecisionView(d.name(), d.code(), null, null, null, null, null, null)))
        .toList();
  }

  private List<OpinionView> opinions(Application app) {
    return reviews.opinions(app.id()).stream()
        .map(o -> new OpinionView(o.department().name(), o.reviewer().username(),
            o.reviewer().displayName(), o.outcome().name(), JointDecision.label(o.outcome()),
            o.reason(), o.givenAt()))
        .toList();
  }

  public static DocumentView document(Document d) {
    return new DocumentView(d.id(), d.kind().name(), d.kind().title(), d.number(), d.createdAt(),
        d.signatureCount(), d.revoked(), d.validUntil());
  }

  /** The legal deadlines with the light of the clock running now (shared by tracking). */
  public Deadlines deadlines(Application app) {
    LocalDate today = LocalDate.now(clock);
    var days = calendar.current();
    return new Deadlines(app.preReviewDue(), app.reviewDueAsOf(today, days),
        app.reviewPausedDays(today, days), light(app));
  }

  /**
   * The supervision light of the clock running now, null when none runs (shared by supervision);
   * a breached commitment is red for everyone who watches (§5) until the decision is revoked.
   */
  public Light light(Application app) {
    boolean breached = app.status() != ApplicationStatus.REVOKED && applications.commitmentOf(app.id())
        .map(c -> c.status() == CommitmentStatus.BREACHED).orElse(false);
    return breached ? Light.RED
        : Light.of(app.runningClock(), LocalDate.now(clock), calendar.current());
  }
}
