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
    /** iText font programs are immutable after parsing and subset through thread-safe views. */
    static final FontProgram PROGRAM = parse();
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

    private static FontProgram parse() {
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
   * A PDF font for one document: Identity-H (any Unicode character, with a ToUnicode map so text
   * can be extracted and searched) and force-embedded as a subset, as PDF/A requires.
   */
  static PdfFont forPdf() {
    return PdfFontFactory.createFont(
        Loaded.PROGRAM, PdfEncodings.IDENTITY_H, PdfFontFactory.EmbeddingStrategy.FORCE_EMBEDDED);
  }

  /** The same face for Java2D, at the given size in pixels. */
  static Font forJava2d(float size) {
    return Loaded.AWT.deriveFont(size);
  }
}
