package cn.wssp.portal.interfaces.rest;

import java.util.Locale;

/** Parameters of a header such as Content-Disposition or Content-Type ({@code type; a=b; c="d"}). */
final class ContentDisposition {
  private ContentDisposition() {}

  /**
   * The value of parameter {@code name} (case-insensitive), unquoted, or null. Semicolons inside
   * quotes belong to the value; a backslash in quotes escapes the next character (RFC 7230).
   */
  static String parameter(String header, String name) {
    if (header == null) {
      return null;
    }
    int i = header.indexOf(';');
    while (i >= 0 && i < header.length()) {
      int start = i + 1;
      int eq = header.indexOf('=', start);
      if (eq < 0) {
        return null;
      }
      String key = header.substring(start, eq).trim().toLowerCase(Locale.ROOT);
      StringBuilder value = new StringBuilder();
      int j = eq + 1;
      while (j < header.length() && header.charAt(j) == ' ') {
        j++;
      }
      if (j < header.length() && header.charAt(j) == '"') {
        for (j++; j < header.length() && header.charAt(j) != '"'; j++) {
          char c = header.charAt(j);
          if (c == '\\' && j + 1 < header.length()) {
            c = header.charAt(++j);
          }
          value.append(c);
        }
        j = header.indexOf(';', j);
      } else {
        int end = header.indexOf(';', j);
        value.append(header, j, end < 0 ? header.length() : end);
        j = end;
        value = new StringBuilder(value.toString().trim());
      }
      if (key.equals(name.toLowerCase(Locale.ROOT))) {
        return value.toString();
      }
      i = j;
    }
    return null;
  }
}
