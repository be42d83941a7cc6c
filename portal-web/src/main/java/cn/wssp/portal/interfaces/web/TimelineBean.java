package cn.wssp.portal.interfaces.web;

import cn.wssp.portal.application.ApplicationView;
import cn.wssp.portal.application.TrackingService;
import cn.wssp.portal.interfaces.security.CurrentActor;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import cn.wssp.portal.domain.model.ApplicationStatus;

/**
 * 办理进度 on application.xhtml: every step so far (the public tracking's steps, one rule), when
 * (Beijing time) and where (the deciding department, or the center's window for acceptance),
 * then the legal deadlines with the light of the clock running now.
 */
@Named
@ViewScoped
public class TimelineBean implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Steps the center's unified acceptance window takes (统一受理). */
  static final Set<String> WINDOW_STEPS = Set.of("ACCEPTANCE_ACCEPT", "ACCEPTANCE_SUPPLEMENT",
      "ACCEPTANCE_NOT_ACCEPT", "DEEMED_ACCEPTED");

  @Inject
  CurrentActor current;

  @Inject
  TrackingService tracking;

  @Inject
  ApplicationBean page;

  /** One step: its name, when, where; {@code window} when the center's window took it. */
  public record StepRow(String step, String action, java.time.Instant at, String department,
      boolean window, boolean last) {}

  /**
   * One legal deadline: which (a message key), the day, and its state: RUNNING with the light,
   * DONE (its step was taken) or PENDING (its clock has not started).
   */
  public record DeadlineRow(String key, LocalDate due, String state, String light) {}

  private transient List<StepRow> steps;
  private Long loadedFor;
  private String loadedStatus;

  public List<StepRow> getSteps() {
    ApplicationView v = page.getView();
    if (v == null) {
      return List.of();
    }
    // Reloaded when the page's application changed state (an action on the same view).
    if (steps == null || !v.id().equals(loadedFor) || !v.status().equals(loadedStatus)) {
      List<TrackingService.Step> found =
          Pages.attempt(() -> tracking.stepsOf(current.require(), v.id()));
      List<StepRow> rows = new ArrayList<>();
      if (found != null) {
        for (int i = 0; i < found.size(); i++) {
          TrackingService.Step s = found.get(i);
          rows.add(new StepRow(s.step(), s.action(), s.at(), s.department(),
              WINDOW_STEPS.contains(s.action()), i == found.size() - 1));
        }
      }
      steps = rows;
      loadedFor = v.id();
      loadedStatus = v.status();
    }
    return steps;
  }

  public List<DeadlineRow> getDeadlines() {
    ApplicationView v = page.getView();
    if (v == null || v.deadlines() == null) {
      return List.of();
    }
    ApplicationView.Deadlines d = v.deadlines();
    String light = d.light() == null ? null : d.light().name();
    boolean preReviewRunning = page.isPreReviewClock() && light != null;
    boolean reviewRunning = !page.isPreReviewClock() && light != null;
    List<DeadlineRow> rows = new ArrayList<>();
    if (d.preReviewDue() != null) {
      rows.add(new DeadlineRow("timeline.due.preReview", d.preReviewDue(),
          preReviewRunning ? "RUNNING" : "DONE", preReviewRunning ? light : null));
    }
    if (d.reviewDue() != null) {
      rows.add(new DeadlineRow("timeline.due.review", d.reviewDue(),
          reviewRunning ? "RUNNING" : reviewState(v), reviewRunning ? light : null));
    }
    if (v.commitment() != null) {
      String state = switch (v.commitment().status()) {
        case OPEN -> "RUNNING";
        case BREACHED -> "BREACHED";
        default -> "DONE";
      };
      rows.add(new DeadlineRow("timeline.due.commitment", v.commitment().dueDate(), state,
          state.equals("BREACHED") ? "RED" : null));
    }
    return rows;
  }

  /** The review clock when no light runs: stopped by a decision, paused, or not started. */
  private static String reviewState(ApplicationView v) {
    ApplicationStatus status = ApplicationStatus.valueOf(v.status());
    if (status == ApplicationStatus.REVIEW_SUPPLEMENT_REQUESTED
        || status == ApplicationStatus.FORWARDED) {
      return "PAUSED";
    }
    return ApplicationStatus.FINAL.contains(status) || status == ApplicationStatus.APPROVED
        || status == ApplicationStatus.DENIED ? "DONE" : "PENDING";
  }
}
