package cn.wssp.portal.application;

import cn.wssp.portal.domain.model.*;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.*;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * 电子监察 (supervision): the portal's figures and an export of every application, for the
 * SUPERVISOR only. Computed from applications staff may see (submitted at least once):
 *
 * <ul>
 *   <li>{@code open}: not in a final state (not accepted, issued, withdrawn, revoked);
 *   <li>{@code byLight}: open applications by the light of their running clock (as in the
 *       application view; an application waiting for its supplement has no running clock);
 *   <li>{@code overdue}: open applications past the due date of their running clock (RED);
 *   <li>{@code onTimeRate}: of the decided applications (issued or since revoked), the share
 *       decided on or before the review due date; null when none is decided yet;
 *   <li>{@code commitments}: from the signed 承诺书: {@code open} not yet fulfilled, breached or
 *       revoked (also after the decision was issued), {@code due} of those, promised within the
 *       next 3 days (today included), {@code breached} past their date (swept or not yet);
 *   <li>{@code byDepartment}: the same per department (a joint matter counts for each of its
 *       departments), with the average 好差评 score (null when none).
 * </ul>
 */
@ApplicationScoped
public class SupervisionService {
  /** A commitment is "due" when its date is at most this many calendar days ahead. */
  static final int COMMITMENT_DUE_DAYS = 3;

  static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  @Inject
  ApplicationRepository applications;

  @Inject
  DocumentRepository documents;

  @Inject
  MatterRepository matters;

  @Inject
  ApplicationViews views;

  @Inject
  Clock clock;

  public record Summary(long open, Map<String, Long> byLight, long overdue, Double onTimeRate,
      Double averageHandlingDays, Commitments commitments, List<DepartmentLine> byDepartment) {}

  /** An open application past the due date of its running clock. */
  public record OverdueLine(Long id, String number, String matter, String departments,
      String status, LocalDate due, long daysOver) {}

  public record Commitments(long open, long due, long breached) {}

  public record DepartmentLine(String department, long open, long overdue, Double onTimeRate,
      Double averageRating) {}

  public Summary summary(Actor actor) {
    AccessPolicy.requireRole(actor, Role.SUPERVISOR, "查看电子监察汇总");
    List<Application> all = applications.allSubmitted();
    Map<Long, Light> lights = new HashMap<>();
    for (Application a : all) {
      if (!a.isFinal()) {
        lights.put(a.id(), views.light(a));
      }
    }
    Map<String, Long> byLight = new LinkedHashMap<>();
    for (Light l : Light.values()) {
      byLight.put(l.name(), lights.values().stream().filter(l::equals).count());
    }
    LocalDate today = LocalDate.now(clock);
    Map<Long, Application> byId = all.stream()
        .collect(Collectors.toMap(Application::id, a -> a));
    // A commitment outlives the decision it supported: open until fulfilled, breached or revoked.
    List<Commitment> signed = applications.commitments().stream()
        .filter(c -> byId.containsKey(c.applicationId())).toList();
    Commitments commitments = new Commitments(
        signed.stream().filter(Commitment::isOpen).count(),
        signed.stream().filter(c -> c.isOpen() && !c.dueDate().isBefore(today)
            && !c.dueDate().isAfter(today.plusDays(COMMITMENT_DUE_DAYS))).count(),
        signed.stream().filter(c -> c.status() == CommitmentStatus.BREACHED || c.isOverdue(today))
            .count());
    Map<Long, Integer> scores = applications.evaluations().stream()
        .collect(Collectors.toMap(Evaluation::applicationId, Evaluation::score, (x, y) -> x));

    // Every department has its line, also before its first application.
    Map<String, List<Application>> perDepartment = new TreeMap<>();
    for (Department d : matters.departments()) {
      perDepartment.put(d.name(), new ArrayList<>());
    }
    for (Application a : all) {
      for (Department d : a.matter().departments()) {
        perDepartment.computeIfAbsent(d.name(), k -> new ArrayList<>()).add(a);
      }
    }
    List<DepartmentLine> departments = perDepartment.entrySet().stream().map(e -> {
      List<Application> apps = e.getValue();
      OptionalDouble rating = apps.stream().filter(a -> scores.containsKey(a.id()))
          .mapToInt(a -> scores.get(a.id())).average();
      return new DepartmentLine(e.getKey(), count(apps, a -> !a.isFinal()),
          count(apps, a -> lights.get(a.id()) == Light.RED), onTimeRate(apps),
          rating.isPresent() ? round(rating.getAsDouble(), 2) : null);
    }).toList();

    return new Summary(lights.size(), byLight, byLight.get(Light.RED.name()), onTimeRate(all),
        averageHandlingDays(all), commitments, departments);
  }

