package cn.wssp.portal.interfaces.web;

import cn.wssp.portal.domain.model.ApplicationStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/** How pages write times, dates, sizes, hashes, types and codes: #{fmt.time(x)} and friends. */
@Named("fmt")
@ApplicationScoped
public class Formats {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");

  /** Audit actions, as the window and the supervisor call them. */
  private static final Map<String, String> ACTIONS = Map.ofEntries(
      Map.entry("CREATE", "创建申请"),
      Map.entry("UPLOAD", "上传材料"),
      Map.entry("SUBMIT", "提交申请"),
      Map.entry("PRE_REVIEW", "自动预审"),
      Map.entry("COMMITMENT", "签署承诺书"),
      Map.entry("WITHDRAW", "撤回申请"),
      Map.entry("ACCEPTANCE_ACCEPT", "受理"),
      Map.entry("ACCEPTANCE_SUPPLEMENT", "要求补正"),
      Map.entry("ACCEPTANCE_NOT_ACCEPT", "不予受理"),
      Map.entry("DECISION_APPROVE", "准予许可并签章"),
      Map.entry("DECISION_DENY", "不予许可并签章"),
      Map.entry("ISSUE", "签发文书"),
      Map.entry("DEEMED_ACCEPTED", "视为受理"),
      Map.entry("REVOKE", "撤销决定"));

  @Inject
  Clock clock;

  /** "2026-11-23 18:05:12" in the portal's time zone (China Standard Time). */
  public String time(Instant at) {
    return at == null ? "" : TIME.format(at.atZone(clock.getZone()));
  }

  /** Today in the portal's time zone: legal dates are local dates in China. */
  public LocalDate today() {
    return LocalDate.now(clock);
  }

  public String date(LocalDate d) {
    return d == null ? "" : DATE.format(d);
  }

  /** 1107 → "1.1 KB"; plain bytes below 1 KB. */
  public String size(Long bytes) {
    if (bytes == null) {
      return "";
    }
    if (bytes < 1024) {
      return bytes + " B";
    }
    if (bytes < 1024 * 1024) {
      return String.format("%.1f KB", bytes / 1024.0);
    }
    return String.format("%.1f MB", bytes / (1024.0 * 1024));
  }

  /** The first 12 hex digits: enough to compare by eye; the full value is in the tooltip. */
  public String shortHash(String sha256) {
    return sha256 == null ? "" : sha256.length() <= 12 ? sha256 : sha256.substring(0, 12) + "…";
  }

  public String type(String mediaType) {
    return TypeLabels.of(mediaType);
  }

  public String types(List<String> mediaTypes) {
    return mediaTypes == null ? "" : String.join("、", mediaTypes.stream().map(TypeLabels::of).distinct().toList());
  }

  public String status(String status) {
    if (status == null || status.isBlank()) {
      return "—";
    }
    try {
      return ApplicationStatus.valueOf(status).label();
    } catch (IllegalArgumentException e) {
      return status;
    }
  }

  public String action(String action) {
    return action == null ? "" : ACTIONS.getOrDefault(action, action);
  }

  /** "10 MB / 20 页": the limits a file must keep to. */
  public String limits(long maxBytes, int maxPages) {
    String size = maxBytes >= (1L << 20) ? (maxBytes >> 20) + " MB" : size(maxBytes);
    return maxPages > 0 ? size + " / " + maxPages + " " + Pages.label("unit.pages") : size;
  }

  /** A list as one line: 市场监督管理局、卫生健康委员会. */
  public String join(List<String> items) {
    return items == null ? "" : String.join("、", items);
  }
}
