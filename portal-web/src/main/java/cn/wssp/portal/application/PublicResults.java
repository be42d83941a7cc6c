package cn.wssp.portal.application;

import cn.wssp.portal.domain.model.*;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/**
 * 结果公示: issued approvals that stand, newest first, as a public register shows them: the
 * matter, the decision's number and date, the deciding department(s). Nothing about the
 * enterprise: the document number leads to the public verification page.
 */
@ApplicationScoped
public class PublicResults {
  public static final int PAGE_SIZE = 20;

  @Inject
  DocumentRepository documents;

  @Inject
  ApplicationRepository applications;

  @Inject
  Clock clock;

  @Inject
  InTransaction tx;

  public record Result(String matterName, String documentNumber, LocalDate decidedOn,
      String department) {}

  /** One page (from 0) with the total for paging. */
  public record Page(List<Result> results, int page, long total, int pages) {}

  /** Read in one transaction: query by query, one page took 144 connections from the pool. */
  public Page page(int page) {
    int p = Math.max(0, page);
    return tx.reading(() -> {
      long total = documents.countPublishedApprovals();
      List<Result> results = documents.publishedApprovals(p * PAGE_SIZE, PAGE_SIZE).stream()
          .map(this::result).toList();
      return new Page(results, p, total, (int) ((total + PAGE_SIZE - 1) / PAGE_SIZE));
    });
  }

  private Result result(Document d) {
    Application app = applications.find(d.applicationId()).orElseThrow();
    Instant decided = app.decidedAt() != null ? app.decidedAt() : d.createdAt();
    return new Result(app.matter().name(), d.number(), decided.atZone(clock.getZone()).toLocalDate(),
        app.matter().departments().stream().map(Department::name).collect(Collectors.joining("、")));
  }
}
