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
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * A worker JVM of {@link WorkerPool}: reads its configuration from stdin, loads Tika and warms it
 * on a small PDF of its own, answers {@link WorkerPool#READY}, then examines one file per request
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
      status = serve(requests, answers);
    } catch (OutOfMemoryError e) {
      status = IsolatedInspector.EXIT_MEMORY;
    } catch (Throwable t) {
      t.printStackTrace();
      status = 2;
    }
    // the inspector's threads may still run (a parse cancelled at its timeout): end them all
    Runtime.getRuntime().halt(status);
  }

  private static int serve(DataInputStream requests, DataOutputStream answers) throws Exception {
    byte[] config = WorkerPool.readMessage(requests);
    if (config == null) {
      return 0;
    }
    PreReviewer.Options o = options(IsolatedInspector.properties(config));
    try (ContentInspector inspector = new ContentInspector(o)) {
      warmUp(inspector, o);
      answers.writeInt(WorkerPool.READY);
      answers.flush();
      byte[] request;
      while ((request = WorkerPool.readMessage(requests)) != null) {
        Inspection i = inspect(inspector, IsolatedInspector.properties(request));
        // A parse abandoned at its timeout may still run on a thread here: serve no more.
        boolean retire = i.hostile() == Hostility.TIMEOUT
            || i.hostile() == Hostility.RESOURCE_EXHAUSTION;
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

  /**
   * Loads the classes of detection, PDF parsing and the checks once, before the first real file:
   * a small PDF of our own, examined a few times.
   */
  private static void warmUp(ContentInspector inspector, PreReviewer.Options o) {
    Path pdf = null;
    try {
      pdf = Files.createTempFile(o.effectiveTempDir(), "prereview-warmup-", ".pdf");
      try (PDDocument doc = new PDDocument()) {
        PDPage page = new PDPage();
        doc.addPage(page);
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
          cs.beginText();
          cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
          cs.newLineAtOffset(72, 700);
          cs.showText("Pre-review worker warm-up 91330106MA2B1C2D3C");
          cs.endText();
        }
        doc.save(pdf.toFile());
      }
      Path file = pdf;
      for (int i = 0; i < 3; i++) {
        inspector.inspect(new SubmittedFile("warm-up", "warm-up.pdf", Files.size(file),
            () -> Files.newInputStream(file)), 1 << 20);
      }
    } catch (IOException | RuntimeException e) {
      e.printStackTrace(); // not fatal: the first real file pays for the loading instead
    } finally {
      if (pdf != null) {
        try {
          Files.deleteIfExists(pdf);
        } catch (IOException e) {
          pdf.toFile().deleteOnExit();
        }
      }
    }
  }
}
