package cn.wssp.portal.interfaces.web;

import cn.wssp.portal.application.PublicResults;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** 结果公示 (public): issued approvals, 20 a page ({@code ?page=} counts from 1). */
@Named
@RequestScoped
public class ResultsBean {
  @Inject
  PublicResults results;

  private int page = 1;
  private PublicResults.Page current;

  public void load() {
    current = results.page(Math.max(1, page) - 1);
  }

  public PublicResults.Page getCurrent() { return current; }
  public int getPage() { return page; }
  public void setPage(int page) { this.page = page; }
  public boolean isHasPrevious() { return current != null && current.page() > 0; }
  public boolean isHasNext() { return current != null && current.page() + 1 < current.pages(); }
}
