package cn.wssp.prereview;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.tika.config.LoadErrorHandler;
import org.apache.tika.config.ServiceLoader;
import org.apache.tika.detect.DefaultDetector;
import org.apache.tika.detect.Detector;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaConfigException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.extractor.ParsingEmbeddedDocumentExtractor;
import org.apache.tika.io.TemporaryResources;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.Office;
import org.apache.tika.metadata.PDF;
import org.apache.tika.metadata.PagedText;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.AutoDetectParserConfig;
import org.apache.tika.parser.DefaultParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.parser.ocr.TesseractOCRParser;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.apache.tika.sax.BodyContentHandler;
import org.apache.tika.sax.WriteOutContentHandler;
import org.apache.commons.io.input.CloseShieldInputStream;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * Everything that touches Tika: detection, text and metadata extraction, OCR. Built once; every
 * object here is thread-safe. Only {@link ContentInspector} uses it.
 */
final class TikaEngine {
  /** A PDF page with fewer characters than this is taken for a scan (Tika's own OCR default). */
  private static final int SCANNED_PAGE_CHARS = 10;

  final MimeTypes mimeTypes;
  final MediaTypes types;
  private final Detector detector;
  private final AutoDetectParser parser;
  /** Same parsers plus Tesseract, or null when OCR is unavailable. */
  private final AutoDetectParser ocrParser;
  private final TesseractOCRParser tesseract;
  private final String ocrLanguages;

  /** What one extraction pass found. Mutable, confined to the parsing thread. */
  static final class Extract {
    String text = "";
    boolean truncated;
    boolean encrypted;
    boolean corrupt;
    boolean bomb;
    String embeddedExecutable;
    Integer pages;
    int[] charsPerPage;
    Long pixels;
    String pixelSize;
    String problem;
  }

  TikaEngine(TesseractProbe.Result ocr, String ocrLanguages) {
    ClassLoader cl = TikaEngine.class.getClassLoader();
    this.types = MediaTypes.standard();
    this.mimeTypes = MimeTypes.getDefaultMimeTypes(cl);
    // Tika's service loader skips parsers whose libraries were left out (Access, PST): IGNORE.
    ServiceLoader loader = new ServiceLoader(cl, LoadErrorHandler.IGNORE);
    this.detector = new DefaultDetector(mimeTypes, loader);
    Parser base = new DefaultParser(mimeTypes.getMediaTypeRegistry(), loader,
        List.of(TesseractOCRParser.class));
    this.parser = autoDetect(base);
    this.ocrLanguages = ocrLanguages;
    TesseractOCRParser tess = null;
    AutoDetectParser withOcr = null;
    if (ocr.available()) {
      try {
        tess = new TesseractOCRParser();
        tess.setTesseractPath(ocr.executable().getParent().toString());
        if (ocr.tessdata() != null) {
          tess.setTessdataPath(ocr.tessdata().toString());
        }
        tess.setLanguage(ocrLanguages);
        tess.setEnableImagePreprocessing(false);
        tess.initialize(Map.of());
        withOcr = autoDetect(base, tess);
      } catch (TikaConfigException e) {
        tess = null;
      }
    }
    this.tesseract = tess;
    this.ocrParser = withOcr;
  }

  private AutoDetectParser autoDetect(Parser... parsers) {
    AutoDetectParser p = new AutoDetectParser(detector, parsers);
    AutoDetectParserConfig c = new AutoDetectParserConfig();
    // Zip-bomb guard on the text (SecureContentHandler): more than 100 characters out per byte
    // in, once 100 000 characters are out, is a bomb; at most 6 archives nested.
    c.setOutputThreshold(100_000);
    c.setMaximumCompressionRatio(100);
    c.setMaximumPackageEntryDepth(6);
    c.setThrowOnZeroBytes(false);
    p.setAutoDetectParserConfig(c);
    return p;
  }

  boolean ocrReady() {
    return ocrParser != null;
  }

  /** Type from the whole file (the pre-review's examination); see {@link #detect(byte[], String)}. */
  MediaType detect(Path file, String nameHint) throws IOException {
    try (TikaInputStream tis = TikaInputStream.get(file)) {
      return detector.detect(tis, hint(nameHint));
    }
  }

  /** Type from the bytes; the name, when given, may only narrow an ambiguous container. */
  MediaType detect(byte[] head, String nameHint) throws IOException {
    // Not spooled to a file: the ZIP container detector then reads the entries in order, which
    // a truncated head allows.
    try (TikaInputStream tis = TikaInputStream.get(head)) {
      return detector.detect(tis, hint(nameHint));
    }
  }

  private static Metadata hint(String nameHint) {
    Metadata m = new Metadata();
    if (nameHint != null) {
      m.set(TikaCoreProperties.RESOURCE_NAME_KEY, nameHint);
    }
    return m;
  }

