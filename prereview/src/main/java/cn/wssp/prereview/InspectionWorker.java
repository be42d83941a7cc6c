package cn.wssp.prereview;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

/**
 * The worker JVM of {@link IsolatedInspector}: reads a request (a UTF-8 properties file: the copied
 * upload, its name and size, the limits), examines the file with a {@link ContentInspector} and
 * writes the serialised {@link Inspection} to the output file. Exit status 0 on success, 3 when
 * memory ran out, 2 on any other failure. Not for use by hand.
 */
public final class InspectionWorker {
  private InspectionWorker() {}

  public static void main(String[] args) {
    int status;
    try {
      status = work(Path.of(args[0]));
    } catch (OutOfMemoryError e) {
      status = IsolatedInspector.EXIT_MEMORY;
    } catch (Throwable t) {
      t.printStackTrace();
      status = 2;
    }
    // the inspector's threads may still run (a parse cancelled at its timeout): end them all
    Runtime.getRuntime().halt(status);
  }

  private static int work(Path requestFile) throws Exception {
    Properties r = new Properties();
    try (InputStream in = Files.newInputStream(requestFile)) {
      r.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    String tesseract = r.getProperty("tesseract");
    PreReviewer.Options o = PreReviewer.Options.defaults()
        .withIsolation(false)
        .withParseTimeout(Duration.ofMillis(Long.parseLong(r.getProperty("parseTimeoutMs"))))
        .withOcrTimeout(Duration.ofMillis(Long.parseLong(r.getProperty("ocrTimeoutMs"))))
        .withMaxTextChars(Integer.parseInt(r.getProperty("maxTextChars")))
        .withOcrEnabled(Boolean.parseBoolean(r.getProperty("ocrEnabled")))
        .withTesseract(tesseract == null ? null : Path.of(tesseract))
        .withOcrLanguages(r.getProperty("ocrLanguages"))
        .withMaxImagePixels(Long.parseLong(r.getProperty("maxImagePixels")))
        .withTempDir(Path.of(r.getProperty("tempDir")));
    Path input = Path.of(r.getProperty("input"));
    SubmittedFile file = new SubmittedFile("worker", r.getProperty("fileName"),
        Long.parseLong(r.getProperty("size")), () -> Files.newInputStream(input));
    Inspection i;
    try (ContentInspector inspector = new ContentInspector(o)) {
      i = inspector.inspect(file, Long.parseLong(r.getProperty("maxBytes")));
    }
    try (OutputStream out = Files.newOutputStream(Path.of(r.getProperty("output")));
        ObjectOutputStream oo = new ObjectOutputStream(out)) {
      oo.writeObject(i);
    }
    return 0;
  }
}
