package cn.wssp.prereview;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The type recorded for an upload comes from the bytes, whatever the name says. */
class DetectTypeTest {
  static PreReviewer reviewer;

  @BeforeAll
  static void create() {
    reviewer = new PreReviewer(PreReviewer.Options.defaults().withIsolation(false).withOcrEnabled(false));
  }

  @AfterAll
  static void close() {
    reviewer.close();
  }

  @Test
  void contentDecides(@TempDir Path dir) throws Exception {
    Path png = Files.write(dir.resolve("a"), Samples.png());
    assertEquals("image/png", reviewer.detectType(png, "营业执照.pdf"));
    Path pdf = Files.write(dir.resolve("b"), Samples.pdf(1));
    assertEquals("application/pdf", reviewer.detectType(pdf, "scan.jpg"));
    Path docx = Files.write(dir.resolve("c"), Samples.docx("申请书"));
    assertEquals("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        reviewer.detectType(docx, "申请书.docx"));
  }
}
