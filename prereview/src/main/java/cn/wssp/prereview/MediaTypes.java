package cn.wssp.prereview;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeType;
import org.apache.tika.mime.MimeTypeException;
import org.apache.tika.mime.MimeTypes;

/**
 * Media-type knowledge the checks share: families with friendly names (PDF, JPG, Word, ..., the
 * names of {@link TypeLabels}), which types are programs, which are ZIP-based, and when a name and
 * a content agree. Uses Tika's type registry (tika-mimetypes.xml) so that subtypes (docx under ZIP,
 * PE32 under MZ) are understood.
 */
final class MediaTypes {
  static final MediaType ZIP = MediaType.application("zip");
  static final MediaType GZIP = MediaType.application("gzip");
  static final MediaType BZIP2 = MediaType.application("x-bzip2");
  static final MediaType PDF = MediaType.application("pdf");
  static final MediaType OOXML = MediaType.application("x-tika-ooxml");
  /** A password-protected docx/xlsx/pptx: an OLE2 wrapper that does not say which it holds. */
  static final MediaType OOXML_PROTECTED = MediaType.application("x-tika-ooxml-protected");

  /** Programs and scripts, with the label key of their kind. Subtypes are covered by the walk. */
  private static final Map<String, String> EXECUTABLE = Map.ofEntries(
      Map.entry("application/x-msdownload", "label.executable.windows"),
      Map.entry("application/x-dosexec", "label.executable.windows"),
      Map.entry("application/x-elf", "label.executable.linux"),
      Map.entry("application/x-mach-o", "label.executable.mac"),
      Map.entry("application/x-mach-o-universal", "label.executable.mac"),
      Map.entry("application/java-archive", "label.executable.java"),
      Map.entry("application/java-vm", "label.executable.java"),
      Map.entry("application/x-java-jnlp-file", "label.executable.java"),
      Map.entry("application/x-ms-installer", "label.executable.installer"),
      Map.entry("application/x-sh", "label.executable.script"),
      Map.entry("application/x-bat", "label.executable.script"),
      Map.entry("text/x-vbscript", "label.executable.script"),
      Map.entry("text/x-perl", "label.executable.script"),
      Map.entry("text/x-python", "label.executable.script"),
      Map.entry("text/x-php", "label.executable.script"),
      Map.entry("text/javascript", "label.executable.script"),
      Map.entry("application/x-shockwave-flash", "label.executable.script"));

  /** Loose spellings administrators write for accepted types. */
  private static final Map<String, String> ALIASES = Map.of(
      "image/jpg", "image/jpeg",
      "image/pjpeg", "image/jpeg",
      "image/x-png", "image/png",
      "application/x-pdf", "application/pdf");

  private static volatile MediaTypes standard;

  private final MimeTypes mimeTypes;
  private final MediaTypeRegistry registry;

  /** Over Tika's default types, as loaded for this module's class loader. */
  static MediaTypes standard() {
    MediaTypes s = standard;
    if (s == null) {
      s = new MediaTypes(MimeTypes.getDefaultMimeTypes(MediaTypes.class.getClassLoader()));
      standard = s;
    }
    return s;
  }

  MediaTypes(MimeTypes mimeTypes) {
    this.mimeTypes = mimeTypes;
    this.registry = mimeTypes.getMediaTypeRegistry();
  }

  MediaTypeRegistry registry() {
    return registry;
  }

  /** The type a file name implies (glob patterns only), or null when the name says nothing. */
  MediaType forName(String fileName) {
    if (fileName == null || fileName.isBlank()) {
      return null;
    }
    Metadata m = new Metadata();
    m.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
    try {
      MediaType t = mimeTypes.detect(null, m);
      return MediaType.OCTET_STREAM.equals(t) ? null : t;
    } catch (IOException e) {
      throw new UncheckedIOException(e); // cannot happen without a stream
    }
  }

  /** {@code type} equals {@code ancestor} or is a subtype of it (parameters ignored). */
  boolean isA(MediaType type, MediaType ancestor) {
    if (type == null || ancestor == null) {
      return false;
    }
    MediaType t = registry.normalize(type);
    MediaType a = registry.normalize(ancestor).getBaseType();
    return t.getBaseType().equals(a) || registry.isSpecializationOf(t, a);
  }

  /** The type and its ancestors, most specific first, parameters dropped after the first. */
  List<MediaType> lineage(MediaType type) {
    List<MediaType> line = new ArrayList<>();
    MediaType t = registry.normalize(type);
    while (t != null && line.size() < 20) {
      line.add(t.getBaseType());
      t = registry.getSupertype(t);
    }
    return line;
  }

  boolean isZipBased(MediaType type) {
    return isA(type, ZIP);
  }

