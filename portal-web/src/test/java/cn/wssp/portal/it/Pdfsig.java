package cn.wssp.portal.it;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** poppler's pdfsig as the independent verifier, trusting only the portal's root certificate. */
final class Pdfsig {
  private Pdfsig() {}

  /** pdfsig's report of the PDF, with an NSS store that holds the given root certificate. */
  static String report(Path work, byte[] pdf, String rootPem) throws Exception {
    requireTool("pdfsig", "poppler-utils");
    requireTool("certutil", "libnss3-tools");
    Path nss = Files.createDirectories(work.resolve("nss-" + System.nanoTime()));
    Path root = work.resolve("root-" + System.nanoTime() + ".pem");
    Files.writeString(root, rootPem);
    run(List.of("certutil", "-N", "-d", "sql:" + nss, "--empty-password"));
    run(List.of("certutil", "-A", "-d", "sql:" + nss, "-n", "wssp-root", "-t", "CT,C,C", "-a", "-i",
        root.toString()));
    Path file = work.resolve("doc-" + System.nanoTime() + ".pdf");
    Files.write(file, pdf);
    return run(List.of("pdfsig", "-nssdir", "sql:" + nss, file.toString()));
  }

  static void requireTool(String tool, String debianPackage) {
    boolean present = List.of("/usr/bin/" + tool, "/usr/local/bin/" + tool).stream()
        .anyMatch(p -> Files.isExecutable(Path.of(p)));
    if (!present && System.getenv("CI") != null) {
      fail(tool + " is missing: apt-get install " + debianPackage);
    }
    assumeTrue(present, tool + " not installed (apt-get install " + debianPackage + ")");
  }

  static String run(List<String> command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail(command + " timed out");
    }
    return out;
  }
}
