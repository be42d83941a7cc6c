package cn.wssp.portal.interfaces.web;

import cn.wssp.portal.application.Actor;
import cn.wssp.portal.application.ApplicationService;
import cn.wssp.portal.application.ApplicationView;
import cn.wssp.portal.application.ApplicationViews;
import cn.wssp.portal.application.MatterCatalog;
import cn.wssp.portal.application.MatterView;
import cn.wssp.portal.domain.model.ApplicationFilter;
import cn.wssp.portal.domain.model.StatusGroup;
import cn.wssp.portal.interfaces.security.CurrentActor;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * 我的办件: the applicant's enterprise's applications, filtered by status group, matter,
 * submission dates and number, paged and sorted by the database (a lazy table), newest
 * submission first unless the applicant sorts the other way.
 */
@Named
@ViewScoped
public class MyApplicationsBean implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Rows per page; the pager offers these. */
  static final int PAGE_SIZE = 10;

  @Inject
  CurrentActor current;

  @Inject
  ApplicationService applications;

  @Inject
  ApplicationViews views;

  @Inject
  MatterCatalog matters;

  /** Application-scoped (a serializable proxy): the view keeps no clock of its own. */
  @Inject
  Formats formats;

  private String group;
  private String matterCode;
  private LocalDate from;
  private LocalDate to;
  private String number;
  private transient List<MatterView> matterList;

  /** Rebuilt after the view is restored elsewhere (records and pages are not kept). */
  private transient LazyDataModel<ApplicationView> rows;

  private LazyDataModel<ApplicationView> model() {
    return new LazyDataModel<>() {
      private static final long serialVersionUID = 1L;

      @Override
      public int count(Map<String, FilterMeta> filterBy) {
        Long total = Pages.attempt(() -> applications.count(current.require(), filter(false)));
        return total == null ? 0 : (int) Math.min(Integer.MAX_VALUE, total);
      }

      @Override
      public List<ApplicationView> load(int first, int pageSize, Map<String, SortMeta> sortBy,
          Map<String, FilterMeta> filterBy) {
        // The one sortable column is the submission time.
        SortMeta sort = sortBy == null ? null : sortBy.values().stream().findFirst().orElse(null);
        boolean oldestFirst = sort != null && sort.getOrder() == SortOrder.ASCENDING;
        List<ApplicationView> page = Pages.attempt(() -> {
          Actor actor = current.require();
          var found = applications.page(actor, filter(oldestFirst), first, pageSize);
          setRowCount((int) Math.min(Integer.MAX_VALUE, found.total()));
          return found.rows().stream().map(a -> views.of(actor, a)).toList();
        });
        return page == null ? List.of() : page;
      }

      @Override
      public String getRowKey(ApplicationView a) {
        return String.valueOf(a.id());
      }

      @Override
      public ApplicationView getRowData(String key) {
        return getWrappedData() == null ? null : ((List<ApplicationView>) getWrappedData()).stream()
            .filter(a -> String.valueOf(a.id()).equals(key)).findFirst().orElse(null);
      }
    };
  }

  /** The filter as the form holds it now; dates are whole days in Beijing time. */
  ApplicationFilter filter(boolean oldestFirst) {
    var statuses = group == null || group.isBlank() ? null : StatusGroup.valueOf(group).statuses();
    return new ApplicationFilter(statuses, null, matterCode, startOf(from),
        to == null ? null : startOf(to.plusDays(1)), number, oldestFirst);
  }

  private Instant startOf(LocalDate day) {
    return day == null ? null : day.atStartOfDay(formats.zone()).toInstant();
  }

  /** 查询: the filter applies from the first page on. */
  public void search() {
    if (from != null && to != null && to.isBefore(from)) {
      Pages.fieldError("mineForm:to", Pages.label("mine.badRange"));
    }
    firstPage();
  }

  /** 重置: every filter cleared. */
  public void reset() {
    group = null;
    matterCode = null;
    from = null;
    to = null;
    number = null;
    firstPage();
  }

  private void firstPage() {
    var table = FacesContext.getCurrentInstance().getViewRoot().findComponent("w:mine");
    if (table instanceof DataTable t) {
      t.setFirst(0);
    }
  }

  public LazyDataModel<ApplicationView> getRows() {
    if (rows == null) {
      rows = model();
    }
    return rows;
  }

  public StatusGroup[] getGroups() {
    return StatusGroup.values();
  }

  public List<MatterView> getMatters() {
    if (matterList == null) {
      matterList = matters.all();
    }
    return matterList;
  }

  public int getPageSize() {
    return PAGE_SIZE;
  }

  public String getGroup() { return group; }
  public void setGroup(String value) { this.group = value; }
  public String getMatterCode() { return matterCode; }
  public void setMatterCode(String value) { this.matterCode = value; }
  public LocalDate getFrom() { return from; }
  public void setFrom(LocalDate value) { this.from = value; }
  public LocalDate getTo() { return to; }
  public void setTo(LocalDate value) { this.to = value; }
  public String getNumber() { return number; }
  public void setNumber(String value) { this.number = value; }
}
