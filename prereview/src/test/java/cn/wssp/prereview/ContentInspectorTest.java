package cn.wssp.prereview;

import static cn.wssp.prereview.Samples.file;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Detect and extract alone, without any judgement. */
class ContentInspectorTest {
  private static ContentInspector inspector;

  @BeforeAll
  static void start() {
    inspector = new ContentInspector(PreReviewer.Options.defaults().withOcrEnabled(false));
  }

  @AfterAll
  static void stop() {
    inspector.close();
  }

  @Test
  void typeComesFromTheContentNotTheName() {
    Inspection i = inspector.inspect(file("x", "photo.jpg", Samples.pdf(1)), 1 << 24);
    assertEquals("application/pdf", i.facts().detectedType());
    assertEquals("image/jpeg", i.facts().nameType());
    assertTrue(i.typeMismatch());
    assertEquals(1, i.facts().pages());
  }

  @Test
  void theNameNarrowsAnAmbiguousContainerOnly() {
    Inspection docx = inspector.inspect(file("x", "no-extension", Samples.docx("正文")), 1 << 24);
    assertEquals("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        docx.facts().detectedType(), "OOXML is recognised from the content alone");
    assertNull(docx.facts().nameType());
    assertFalse(docx.typeMismatch());
  }

  @Test
  void textIsCappedNotFailed() {
    try (ContentInspector small = new ContentInspector(
        PreReviewer.Options.defaults().withOcrEnabled(false).withMaxTextChars(100))) {
      Inspection i = small.inspect(file("x", "a.pdf", Samples.pdf(10)), 1 << 24);
      assertTrue(i.textTruncated());
      assertFalse(i.facts().corrupt());
      assertTrue(i.text().length() <= 100, "" + i.text().length());
      assertEquals(10, i.facts().pages());
    }
  }

  @Test
  void temporaryCopiesAreRemoved(@TempDir Path dir) throws Exception {
    try (ContentInspector own = new ContentInspector(
        PreReviewer.Options.defaults().withOcrEnabled(false).withTempDir(dir))) {
      own.inspect(file("x", "a.pdf", Samples.pdf(1)), 1 << 24);
      own.inspect(file("x", "a.zip", Samples.zipBomb(8)), 1 << 24);
      try (var left = Files.list(dir)) {
        assertEquals(0, left.count());
      }
    }
  }

  @Test
  void polyglotDetectionNeedsAZipThatEndsTheFile() throws Exception {
    Path tmp = Files.createTempFile("poly", ".bin");
    try {
      byte[] zip = Samples.zip("a.txt", "a".getBytes());
      Files.write(tmp, Samples.concat(Samples.pdf(1), zip));
      assertTrue(ContentInspector.trailingZip(tmp));
      Files.write(tmp, Samples.concat(Samples.concat(Samples.pdf(1), zip), "%%EOF\n".getBytes()));
      assertFalse(ContentInspector.trailingZip(tmp), "a zip inside, not at the end");
      Files.write(tmp, Samples.pdf(1));
      assertFalse(ContentInspector.trailingZip(tmp));
    } finally {
      Files.delete(tmp);
    }
  }
}
