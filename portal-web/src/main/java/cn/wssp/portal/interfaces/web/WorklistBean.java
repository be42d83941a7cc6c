package cn.wssp.portal.interfaces.web;

import cn.wssp.portal.application.Actor;
import cn.wssp.portal.application.ApplicationService;
import cn.wssp.portal.application.ApplicationView;
import cn.wssp.portal.application.ApplicationViews;
import cn.wssp.portal.domain.model.ApplicationStatus;
import cn.wssp.portal.domain.model.Light;
import cn.wssp.portal.domain.model.Role;
import cn.wssp.portal.interfaces.security.CurrentActor;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The actor's list: an applicant sees the enterprise's applications; the window clerk the ones
 * waiting for acceptance; a chief representative (or reviewer) the accepted ones of the
 * department waiting for a decision; the supervisor and the center everything.
 */
@Named
@RequestScoped
public class WorklistBean {
  @Inject
  CurrentActor current;

  @Inject
  ApplicationService applications;

  @Inject
  ApplicationViews views;

  private List<ApplicationView> rows;

  /** The light the staff list is narrowed to ({@code ?light=RED}, so a filter is a link). */
  private Light light;

  private Integer waiting;

  static final Comparator<ApplicationView> BY_DUE = Comparator.comparing(
      (ApplicationView a) -> a.deadlines() == null ? null : a.deadlines().preReviewDue(),
      Comparator.nullsLast(Comparator.naturalOrder()))
      .thenComparing(ApplicationView::submittedAt, Comparator.nullsLast(Comparator.naturalOrder()));

  public List<ApplicationView> getRows() {
    if (rows == null) {
      rows = Pages.attempt(() -> {
        Actor actor = current.require();
        List<ApplicationView> all = applications.list(actor, statusesFor(actor)).stream()
            .map(a -> views.of(actor, a)).toList();
        // The window works by the pre-review clock: the nearest due date first (none last).
        return actor.has(Role.WINDOW_CLERK) ? all.stream().sorted(BY_DUE).toList() : all;
      });
      if (rows == null) {
        rows = List.of();
      }
    }
    return rows;
  }

  /** The rows shown: all, or those of the chosen light (the red ones are what a desk fears). */
  public List<ApplicationView> getShown() {
    Light chosen = getLight();
    return chosen == null ? getRows()
        : getRows().stream().filter(a -> a.deadlines() != null && a.deadlines().light() == chosen)
            .toList();
  }

  public Light getLight() {
    if (light == null) {
      String asked = jakarta.faces.context.FacesContext.getCurrentInstance().getExternalContext()
          .getRequestParameterMap().get("light");
      light = Arrays.stream(Light.values()).filter(l -> l.name().equals(asked)).findFirst()
          .orElse(null);
    }
    return light;
  }

  /** How many rows carry each light, for the filter links. */
  public Map<Light, Long> getLightCounts() {
    Map<Light, Long> counts = new EnumMap<>(Light.class);
    for (Light l : Light.values()) {
      counts.put(l, 0L);
    }
    for (ApplicationView a : getRows()) {
      if (a.deadlines() != null && a.deadlines().light() != null) {
        counts.merge(a.deadlines().light(), 1L, Long::sum);
      }
    }
    return counts;
  }

  public List<Light> getLights() {
    return List.of(Light.RED, Light.YELLOW, Light.GREEN);
  }

  /**
   * The menu's count: what waits for this window clerk, reviewer or chief; null for the others
   * (their list is not a queue). Counted without building the rows on pages that do not show them.
   */
  public Integer getWaiting() {
    if (waiting == null) {
      Actor actor = current.get().orElse(null);
      Set<ApplicationStatus> statuses = actor == null ? Set.of() : statusesFor(actor);
      if (statuses.isEmpty()) {
        return null;
      }
      try {
        waiting = rows != null ? rows.size()
            : (int) Math.min(Integer.MAX_VALUE, applications.countSeen(actor, statuses));
      } catch (RuntimeException e) {
        return null; // a count is a courtesy: the page says nothing about it failing
      }
    }
    return waiting;
  }

  public String getTitleKey() {
    return titleKey(current.get().orElse(null));
  }

  public String getHintKey() {
    return getTitleKey() + ".hint";
  }

  public boolean isApplicant() {
    return current.get().map(a -> a.has(Role.APPLICANT)).orElse(false);
  }

  /** The deadline the light is about: pre-review while waiting for the window, then the review. */
  public LocalDate due(ApplicationView a) {
    if (a == null || a.deadlines() == null) {
      return null;
    }
    return ApplicationStatus.AWAITING_ACCEPTANCE.contains(ApplicationStatus.valueOf(a.status()))
        ? a.deadlines().preReviewDue() : a.deadlines().reviewDue();
  }

  static String titleKey(Actor actor) {
    if (actor == null) {
      return "nav.applications";
    }
    if (actor.has(Role.WINDOW_CLERK)) {
      return "worklist.clerk";
    }
    if (actor.has(Role.CHIEF_REP) || actor.has(Role.REVIEWER)) {
      return "worklist.chief";
    }
    if (actor.has(Role.APPLICANT)) {
      return "worklist.applicant";
    }
    return "worklist.all";
  }

  static Set<ApplicationStatus> statusesFor(Actor actor) {
    if (actor.has(Role.WINDOW_CLERK)) {
      return EnumSet.copyOf(ApplicationStatus.AWAITING_ACCEPTANCE);
    }
    if (actor.has(Role.CHIEF_REP) || actor.has(Role.REVIEWER)) {
      // The department's own cases, also while they wait for a 审查补正 it asked for.
      Set<ApplicationStatus> mine = EnumSet.copyOf(ApplicationStatus.DECIDABLE);
      mine.add(ApplicationStatus.REVIEW_SUPPLEMENT_REQUESTED);
      return mine;
    }
    return Set.of();
  }
}
