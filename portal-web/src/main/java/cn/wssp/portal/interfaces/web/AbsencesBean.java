package cn.wssp.portal.interfaces.web;

import cn.wssp.portal.application.Absences;
import cn.wssp.portal.application.Delegations;
import cn.wssp.portal.domain.model.Absence;
import cn.wssp.portal.interfaces.security.CurrentActor;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The admin page's 首席代表缺席: the absences now and to come, and a form to record one. The
 * chiefs offered are those named in a delegation letter: an absence matters only to them (while
 * role B is away, role A of the same letter signs).
 */
@Named
@ViewScoped
public class AbsencesBean implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject
  CurrentActor current;

  @Inject
  Absences absences;

  @Inject
  Delegations delegations;

  private String chief;
  private LocalDate from;
  private LocalDate to;
  private String reason;
  private List<Absences.Row> rows;

  public List<Absences.Row> getRows() {
    if (rows == null) {
      rows = Pages.attempt(() -> absences.current(current.require()));
      if (rows == null) {
        rows = List.of();
      }
    }
    return rows;
  }

  /** The chiefs of the delegation letters, role B first as the letters name them. */
  public List<SelectItem> getChiefs() {
    List<Delegations.View> letters = Pages.attempt(() -> delegations.all(current.require()));
    Map<String, String> chiefs = new LinkedHashMap<>();
    for (Delegations.View d : letters == null ? List.<Delegations.View>of() : letters) {
      if (d.roleB() != null) {
        chiefs.putIfAbsent(d.roleB(), d.roleBName() + "（" + d.department() + "，B）");
      }
      if (d.roleA() != null) {
        chiefs.putIfAbsent(d.roleA(), d.roleAName() + "（" + d.department() + "，A）");
      }
    }
    List<SelectItem> items = new ArrayList<>();
    chiefs.forEach((username, label) -> items.add(new SelectItem(username, label)));
    return items;
  }

  public void record() {
    Absence recorded = Pages.attempt(() -> absences.record(current.require(), chief, from, to,
        reason));
    if (recorded != null) {
      Pages.info("已登记缺席：" + chief + " " + recorded.from() + " 至 " + recorded.to() + "。");
      rows = null;
      reason = null;
    }
  }

  public String getChief() { return chief; }
  public void setChief(String chief) { this.chief = chief; }
  public LocalDate getFrom() { return from; }
  public void setFrom(LocalDate from) { this.from = from; }
  public LocalDate getTo() { return to; }
  public void setTo(LocalDate to) { this.to = to; }
  public String getReason() { return reason; }
  public void setReason(String reason) { this.reason = reason; }
}
