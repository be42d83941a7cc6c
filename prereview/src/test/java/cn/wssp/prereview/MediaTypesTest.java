package cn.wssp.prereview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.tika.mime.MediaType;
import org.junit.jupiter.api.Test;

/** Type knowledge alone: families, programs, name/content agreement, friendly labels. */
class MediaTypesTest {
  private final MediaTypes types = MediaTypes.standard();
  private static final MediaType PDF = MediaType.application("pdf");
  private static final MediaType DOCX = MediaType.parse(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  private static final MediaType DOC = MediaType.parse("application/msword");

  @Test
  void nameAndContent() {
    assertFalse(types.mismatch(PDF, PDF));
    assertFalse(types.mismatch(PDF, null), "a name without extension says nothing");
    assertTrue(types.mismatch(MediaType.image("png"), PDF));
    assertTrue(types.mismatch(MediaType.parse("application/x-msdownload; format=pe32"), PDF));
    assertFalse(types.mismatch(MediaTypes.ZIP, DOCX), "a bare ZIP may be a damaged docx");
    assertFalse(types.mismatch(DOCX, DOC), "Word is Word");
    assertFalse(types.mismatch(MediaType.OCTET_STREAM, PDF), "unknown bytes: the parser decides");
    assertTrue(types.mismatch(MediaType.TEXT_PLAIN, PDF));
  }

  @Test
  void theNameNarrowsOnlyAmbiguousContainers() {
    MediaType png = MediaType.image("png");
    assertEquals(png, types.narrow(png, png, PDF), "a PNG named .pdf stays a PNG");
    assertEquals(DOCX, types.narrow(MediaTypes.ZIP, DOCX, DOCX));
    assertEquals(DOCX, types.narrow(MediaTypes.OOXML_PROTECTED, MediaTypes.OOXML_PROTECTED, DOCX),
        "an encrypted docx is an OLE2 wrapper; only the name says it is Word");
    assertEquals(MediaTypes.OOXML_PROTECTED,
        types.narrow(MediaTypes.OOXML_PROTECTED, MediaTypes.OOXML_PROTECTED, PDF));
    assertFalse(types.mismatch(MediaTypes.OOXML_PROTECTED, DOCX));
  }

  @Test
  void programs() {
    assertEquals("label.executable.windows",
        types.executableKind(MediaType.parse("application/x-msdownload; format=pe32")));
    assertEquals("label.executable.linux", types.executableKind(
        MediaType.application("x-executable")));
    assertEquals("label.executable.java", types.executableKind(
        MediaType.application("vnd.android.package-archive")));
    assertEquals("label.executable.script", types.executableKind(MediaType.application("x-sh")));
    assertNull(types.executableKind(PDF));
    assertNull(types.executableKind(DOCX));
  }

  @Test
  void acceptedTypes() {
    assertTrue(types.accepted(MediaType.image("jpeg"), List.of("image/jpg")));
    assertTrue(types.accepted(MediaType.image("jpeg"), List.of("jpg")));
    assertTrue(types.accepted(DOCX, List.of("application/zip")), "a docx is a ZIP");
    assertFalse(types.accepted(MediaTypes.ZIP, List.of(DOCX.toString())));
    assertEquals("PDF、JPG、Word", types.acceptedLabels(List.of("application/pdf", "image/jpeg",
        "image/pjpeg", DOC.toString(), DOCX.toString())));
    assertEquals("OFD", types.acceptedLabels(List.of("application/ofd")));
  }

  @Test
  void labels() {
    assertEquals("PDF", types.label(PDF));
    assertEquals("Word", types.label(DOCX));
    assertEquals("Windows 可执行程序", types.label(MediaType.application("x-dosexec")));
    assertEquals("无法识别的内容", types.label(MediaType.OCTET_STREAM));
    assertEquals("纯文本", types.label(MediaType.TEXT_PLAIN));
  }

  @Test
  void sizes() {
    assertEquals("512 字节", Messages.size(512));
    assertEquals("10 MB", Messages.size(10L * 1024 * 1024));
    assertEquals("2 GB", Messages.size(2L * 1024 * 1024 * 1024));
    assertEquals("1.5 KB", Messages.size(1536));
  }

  @Test
  void verdictRules() {
    MaterialRequirement a = new MaterialRequirement("a", "甲", true, false, List.of(), 1, 0);
    MaterialRequirement b = new MaterialRequirement("b", "乙", true, true, List.of(), 1, 0);
    var byCode = java.util.Map.of("a", a, "b", b);
    Finding warnA = new Finding("a", FindingCode.OCR_UNAVAILABLE, Severity.WARNING, "w");
    Finding blockB = new Finding("b", FindingCode.MISSING_MATERIAL, Severity.BLOCKING, "m");
    Finding blockA = new Finding("a", FindingCode.CORRUPT, Severity.BLOCKING, "c");
    Finding blockApp = new Finding(null, FindingCode.KEYWORD_MISSING, Severity.BLOCKING, "k");
    assertEquals(Verdict.COMPLETE, PreReviewer.verdict(List.of(), byCode));
    assertEquals(Verdict.COMPLETE, PreReviewer.verdict(List.of(warnA), byCode));
    assertEquals(Verdict.COMPLETE_WITH_COMMITMENT,
        PreReviewer.verdict(List.of(warnA, blockB), byCode));
    assertEquals(Verdict.INCOMPLETE, PreReviewer.verdict(List.of(blockB, blockA), byCode));
    assertEquals(Verdict.INCOMPLETE, PreReviewer.verdict(List.of(blockB, blockApp), byCode),
        "a finding on the application as a whole is not commitable");
  }
}
