package cn.wssp.signing;

import com.itextpdf.io.font.FontProgram;
import com.itextpdf.io.font.FontProgramFactory;
import com.itextpdf.io.font.PdfEncodings;
import com.itextpdf.kernel.font.PdfFont;
import com.itextpdf.kernel.font.PdfFontFactory;
import java.awt.Font;
import java.awt.FontFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The CJK typeface of official documents and seals: Noto Serif SC Regular (SIL OFL 1.1), shipped
 * in this jar (see fonts/README.md) so that neither PDFs nor seal images depend on fonts installed
 * on the server. Loaded once: the file is 14 MB.
 */
final class EmbeddedFont {

  static final String RESOURCE = "fonts/NotoSerifSC_400Regular.ttf";

  private EmbeddedFont() {}

  /** Lazy holder: the font is read on first use, once, thread-safely (JLS class init). */
  private static final class Loaded {
    static final byte[] TTF = read();
    static final Font AWT = awt();

    private static byte[] read() {
      try (InputStream in = EmbeddedFont.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("font resource missing from the jar: " + RESOURCE);
        }
        return in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the font " + RESOURCE, e);
      }
    }

    /** A new program over the shared bytes (the parser does not copy them). */
    static FontProgram parse() {
      try {
        return FontProgramFactory.createFont(TTF, false);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot parse the font " + RESOURCE, e);
      }
    }

    private static Font awt() {
      try {
        return Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(TTF));
      } catch (FontFormatException | IOException e) {
        throw new IllegalStateException("Java2D cannot load the font " + RESOURCE, e);
      }
    }
  }

  /**
   * The font program for one document at a time, returned by {@link Lease#close()} once the
   * document is closed (its subset is made then). Why not one program for all: iText reads a
   * shared program's bytes through one lock (ThreadSafeRandomAccessSource), byte by byte while
   * subsetting, so concurrent documents queued behind each other and a second core added no
   * throughput (docs/PERFORMANCE.md). Idle programs are kept up to a bound; all of them share the
   * one 14 MB byte array, each adds only its parsed tables.
   */
  static Lease lease() {
    FontProgram program = IDLE.poll();
    if (program != null) {
      IDLE_COUNT.decrementAndGet();
      return new Lease(program);
    }
    return new Lease(Loaded.parse());
  }

  private static final int IDLE_LIMIT = Math.max(2, 2 * Runtime.getRuntime().availableProcessors());
  private static final java.util.concurrent.ConcurrentLinkedQueue<FontProgram> IDLE =
      new java.util.concurrent.ConcurrentLinkedQueue<>();
  private static final java.util.concurrent.atomic.AtomicInteger IDLE_COUNT =
      new java.util.concurrent.atomic.AtomicInteger();

  /** One document's use of a font program. */
  static final class Lease implements AutoCloseable {
    private FontProgram program;

    private Lease(FontProgram program) {
      this.program = program;
    }

    /**
     * A PDF font for the document: Identity-H (any Unicode character, with a ToUnicode map so
     * text can be extracted and searched) and force-embedded as a subset, as PDF/A requires.
     */
    PdfFont forPdf() {
      return PdfFontFactory.createFont(
          program, PdfEncodings.IDENTITY_H, PdfFontFactory.EmbeddingStrategy.FORCE_EMBEDDED);
    }

    /** Call after the document using the font is closed. */
    @Override
    public void close() {
      if (program != null && IDLE_COUNT.incrementAndGet() <= IDLE_LIMIT) {
        IDLE.add(program);
      } else {
        IDLE_COUNT.decrementAndGet();
      }
      program = null;
    }
  }

  /** The same face for Java2D, at the given size in pixels. */
  static Font forJava2d(float size) {
    return Loaded.AWT.deriveFont(size);
  }
}
