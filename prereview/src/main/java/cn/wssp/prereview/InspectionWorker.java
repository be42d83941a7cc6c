package cn.wssp.prereview;

import cn.wssp.prereview.Inspection.Hostility;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

/**
 * A worker JVM of {@link WorkerPool}: reads its configuration from stdin, loads Tika and warms it
 * ({@link WorkerWarmUp}), answers {@link WorkerPool#READY}, then examines one file per request
 * with a {@link ContentInspector} and writes back the serialised {@link Inspection}, until stdin
 * closes. Anything the parsers print goes to stderr (the worker's log), never into the answers.
 * Exits with 3 when memory ran out (-XX:+ExitOnOutOfMemoryError). Not for use by hand.
 */
public final class InspectionWorker {
  private InspectionWorker() {}

  public static void main(String[] args) {
    // the protocol owns stdout; whatever else prints goes to the log
    DataOutputStream answers = new DataOutputStream(
        new java.io.BufferedOutputStream(new FileOutputStream(FileDescriptor.out)));
    System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true,
        StandardCharsets.UTF_8));
    DataInputStream requests = new DataInputStream(
        new java.io.BufferedInputStream(new FileInputStream(FileDescriptor.in)));
    int status;
    try {
      status = serve(requests, answers,
          () -> WorkerHeap.holdsMoreThan(WorkerHeap.LEAKED_SHARE));
    } catch (OutOfMemoryError e) {
      status = IsolatedInspector.EXIT_MEMORY;
    } catch (Throwable t) {
      t.printStackTrace();
      status = 2;
    }
    // the inspector's threads may still run (a parse cancelled at its timeout): end them all
    Runtime.getRuntime().halt(status);
  }

  /**
   * Serves until stdin closes or the worker must retire; {@code heapFull} tells whether what the
   * parsers left behind fills the heap ({@link WorkerHeap}; a test's answers what it is told).
   */
  static int serve(DataInputStream requests, DataOutputStream answers,
      java.util.function.BooleanSupplier heapFull) throws Exception {
    byte[] config = WorkerPool.readMessage(requests);
    if (config == null) {
      return 0;
    }
    PreReviewer.Options o = options(IsolatedInspector.properties(config));
    try (ContentInspector inspector = new ContentInspector(o)) {
      WorkerWarmUp.run(inspector, o.effectiveTempDir());
      answers.writeInt(WorkerPool.READY);
      answers.flush();
      byte[] request;
      while ((request = WorkerPool.readMessage(requests)) != null) {
        Inspection i = inspect(inspector, IsolatedInspector.properties(request));
        // A parse abandoned at its timeout may still run on a thread here: serve no more; nor
        // when what the parsers left behind fills half the heap (WorkerHeap).
        boolean retire = i.hostile() == Hostility.TIMEOUT
            || i.hostile() == Hostility.RESOURCE_EXHAUSTION
            || heapFull.getAsBoolean();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream oo = new ObjectOutputStream(bytes)) {
          oo.writeObject(i);
        }
        answers.writeInt(retire ? WorkerPool.OK_RETIRING : WorkerPool.OK);
        answers.writeInt(bytes.size());
        bytes.writeTo(answers);
        answers.flush();
        if (retire) {
          return 0;
        }
      }
    }
    return 0;
  }

  private static PreReviewer.Options options(Properties r) {
    String tesseract = r.getProperty("tesseract");
    return PreReviewer.Options.defaults()
        .withIsolation(false)
        .withParseTimeout(Duration.ofMillis(Long.parseLong(r.getProperty("parseTimeoutMs"))))
        .withOcrTimeout(Duration.ofMillis(Long.parseLong(r.getProperty("ocrTimeoutMs"))))
        .withMaxTextChars(Integer.parseInt(r.getProperty("maxTextChars")))
        .withOcrEnabled(Boolean.parseBoolean(r.getProperty("ocrEnabled")))
        .withTesseract(tesseract == null ? null : Path.of(tesseract))
        .withOcrLanguages(r.getProperty("ocrLanguages"))
        .withMaxImagePixels(Long.parseLong(r.getProperty("maxImagePixels")))
        .withTempDir(Path.of(r.getProperty("tempDir")));
  }

  private static Inspection inspect(ContentInspector inspector, Properties r) {
    Path input = Path.of(r.getProperty("input"));
    SubmittedFile file = new SubmittedFile("worker", r.getProperty("fileName"),
        Long.parseLong(r.getProperty("size")), () -> Files.newInputStream(input));
    return inspector.inspect(file, Long.parseLong(r.getProperty("maxBytes")));
  }
}
