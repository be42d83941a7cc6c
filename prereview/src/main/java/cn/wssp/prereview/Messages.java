package cn.wssp.prereview;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;

/** The wording of findings, read once from {@code findings_zh.properties} (UTF-8). */
final class Messages {
  private static final Properties TEXT = load();

  private Messages() {}

  /** Formats {@code key}; by convention {0} is the material's name and {1} the file name. */
  static String format(String key, Object... args) {
    String pattern = TEXT.getProperty(key);
    if (pattern == null) {
      throw new IllegalArgumentException("no message for key " + key + " in findings_zh.properties");
    }
    return new MessageFormat(pattern, Locale.SIMPLIFIED_CHINESE).format(args);
  }

  static String text(String key) {
    return format(key);
  }

  /** Human size: "512 字节", "340 KB", "12.5 MB", "2.0 GB". */
  static String size(long bytes) {
    if (bytes < 1024) {
      return bytes + " 字节";
    }
    String[] units = {"KB", "MB", "GB", "TB"};
    double value = bytes;
    int unit = -1;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    String number = value >= 100 || value == Math.rint(value)
        ? String.valueOf(Math.round(value))
        : String.format(Locale.ROOT, "%.1f", value);
    return number + " " + units[unit];
  }

  private static Properties load() {
    Properties p = new Properties();
    try (InputStream in = Messages.class.getResourceAsStream("findings_zh.properties")) {
      if (in == null) {
        throw new IllegalStateException("findings_zh.properties missing from the classpath");
      }
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }
}
