package cn.wssp.prereview;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds out once whether Tesseract with the wanted languages can run here. */
final class TesseractProbe {
  private static final Pattern TESSDATA = Pattern.compile("languages in \"([^\"]+)\"");

  /**
   * @param available OCR can run
   * @param executable the tesseract program (absolute) when found
   * @param tessdata its language data directory, as tesseract reports it, or null
   * @param reason why OCR is unavailable (Chinese, for logs and health pages), or null
   */
  record Result(boolean available, Path executable, Path tessdata, String reason) {
    static Result unavailable(String reason) {
      return new Result(false, null, null, reason);
    }
  }

  private TesseractProbe() {}

  /**
   * @param configured the tesseract program; null to look for "tesseract" on the PATH
   * @param languages e.g. "chi_sim+eng"; all must be installed
   */
  static Result probe(boolean enabled, Path configured, String languages, Duration timeout) {
    if (!enabled) {
      return Result.unavailable("OCR 已在配置中关闭");
    }
    Path exe = configured != null ? configured : onPath(programName());
    if (exe == null) {
      return Result.unavailable("未找到 tesseract 程序（PATH 中没有）");
    }
    if (!Files.isRegularFile(exe) || !Files.isExecutable(exe)) {
      return Result.unavailable("tesseract 程序不存在或不可执行：" + exe);
    }
    if (!exe.getFileName().toString().equals(programName())) {
      // Tika's TesseractOCRParser runs <directory>/tesseract; another name cannot be used.
      return Result.unavailable("tesseract 程序须名为 " + programName() + "：" + exe);
    }
    List<String> lines;
    try {
      lines = run(List.of(exe.toString(), "--list-langs"), timeout);
    } catch (IOException e) {
      return Result.unavailable("无法运行 tesseract：" + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Result.unavailable("检测 tesseract 时被中断");
    }
    if (lines == null) {
      return Result.unavailable("tesseract --list-langs 未正常结束");
    }
    Path tessdata = null;
    Set<String> installed = new LinkedHashSet<>();
    for (String line : lines) {
      Matcher m = TESSDATA.matcher(line);
      if (m.find()) {
        tessdata = Path.of(m.group(1));
      } else if (!line.isBlank() && !line.contains(" ")) {
        installed.add(line.trim());
      }
    }
    List<String> missing = new ArrayList<>();
    for (String lang : languages.split("\\+")) {
      if (!lang.isBlank() && !installed.contains(lang.trim())) {
        missing.add(lang.trim());
      }
    }
    if (!missing.isEmpty()) {
      return Result.unavailable("tesseract 缺少语言数据 " + String.join("、", missing)
          + "（已安装：" + String.join("、", installed) + "）");
    }
    return new Result(true, exe.toAbsolutePath(), tessdata, null);
  }

  static String programName() {
    return System.getProperty("os.name", "").startsWith("Windows") ? "tesseract.exe" : "tesseract";
  }

  private static Path onPath(String program) {
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isBlank()) {
        continue;
      }
      Path candidate = Path.of(dir, program);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  /** Output lines (stdout and stderr), or null when it failed or did not finish in time. */
  private static List<String> run(List<String> command, Duration timeout)
      throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    p.getOutputStream().close();
    try (InputStream in = p.getInputStream()) {
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        return null;
      }
      String out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return p.exitValue() == 0 ? out.lines().toList() : null;
    } finally {
      p.destroyForcibly();
    }
  }
}
