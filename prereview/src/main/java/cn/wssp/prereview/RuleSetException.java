package cn.wssp.prereview;

/**
 * A rule set that cannot be used. The message is Chinese, for the administrator who wrote it, and
 * names the place: a JSON position (第 3 行第 15 列) or a field path such as
 * {@code materials[1].checks[0].severity}.
 */
public final class RuleSetException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final String path;

  RuleSetException(String path, String message) {
    super("规则集无效：" + (path == null || path.isEmpty() ? "" : path + "：") + message);
    this.path = path;
  }

  /** The field concerned ({@code materials[1].checks[0].severity}), or the JSON position. */
  public String path() {
    return path;
  }
}
