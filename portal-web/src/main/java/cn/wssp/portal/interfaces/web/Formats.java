package cn.wssp.portal.interfaces.web;

import cn.wssp.portal.domain.model.ApplicationStatus;
import cn.wssp.portal.domain.model.AuditAction;
import cn.wssp.prereview.TypeLabels;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** How pages write times, dates, sizes, hashes, types and codes: #{fmt.time(x)} and friends. */
@Named("fmt")
@ApplicationScoped
public class Formats {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");

  @Inject
  Clock clock;

  /** The names in English the center gave its departments, matters and materials (null where Faces is not running: tests). */
  @Inject
  EnglishNames englishNames;

  /** "2026-11-23 18:05:12" in the portal's time zone (China Standard Time). */
  public String time(Instant at) {
    return at == null ? "" : TIME.format(at.atZone(clock.getZone()));
  }

  /**
   * An ISO-8601 instant as the API carries it ("2026-11-23T10:05:12Z") shown like {@link #time}:
   * every page shows Beijing time. Anything else is shown as it is.
   */
  public String isoTime(String iso) {
    if (iso == null || iso.isBlank()) {
      return "";
    }
    try {
      return time(java.time.OffsetDateTime.parse(iso).toInstant());
    } catch (java.time.format.DateTimeParseException e) {
      return iso;
    }
  }

  /** The portal's time zone (China Standard Time): legal days begin and end in it. */
  public java.time.ZoneId zone() {
    return clock.getZone();
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
    return TypeLabels.of(mediaTypes);
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

  public String action(AuditAction action) {
    return action == null ? "" : action.label();
  }

  /** "10 MB / 20 页": the limits a file must keep to. */
  public String limits(long maxBytes, int maxPages) {
    String size = maxBytes >= (1L << 20) ? (maxBytes >> 20) + " MB" : size(maxBytes);
    return maxPages > 0 ? size + " / " + maxPages + " " + Pages.label("unit.pages") : size;
  }

  /** File name endings a browser's picker and PrimeFaces' allowTypes accept for these types. */
  private static final java.util.Map<String, String> EXTENSIONS = java.util.Map.of(
      "application/pdf", "pdf", "image/jpeg", "jpe?g", "image/png", "png",
      "image/tiff", "tiff?", "application/ofd", "ofd",
      "application/msword", "doc",
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx");

  /**
   * The accepted file names as a regular expression (JavaScript and Java alike, to be matched
   * case-insensitively against a file's name or media type): (\.|\/)(pdf|png)$ ; null
   * (anything) when a type has no known ending, so the pre-review still judges it. upload.js
   * checks a chosen file with it before sending (data-allow of the row's upload box).
   */
  public String allowPattern(List<String> mediaTypes) {
    if (mediaTypes == null || mediaTypes.isEmpty()
        || !mediaTypes.stream().allMatch(EXTENSIONS::containsKey)) {
      return null;
    }
    return "(\\.|\\/)(" + String.join("|", mediaTypes.stream().map(EXTENSIONS::get).toList())
        + ")$";
  }

  /** allowTypes of a p:fileUpload: {@link #allowPattern} in PrimeFaces' /…/i form. */
  public String allowTypes(List<String> mediaTypes) {
    String pattern = allowPattern(mediaTypes);
    return pattern == null ? null : "/" + pattern + "/i";
  }

  /** The accept attribute of the file picker: the media types themselves. */
  public String accept(List<String> mediaTypes) {
    return mediaTypes == null ? null : String.join(",", mediaTypes);
  }

  /** A list as one line: 市场监督管理局、卫生健康委员会. */
  public String join(List<String> items) {
    return items == null ? "" : String.join("、", items);
  }

  /** Names quoted in a sentence: 「营业执照副本」、「申请书」, in English “Business licence”, “…”. */
  public String quoted(List<String> names) {
    if (names == null) {
      return "";
    }
    boolean en = english.getAsBoolean();
    return String.join(en ? ", " : "、",
        names.stream().map(n -> en ? "\u201c" + n + "\u201d" : "「" + n + "」").toList());
  }

  private static final DateTimeFormatter CN_TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");
  private static final DateTimeFormatter CN_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");
  private static final DateTimeFormatter EN_TIME =
      DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", java.util.Locale.ENGLISH);
  private static final DateTimeFormatter EN_DATE =
      DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.ENGLISH);

  /** "2026年12月5日 14:03" in Beijing time ("5 Dec 2026, 14:03" in English): the timeline's. */
  public String longTime(Instant at) {
    return at == null ? "" : (english.getAsBoolean() ? EN_TIME : CN_TIME).format(at.atZone(clock.getZone()));
  }

  /** "2026年12月8日" ("8 Dec 2026" in English). */
  public String longDate(LocalDate d) {
    return d == null ? "" : (english.getAsBoolean() ? EN_DATE : CN_DATE).format(d);
  }

  /** The instant as a machine reads it (the datetime of an HTML time element), with its offset. */
  public String isoInstant(Instant at) {
    return at == null ? "" : at.atZone(clock.getZone()).toOffsetDateTime().toString();
  }

  /**
   * A code's label in the page's language: the domain's Chinese label, or in English the
   * bundle's {@code prefix.CODE} (only messages_en holds those: the Chinese wording stays in one
   * place, the domain). Falls back to the Chinese label when a translation is missing.
   */
  public String label(String prefix, Object code, String chinese) {
    if (code == null || !english.getAsBoolean()) {
      return chinese;
    }
    if (englishNames != null) {
      String given = switch (prefix) {
        case "matterName" -> englishNames.of(code.toString());
        case "materialName" -> englishNames.material(code.toString(), chinese);
        case "departmentName" -> englishNames.department(code.toString());
        default -> null;
      };
      if (given != null) {
        return given; // the center's own, over the bundle's
      }
    }
    java.util.ResourceBundle en = java.util.ResourceBundle.getBundle("cn.wssp.portal.web.messages",
        java.util.Locale.ENGLISH);
    String key = prefix + "." + code;
    return en.containsKey(key) ? en.getString(key) : chinese;
  }

  /**
   * A department's name in the page's language: in English the name given with the department
   * (a department is known by its Chinese name on every page), else the name as registered.
   */
  public String department(String name) {
    return label("departmentName", name, name);
  }

  /** Several departments' names, joined as {@link #join} joins. */
  public String departments(List<String> names) {
    return names == null ? "" : join(names.stream().map(this::department).toList());
  }

  /**
   * Whether {@link #label} gives this code a text of its own in the page's language (English
   * mode and an entry in the English bundle): then the Chinese original, which may hold the
   * details (which wording, which code), is shown beside it.
   */
  public boolean translated(String prefix, Object code) {
    return code != null && english.getAsBoolean() && java.util.ResourceBundle.getBundle(
        "cn.wssp.portal.web.messages", java.util.Locale.ENGLISH).containsKey(prefix + "." + code);
  }

  /** "5 个工作日", "1 working day", "5 working days". */
  public String workingDays(Number days) {
    if (days == null) {
      return "—";
    }
    if (!english.getAsBoolean()) {
      return days + " 个工作日";
    }
    return days + (days.longValue() == 1 ? " working day" : " working days");
  }

  /** Whether the page is shown in English (the view's locale); tests without Faces set it. */
  java.util.function.BooleanSupplier english = Formats::facesEnglish;

  static boolean facesEnglish() {
    var fc = jakarta.faces.context.FacesContext.getCurrentInstance();
    return fc != null && fc.getViewRoot() != null && fc.getViewRoot().getLocale() != null
        && "en".equals(fc.getViewRoot().getLocale().getLanguage());
  }
}
