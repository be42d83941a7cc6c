package cn.wssp.prereview;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.apache.tika.mime.MediaType;

/**
 * What applicants call a media type: "PDF", "JPG", "PNG", "Word", "TIFF", "OFD", ... The one list of
 * these names, used by the pre-review's findings and by the portal's pages alike.
 *
 * <p>A type is looked up after light normalisation: case, parameters ({@code ; charset=...}),
 * loose spellings ({@code image/jpg}, {@code image/pjpeg}), Tika's registered aliases, and bare
 * extensions ({@code pdf}, {@code .jpg}) are tolerated. A type without a friendly name comes back
 * as it was given.
 */
public final class TypeLabels {
  /** Between the labels of a list: "PDF、JPG、PNG". */
  public static final String SEPARATOR = "、";

  /**
   * Friendly names by media type (canonical base types). {@link MediaTypes} also names detected
   * content by this list, walking a type's ancestors until one is in it.
   */
  static final Map<String, String> LABELS = Map.ofEntries(
      Map.entry("application/pdf", "PDF"),
      Map.entry("image/jpeg", "JPG"),
      Map.entry("image/png", "PNG"),
      Map.entry("image/tiff", "TIFF"),
      Map.entry("image/gif", "GIF"),
      Map.entry("image/bmp", "BMP"),
      Map.entry("image/webp", "WebP"),
      Map.entry("application/ofd", "OFD"),
      Map.entry("application/msword", "Word"),
      Map.entry("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word"),
      Map.entry("application/vnd.ms-word.document.macroenabled.12", "Word"),
      Map.entry("application/vnd.openxmlformats-officedocument.wordprocessingml.template", "Word"),
      Map.entry("application/vnd.oasis.opendocument.text", "ODT"),
      Map.entry("application/rtf", "RTF"),
      Map.entry("application/vnd.ms-excel", "Excel"),
      Map.entry("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel"),
      Map.entry("application/vnd.ms-excel.sheet.macroenabled.12", "Excel"),
      Map.entry("application/vnd.ms-powerpoint", "PowerPoint"),
      Map.entry("application/vnd.openxmlformats-officedocument.presentationml.presentation",
          "PowerPoint"),
      Map.entry("application/zip", "ZIP"),
      Map.entry("application/x-rar-compressed", "RAR"),
      Map.entry("application/x-7z-compressed", "7Z"),
      Map.entry("application/gzip", "GZIP"),
      Map.entry("text/csv", "CSV"),
      Map.entry("text/html", "HTML"),
      Map.entry("application/xml", "XML"));

  private TypeLabels() {}

  /**
   * The friendly name of {@code mediaType} ("application/pdf" gives "PDF", "image/jpg" gives "JPG");
   * a type without one comes back unchanged, and null gives "".
   */
  public static String of(String mediaType) {
    if (mediaType == null) {
      return "";
    }
    String label = known(mediaType);
    return label == null ? mediaType : label;
  }

  /**
   * The friendly names of {@code mediaTypes} in their order, each once, joined with "、":
   * [application/pdf, image/jpeg, image/pjpeg, application/msword] gives "PDF、JPG、Word". Null and
   * blank entries are skipped; null or an empty collection gives "".
   */
  public static String of(Collection<String> mediaTypes) {
    if (mediaTypes == null) {
      return "";
    }
    Set<String> labels = new LinkedHashSet<>();
    for (String t : mediaTypes) {
      if (t != null && !t.isBlank()) {
        labels.add(of(t));
      }
    }
    return String.join(SEPARATOR, labels);
  }

  /** The friendly name, or null when the type has none. */
  private static String known(String mediaType) {
    MediaType t;
    try {
      t = MediaTypes.standard().parseAccepted(mediaType);
    } catch (RuntimeException e) {
      return null; // not a media type at all
    }
    return t == null ? null : LABELS.get(t.getBaseType().toString());
  }
}
