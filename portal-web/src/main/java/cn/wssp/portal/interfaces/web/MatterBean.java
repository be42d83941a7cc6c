package cn.wssp.portal.interfaces.web;

import cn.wssp.portal.application.ApplicationService;
import cn.wssp.portal.application.MatterCatalog;
import cn.wssp.portal.application.MatterView;
import cn.wssp.portal.domain.model.Application;
import cn.wssp.portal.interfaces.security.CurrentActor;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** Service guides (办事指南): the list and one matter's six disclosures; starts an application. */
@Named
@ViewScoped
public class MatterBean implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject
  MatterCatalog catalog;

  @Inject
  ApplicationService applications;

  @Inject
  CurrentActor current;

  private String code;
  private MatterView matter;
  private List<MatterView> all;

  public List<MatterView> getAll() {
    if (all == null) {
      all = catalog.all();
    }
    return all;
  }

  public void load() {
    if (code != null && matter == null) {
      matter = Pages.attempt(() -> catalog.one(code));
    }
  }

  public void apply() {
    Application app = Pages.attempt(() -> applications.create(current.require(), code));
    if (app != null) {
      Pages.redirect("/app/application.xhtml?id=" + app.id());
    }
  }

  /** "application/pdf" → "PDF": accepted types as applicants know them. */
  public String typeLabel(String mediaType) {
    return TypeLabels.of(mediaType);
  }

  /** "10 MB / 20 页": the limits a file must keep to. */
  public String limits(long maxBytes, int maxPages) {
    return (maxBytes >> 20) + " MB" + (maxPages > 0 ? " / " + maxPages + " 页" : "");
  }

  public String getCode() { return code; }
  public void setCode(String code) { this.code = code; }
  public MatterView getMatter() { return matter; }
}