  /** Label key of the kind of program, or null when {@code type} is no program or script. */
  String executableKind(MediaType type) {
    if (type == null) {
      return null;
    }
    for (MediaType t : lineage(type)) {
      String key = EXECUTABLE.get(t.toString());
      if (key != null) {
        return key;
      }
      if (t.toString().startsWith("application/x-mach-o")) {
        return "label.executable.mac";
      }
    }
    return null;
  }

  String family(MediaType type) {
    if (type == null) {
      return null;
    }
    for (MediaType t : lineage(type)) {
      String f = TypeLabels.LABELS.get(t.toString());
      if (f != null) {
        return f;
      }
    }
    return null;
  }

  /** What to call a detected type in a message: "PDF", "Word", "Windows 可执行程序", ... */
  String label(MediaType type) {
    if (type == null || MediaType.OCTET_STREAM.equals(type.getBaseType())) {
      return Messages.text("label.unknown");
    }
    String program = executableKind(type);
    if (program != null) {
      return Messages.text(program);
    }
    String family = family(type);
    if (family != null) {
      return family;
    }
    if (isA(type, OOXML_PROTECTED)) {
      return Messages.text("label.protected-office");
    }
    if (isA(type, MediaType.TEXT_PLAIN)) {
      return Messages.text("label.text");
    }
    try {
      MimeType mt = mimeTypes.forName(type.getBaseType().toString());
      String ext = mt.getExtension();
      if (ext != null && ext.length() > 1) {
        return ext.substring(1).toUpperCase(Locale.ROOT);
      }
    } catch (MimeTypeException e) {
      // fall through to the raw type
    }
    return type.getBaseType().toString();
  }

  /** Whether the bytes were recognised as anything at all. */
  boolean recognised(MediaType type) {
    return type != null && !MediaType.OCTET_STREAM.equals(type.getBaseType());
  }

  /** Accepted types as an applicant reads them: "PDF、JPG、PNG" (see {@link TypeLabels}). */
  String acceptedLabels(List<String> accepted) {
    return TypeLabels.of(accepted);
  }

  /** Whether the detected type is one of the accepted ones (or a subtype of one). */
  boolean accepted(MediaType detected, List<String> accepted) {
    if (detected == null || accepted == null) {
      return false;
    }
    for (String a : accepted) {
      MediaType t = parseAccepted(a);
      if (t != null && isA(detected, t)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a name and a content disagree. They agree when the content is the named type or a
   * subtype of it, when the content is only a generic container the name narrows (a ZIP named
   * .docx, unknown bytes named .pdf: whether it really is one the parser then tells), or when both
   * are of one family (a .doc holding a docx). The judgement rests on the content.
   */
  boolean mismatch(MediaType content, MediaType named) {
    if (named == null || content == null) {
      return false;
    }
    if (isA(content, named) || isA(named, content) || protectedOoxmlNamed(content, named)) {
      return false;
    }
    String f = family(content);
    return f == null || !f.equals(family(named));
  }

  /**
   * The type to report and judge: what the bytes say, narrowed by the name only where the bytes
   * are an ambiguous container: {@code hinted} (detection with the name) refines {@code content},
   * or the content is a protected OOXML wrapper and the name says which Office format it is.
   */
  /**
   * Whether detection with the name could narrow {@code content}: only when the name's type is a
   * subtype of it (Tika's detectors take the name's type where the bytes leave it open, and keep
   * the bytes' type otherwise), so {@link #narrow} would otherwise get {@code content} back.
   */
  boolean nameMayNarrow(MediaType content, MediaType named) {
    return named != null && content != null && registry.isSpecializationOf(named, content);
  }

  MediaType narrow(MediaType content, MediaType hinted, MediaType named) {
    if (hinted != null && registry.isSpecializationOf(hinted, content)) {
      return hinted;
    }
    if (protectedOoxmlNamed(content, named)) {
      return named;
    }
    return content;
  }

  private boolean protectedOoxmlNamed(MediaType content, MediaType named) {
    return named != null && isA(content, OOXML_PROTECTED) && isA(named, OOXML);
  }

  /** Accepted-type entries are media types; "pdf" or ".jpg" and loose spellings are tolerated. */
  MediaType parseAccepted(String entry) {
    if (entry == null || entry.isBlank()) {
      return null;
    }
    String e = entry.trim().toLowerCase(Locale.ROOT);
    if (!e.contains("/")) {
      return forName("x." + (e.startsWith(".") ? e.substring(1) : e));
    }
    MediaType t = MediaType.parse(ALIASES.getOrDefault(e, e));
    return t == null ? null : registry.normalize(t);
  }
}
