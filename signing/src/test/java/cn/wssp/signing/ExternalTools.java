package cn.wssp.signing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs the independent command-line tools (poppler, NSS, zbar) that check our PDFs from outside
 * Java. Missing tools skip the test on a developer machine but fail it on CI (environment variable
 * CI set), naming the Debian package to install.
 */
final class ExternalTools {

  private ExternalTools() {}

  record Output(int exitCode, String text) {}

  /** Skips (or on CI fails) unless {@code tool} is on the PATH. */
  static void require(String tool, String debianPackage) {
    if (onPath(tool)) {
      return;
    }
    String message =
        tool + " is not installed; install the Debian package: apt-get install -y " + debianPackage;
    if (System.getenv("CI") != null) {
      fail(message);
    }
    Assumptions.abort(message);
  }

  static boolean onPath(String tool) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, tool))) {
        return true;
      }
    }
    return false;
  }

  static Output run(String... command) throws IOException, InterruptedException {
    List<String> arguments = new ArrayList<>(List.of(command));
    ProcessBuilder builder = new ProcessBuilder(arguments).redirectErrorStream(true);
    builder.environment().put("LC_ALL", "C.UTF-8");
    Process process = builder.start();
    byte[] bytes = process.getInputStream().readAllBytes();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail("timed out: " + String.join(" ", arguments));
    }
    return new Output(process.exitValue(), new String(bytes, StandardCharsets.UTF_8));
  }

  /** An NSS database trusting {@code rootPem} as a CA, for pdfsig -nssdir. */
  static String nssDatabaseTrusting(Path dir, String rootPem) throws Exception {
    require("certutil", "libnss3-tools");
    Files.createDirectories(dir);
    Path pem = dir.resolve("root.pem");
    Files.writeString(pem, rootPem, StandardCharsets.US_ASCII);
    String database = "sql:" + dir.toAbsolutePath();
    Output created = run("certutil", "-N", "-d", database, "--empty-password");
    if (created.exitCode() != 0) {
      fail("certutil -N failed: " + created.text());
    }
    Output added =
        run("certutil", "-A", "-d", database, "-n", "root", "-t", "CT,C,C", "-a", "-i", pem.toString());
    if (added.exitCode() != 0) {
      fail("certutil -A failed: " + added.text());
    }
    return database;
  }

  /** pdfsig's report, one block per signature ("Signature #1:", ...). */
  static List<String> pdfsigBlocks(String nssDatabase, Path pdf) throws Exception {
    require("pdfsig", "poppler-utils");
    Output output = run("pdfsig", "-nssdir", nssDatabase, pdf.toString());
    List<String> blocks = new ArrayList<>();
    String[] parts = output.text().split("(?m)^Signature #\\d+:");
    for (int i = 1; i < parts.length; i++) {
      blocks.add(parts[i]);
    }
    return blocks;
  }
}
