package cn.wssp.portal.interfaces.web;

import cn.wssp.portal.application.AuditQueries;
import cn.wssp.portal.application.SupervisionService;
import cn.wssp.portal.interfaces.security.CurrentActor;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Map;

/**
 * 电子监察 dashboard (SUPERVISOR): the figures of {@link SupervisionService}, two charts (open
 * cases by light; open and overdue by department), the overdue list, the audit chain's check.
 * The charts are Chart.js configurations rendered by PrimeFaces' p:chart.
 */
@Named
@RequestScoped
public class SupervisionBean {
  private static final Map<String, String> LIGHT_COLOURS =
      Map.of("GREEN", "#2e7d32", "YELLOW", "#f9a825", "RED", "#c62828");

  @Inject
  CurrentActor current;

  @Inject
  SupervisionService supervision;

  @Inject
  AuditQueries audit;

  private SupervisionService.Summary summary;
  private List<SupervisionService.OverdueLine> overdue;
  private AuditQueries.ChainCheck chainCheck;
  private boolean refused;

  /** The page's view action: the figures, or the refusal as a page message. */
  public void load() {
    getSummary();
  }

  public SupervisionService.Summary getSummary() {
    if (summary == null && !refused) {
      summary = Pages.attempt(() -> supervision.summary(current.require()));
      refused = summary == null; // said once, as a page message
    }
    return summary;
  }

  public List<SupervisionService.OverdueLine> getOverdue() {
    if (overdue == null && !refused) {
      overdue = Pages.attempt(() -> supervision.overdue(current.require()));
    }
    return overdue == null ? List.of() : overdue;
  }

  /** Runs the audit log's hash-chain check (on request: it reads every entry). */
  public void verifyAudit() {
    chainCheck = Pages.attempt(() -> audit.verify(current.require()));
  }

  public AuditQueries.ChainCheck getChainCheck() {
    return chainCheck;
  }

  /** Percent with one decimal, or "—" when there is nothing to measure yet. */
  public String percent(Double rate) {
    return rate == null ? "—" : String.format("%.1f%%", rate * 100);
  }

  public String number(Double value) {
    return value == null ? "—" : String.format("%.1f", value);
  }

  /** Doughnut: open cases by light. */
  public String getLightsChart() {
    SupervisionService.Summary s = getSummary();
    JsonArrayBuilder labels = Json.createArrayBuilder();
    JsonArrayBuilder data = Json.createArrayBuilder();
    JsonArrayBuilder colours = Json.createArrayBuilder();
    if (s != null) {
      for (Map.Entry<String, Long> e : s.byLight().entrySet()) {
        labels.add(message("light." + e.getKey()));
        data.add(e.getValue());
        colours.add(LIGHT_COLOURS.getOrDefault(e.getKey(), "#999999"));
      }
    }
    return chart("doughnut", labels, Json.createArrayBuilder().add(Json.createObjectBuilder()
        .add("data", data).add("backgroundColor", colours)));
  }

  /** Bars: open and overdue cases per department. */
  public String getDepartmentsChart() {
    SupervisionService.Summary s = getSummary();
    JsonArrayBuilder labels = Json.createArrayBuilder();
    JsonArrayBuilder open = Json.createArrayBuilder();
    JsonArrayBuilder late = Json.createArrayBuilder();
    if (s != null) {
      for (SupervisionService.DepartmentLine d : s.byDepartment()) {
        labels.add(d.department());
        open.add(d.open());
        late.add(d.overdue());
      }
    }
    return chart("bar", labels, Json.createArrayBuilder()
        .add(Json.createObjectBuilder().add("label", message("supervision.open"))
            .add("data", open).add("backgroundColor", "#1565c0"))
        .add(Json.createObjectBuilder().add("label", message("supervision.overdue"))
            .add("data", late).add("backgroundColor", LIGHT_COLOURS.get("RED"))));
  }

  private static String chart(String type, JsonArrayBuilder labels, JsonArrayBuilder datasets) {
    JsonObjectBuilder options = Json.createObjectBuilder()
        .add("responsive", true)
        .add("maintainAspectRatio", false)
        .add("animation", false);
    return Json.createObjectBuilder().add("type", type)
        .add("data", Json.createObjectBuilder().add("labels", labels).add("datasets", datasets))
        .add("options", options).build().toString();
  }

  /** A text of the page's bundle (msg) in the visitor's language. */
  private static String message(String key) {
    FacesContext faces = FacesContext.getCurrentInstance();
    return faces.getApplication().getResourceBundle(faces, "msg").getString(key);
  }
}
