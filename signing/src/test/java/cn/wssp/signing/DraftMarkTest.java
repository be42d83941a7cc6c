package cn.wssp.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DraftMarkTest {
  @TempDir Path dir;

  @Test
  void everyPageSaysItIsADraft() throws Exception {
    byte[] pdf = new OfficialDocumentRenderer().render(SampleDocuments.decision(2, 40));
    byte[] draft = DraftMark.stamp(pdf, "草稿（未签章，不具法律效力）");
    Path file = dir.resolve("draft.pdf");
    Files.write(file, draft);
    ExternalTools.require("pdftotext", "poppler-utils");
    ExternalTools.Output info = ExternalTools.run("pdfinfo", file.toString());
    int pages = Integer.parseInt(info.text().lines().filter(l -> l.startsWith("Pages:"))
        .findFirst().orElseThrow().replaceAll("\\D", ""));
    assertTrue(pages >= 2, info.text());
    for (int p = 1; p <= pages; p++) {
      ExternalTools.Output text = ExternalTools.run("pdftotext", "-enc", "UTF-8", "-f",
          String.valueOf(p), "-l", String.valueOf(p), file.toString(), "-");
      assertEquals(0, text.exitCode(), text.text());
      assertTrue(text.text().replaceAll("\\s+", "").contains("草稿（未签章，不具法律效力）"),
          "page " + p + ": " + text.text());
    }
  }

  @Test
  void aDraftNeedsAMark() {
    assertThrows(SigningException.class, () -> DraftMark.stamp(new byte[0], " "));
  }
}