  /** The open applications whose running clock is RED, most overdue first. */
  public List<OverdueLine> overdue(Actor actor) {
    AccessPolicy.requireRole(actor, Role.SUPERVISOR, "查看超期办件");
    LocalDate today = LocalDate.now(clock);
    List<OverdueLine> lines = new ArrayList<>();
    for (Application a : applications.allSubmitted()) {
      if (a.isFinal() || views.light(a) != Light.RED) {
        continue;
      }
      LocalDate due = a.runningDue();
      lines.add(new OverdueLine(a.id(), a.number(), a.matter().name(),
          a.matter().departments().stream().map(Department::name).collect(Collectors.joining("、")),
          a.status().label(), due, due == null ? 0 : java.time.temporal.ChronoUnit.DAYS.between(due, today)));
    }
    lines.sort(Comparator.comparingLong(OverdueLine::daysOver).reversed());
    return lines;
  }

  /**
   * Calendar days from submission to the decision, averaged over the decided applications (one
   * decimal); null when none is decided yet.
   */
  Double averageHandlingDays(List<Application> apps) {
    OptionalDouble average = apps.stream()
        .filter(a -> a.decidedAt() != null && a.submittedAt() != null)
        .mapToDouble(a -> java.time.Duration.between(a.submittedAt(), a.decidedAt()).toMinutes()
            / (24.0 * 60))
        .average();
    return average.isPresent() ? round(average.getAsDouble(), 1) : null;
  }

  /** Issued (or since revoked) on or before the review due date, of all decided; null if none. */
  Double onTimeRate(List<Application> apps) {
    List<Application> decided = apps.stream()
        .filter(a -> (a.status() == ApplicationStatus.ISSUED || a.status() == ApplicationStatus.REVOKED)
            && a.decidedAt() != null && a.reviewDue() != null)
        .toList();
    if (decided.isEmpty()) {
      return null;
    }
    long onTime = decided.stream()
        .filter(a -> !a.decidedAt().atZone(clock.getZone()).toLocalDate().isAfter(a.reviewDue()))
        .count();
    return round((double) onTime / decided.size(), 4);
  }

  /**
   * Every application as CSV (UTF-8 with a byte-order mark, so Excel shows the Chinese names):
   * number, matter, departments, status, submittedAt, preReviewDue, reviewDue, light, outcome,
   * decidedAt. Times in the portal's zone; outcome APPROVED, DENIED, NOT_ACCEPTED, WITHDRAWN or
   * REVOKED once there is one.
   */
  public byte[] exportCsv(Actor actor) {
    AccessPolicy.requireRole(actor, Role.SUPERVISOR, "导出电子监察数据");
    StringBuilder csv = new StringBuilder("\uFEFF");
    csv.append("number,matter,departments,status,submittedAt,preReviewDue,reviewDue,light,outcome,decidedAt\r\n");
    for (Application a : applications.allSubmitted()) {
      Light light = a.isFinal() ? null : views.light(a);
      List<String> cells = List.of(a.number(), a.matter().name(),
          a.matter().departments().stream().map(Department::name).collect(Collectors.joining("、")),
          a.status().name(), time(a.submittedAt()), text(a.preReviewDue()), text(a.reviewDue()),
          light == null ? "" : light.name(), outcome(a), time(a.decidedAt()));
      csv.append(cells.stream().map(SupervisionService::cell).collect(Collectors.joining(",")))
          .append("\r\n");
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  private String outcome(Application a) {
    return switch (a.status()) {
      case ISSUED -> documents.latest(a.id(), DocumentKind.APPROVAL_DECISION).isPresent()
          ? "APPROVED" : "DENIED";
      case NOT_ACCEPTED, WITHDRAWN, REVOKED -> a.status().name();
      default -> "";
    };
  }

  private String time(Instant t) {
    return t == null ? "" : TIME.format(t.atZone(clock.getZone()));
  }

  private static String text(Object o) {
    return o == null ? "" : o.toString();
  }

  /** RFC 4180 quoting; a leading =, +, - or @ is defused so a spreadsheet never runs it. */
  static String cell(String value) {
    String v = value == null ? "" : value;
    if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
      v = "\"" + v.replace("\"", "\"\"") + "\"";
    }
    return v;
  }

  private static long count(List<Application> apps, Predicate<Application> p) {
    return apps.stream().filter(p).count();
  }

  private static double round(double value, int places) {
    double scale = Math.pow(10, places);
    return Math.round(value * scale) / scale;
  }
}