  /** Whether an image or a PDF page needs OCR to yield text. */
  boolean needsOcr(MediaType type, Extract x) {
    if (x.corrupt || x.encrypted || x.bomb) {
      return false;
    }
    if (types.isA(type, MediaTypes.PDF)) {
      if (x.charsPerPage == null || x.charsPerPage.length == 0) {
        return x.text.isBlank() && x.pages != null && x.pages > 0;
      }
      for (int chars : x.charsPerPage) {
        if (chars < SCANNED_PAGE_CHARS) {
          return true;
        }
      }
      return false;
    }
    return ocrSupportsImage(type);
  }

  private boolean ocrSupportsImage(MediaType type) {
    for (String t : List.of("image/png", "image/jpeg", "image/tiff", "image/bmp", "image/gif",
        "image/jp2", "image/x-portable-pixmap")) {
      if (types.isA(type, MediaType.parse(t))) {
        return true;
      }
    }
    return false;
  }

  /** First pass: text and metadata, no OCR; embedded programs are noticed, not parsed. */
  Extract extract(Path file, MediaType type, String name, int maxChars) {
    Extract x = new Extract();
    Metadata md = new Metadata();
    if (name != null) {
      md.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
    }
    md.set(TikaCoreProperties.CONTENT_TYPE_USER_OVERRIDE, type.toString());
    WriteOutContentHandler out = new WriteOutContentHandler(maxChars);
    ParseContext ctx = new ParseContext();
    ctx.set(Parser.class, parser);
    PDFParserConfig pdf = new PDFParserConfig();
    pdf.setOcrStrategy(PDFParserConfig.OCR_STRATEGY.NO_OCR);
    pdf.setExtractInlineImages(false);
    ctx.set(PDFParserConfig.class, pdf);
    GuardedExtractor embedded = new GuardedExtractor(ctx);
    ctx.set(EmbeddedDocumentExtractor.class, embedded);
    try (TikaInputStream tis = TikaInputStream.get(file)) {
      parser.parse(tis, new BodyContentHandler(out), md, ctx);
    } catch (Throwable t) {
      classify(t, x);
    }
    x.text = out.toString();
    x.embeddedExecutable = embedded.executableFound;
    x.pages = pages(md);
    x.charsPerPage = ints(md.getValues(PDF.CHARACTERS_PER_PAGE));
    Integer w = integer(md.get(Metadata.IMAGE_WIDTH));
    Integer h = integer(md.get(Metadata.IMAGE_LENGTH));
    if (w != null && h != null) {
      x.pixels = (long) w * h;
      x.pixelSize = w + "×" + h;
    }
    return x;
  }

  private static void classify(Throwable t, Extract x) {
    if (WriteLimitReachedException.isWriteLimitReached(t)) {
      x.truncated = true;
      return;
    }
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof EncryptedDocumentException) {
        x.encrypted = true;
        x.problem = c.toString();
        return;
      }
      String m = String.valueOf(c.getMessage());
      if (m.contains("Zip bomb detected") || m.contains("Suspected zip bomb")) {
        x.bomb = true;
        x.problem = c.toString();
        return;
      }
      if (c.getCause() == c) {
        break;
      }
    }
    if (t instanceof OutOfMemoryError oom) {
      throw oom; // the inspector turns it into a hostile finding
    }
    if (t instanceof Error e && !(t instanceof StackOverflowError) && !(t instanceof LinkageError)) {
      throw e;
    }
    x.corrupt = true;
    x.problem = t.toString();
  }

  private static Integer pages(Metadata md) {
    Integer n = integer(md.get(PagedText.N_PAGES));
    return n != null ? n : integer(md.get(Office.PAGE_COUNT));
  }

  private static Integer integer(String s) {
    if (s == null) {
      return null;
    }
    try {
      return Integer.valueOf(s.trim().replaceAll("[^0-9]+$", "").trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static int[] ints(String[] values) {
    if (values == null) {
      return null;
    }
    int[] r = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      Integer v = integer(values[i]);
      r[i] = v == null ? 0 : v;
    }
    return r;
  }

  /**
   * Parses embedded documents (attachments in a PDF, entries of a ZIP, objects in Word) as Tika
   * does, except programs and scripts: those are noted and never parsed.
   */
  private final class GuardedExtractor extends ParsingEmbeddedDocumentExtractor {
    volatile String executableFound;

    GuardedExtractor(ParseContext context) {
      super(context);
    }

    @Override
    public void parseEmbedded(InputStream stream, ContentHandler handler, Metadata metadata,
        boolean outputHtml) throws SAXException, IOException {
      try (TemporaryResources tmp = new TemporaryResources()) {
        // A TikaInputStream may carry an open container (an OLE object's directory): keep it.
        TikaInputStream tis = stream instanceof TikaInputStream t
            ? t
            : TikaInputStream.get(CloseShieldInputStream.wrap(stream), tmp, new Metadata());
        MediaType embedded = detector.detect(tis, new Metadata());
        String kind = types.executableKind(embedded);
        if (kind != null) {
          if (executableFound == null) {
            executableFound = Messages.text(kind);
          }
          return;
        }
        super.parseEmbedded(tis, handler, metadata, outputHtml);
      }
    }
  }
}
