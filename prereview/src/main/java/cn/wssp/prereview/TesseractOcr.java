package cn.wssp.prereview;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * OCR with the tesseract program, called directly (not through Tika) so that each page's text comes
 * with Tesseract's mean word confidence: one run writes both the text (txt, inter-word spacing
 * preserved so Chinese is not split into single characters) and the word table (tsv, with the
 * confidences). Scanned PDF pages are rendered with PDFBox first. Every run is a child process
 * killed at the deadline.
 */
final class TesseractOcr {
  /** Rendering resolution of scanned PDF pages. */
  static final int DPI = 200;
  /**
   * Page segmentation mode 6, one uniform block of text: with chi_sim, the automatic layout
   * analysis (mode 3) drops whole lines of a plain certificate (a company name, a date), while
   * for keyword and code searches the reading order across columns does not matter.
   */
  static final String PAGE_SEGMENTATION = "6";

  /** Recognised text and the mean confidence (0–100) of its words. */
  record Result(String text, double confidence) {}

  private final Path executable;
  private final Path tessdata;
  private final String languages;

  TesseractOcr(TesseractProbe.Result probe, String languages) {
    this.executable = probe.executable();
    this.tessdata = probe.tessdata();
    this.languages = languages;
  }

  /** @return null when tesseract failed or missed the deadline */
  Result image(Path image, Path workDir, long deadlineNanos) throws InterruptedException {
    Path base = null;
    try {
      base = Files.createTempFile(workDir, "prereview-ocr-", "");
      List<String> cmd = new ArrayList<>(List.of(executable.toString(), image.toString(),
          base.toString(), "-l", languages, "--psm", PAGE_SEGMENTATION, "-c",
          "preserve_interword_spaces=1"));
      if (tessdata != null) {
        cmd.addAll(1, List.of("--tessdata-dir", tessdata.toString()));
      }
      cmd.addAll(List.of("txt", "tsv"));
      ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD);
      pb.environment().put("OMP_THREAD_LIMIT", "1");
      Process p = pb.start();
      try {
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0 || !p.waitFor(left, TimeUnit.NANOSECONDS) || p.exitValue() != 0) {
          return null;
        }
      } finally {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
      }
      Path txt = Path.of(base + ".txt");
      Path tsv = Path.of(base + ".tsv");
      String text = Files.exists(txt) ? Files.readString(txt, StandardCharsets.UTF_8) : "";
      double confidence = Files.exists(tsv) ? meanConfidence(Files.readAllLines(tsv,
          StandardCharsets.UTF_8)) : 0;
      return new Result(text.strip(), confidence);
    } catch (IOException e) {
      return null;
    } finally {
      if (base != null) {
        for (String ext : List.of("", ".txt", ".tsv")) {
          try {
            Files.deleteIfExists(Path.of(base + ext));
          } catch (IOException e) {
            // temp dir clean-up will take it
          }
        }
      }
    }
  }

  /**
   * OCR of the given pages (1-based) of a PDF, rendered at {@link #DPI}.
   *
   * @return one result per page asked for; null entries for pages that failed
   */
  List<Result> pdfPages(Path pdf, List<Integer> pages, Path workDir, long deadlineNanos)
      throws IOException, InterruptedException {
    List<Result> results = new ArrayList<>();
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      PDFRenderer renderer = new PDFRenderer(doc);
      for (int page : pages) {
        if (System.nanoTime() >= deadlineNanos || Thread.currentThread().isInterrupted()) {
          results.add(null);
          continue;
        }
        Path png = Files.createTempFile(workDir, "prereview-page-", ".png");
        try {
          BufferedImage img = renderer.renderImageWithDPI(page - 1, DPI, ImageType.GRAY);
          ImageIO.write(img, "png", png.toFile());
          results.add(image(png, workDir, deadlineNanos));
        } catch (IOException | RuntimeException e) {
          results.add(null);
        } finally {
          Files.deleteIfExists(png);
        }
      }
    }
    return results;
  }

  /** Mean of the word confidences (level 5 rows with text) of a tesseract TSV. */
  static double meanConfidence(List<String> tsv) {
    double sum = 0;
    int n = 0;
    for (String line : tsv) {
      String[] f = line.split("\t", -1);
      if (f.length < 12 || !f[0].equals("5") || f[11].isBlank()) {
        continue;
      }
      try {
        double c = Double.parseDouble(f[10]);
        if (c >= 0) {
          sum += c;
          n++;
        }
      } catch (NumberFormatException e) {
        // header or malformed row
      }
    }
    return n == 0 ? 0 : Math.round(sum / n * 10) / 10.0;
  }
}
