package cn.wssp.prereview;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * A PDF looked at with PDFBox (which Tika brings), beyond what Tika reports: the text of each page,
 * whether it carries a digital signature, and whether it is structurally whole, as qpdf --check
 * would judge the essentials: the file must end with startxref and %%EOF, and startxref must point
 * at a cross-reference table or stream. PDFBox itself reads leniently (it rebuilds a lost
 * cross-reference table by scanning), so a PDF cut in half still shows its first pages; those are
 * reported as the pages that could be read.
 */
final class PdfStructure {
  private static final Pattern STARTXREF = Pattern.compile("startxref\\s+(\\d{1,15})\\s+%%EOF");
  private static final Pattern XREF_AT = Pattern.compile("^\\s*(xref|\\d+\\s+\\d+\\s+obj)");

  /**
   * @param pageTexts the text of each page, in order (an unreadable page has "")
   * @param signed a signature dictionary or a /ByteRange was found
   * @param damage Chinese description of the structural damage, or null when whole
   * @param unreadable PDFBox could not open it at all
   */
  record Result(List<String> pageTexts, boolean signed, String damage, boolean unreadable) {}

  private PdfStructure() {}

  /** @return null when the PDF needs a password (Tika reports that) */
  static Result examine(Path file, int maxChars) throws IOException {
    String tail = tailProblem(file);
    boolean signed = contains(file, "/ByteRange".getBytes(StandardCharsets.US_ASCII));
    List<String> texts = new ArrayList<>();
    List<Integer> damaged = new ArrayList<>();
    boolean unreadable = false;
    try (PDDocument doc = Loader.loadPDF(file.toFile())) {
      signed |= !doc.getSignatureDictionaries().isEmpty();
      int n = doc.getNumberOfPages();
      PDFTextStripper stripper = new PDFTextStripper();
      int chars = 0;
      for (int i = 1; i <= n; i++) {
        if (chars >= maxChars) {
          texts.add("");
          continue;
        }
        try {
          PDPage page = doc.getPage(i - 1);
          try (InputStream content = page.getContents()) {
            content.readAllBytes(); // an unreadable content stream throws here
          }
          stripper.setStartPage(i);
          stripper.setEndPage(i);
          String t = stripper.getText(doc);
          if (t.length() > maxChars - chars) {
            t = t.substring(0, maxChars - chars);
          }
          chars += t.length();
          texts.add(t);
        } catch (IOException | RuntimeException e) {
          damaged.add(i);
          texts.add("");
        }
      }
    } catch (InvalidPasswordException e) {
      return null;
    } catch (IOException | RuntimeException e) {
      unreadable = true;
    }
    String damage = null;
    if (tail != null || !damaged.isEmpty()) {
      StringBuilder d = new StringBuilder(tail != null ? tail : "部分页面内容无法读取");
      if (unreadable || texts.isEmpty()) {
        d.append("，没有一页能够读取");
      } else {
        List<Integer> readable = new ArrayList<>();
        for (int i = 1; i <= texts.size(); i++) {
          if (!damaged.contains(i)) {
            readable.add(i);
          }
        }
        d.append("；能读取的页：").append(readable.isEmpty() ? "无" : pages(readable));
        if (!damaged.isEmpty()) {
          d.append("；损坏的页：").append(pages(damaged));
        }
      }
      damage = d.toString();
    }
    return new Result(List.copyOf(texts), signed, damage, unreadable);
  }

  /** "第 1–3、5 页". */
  static String pages(List<Integer> pages) {
    StringBuilder b = new StringBuilder("第 ");
    for (int i = 0; i < pages.size(); i++) {
      int start = pages.get(i);
      int end = start;
      while (i + 1 < pages.size() && pages.get(i + 1) == end + 1) {
        end = pages.get(++i);
      }
      if (b.length() > 2) {
        b.append("、");
      }
      b.append(start == end ? String.valueOf(start) : start + "–" + end);
    }
    return b.append(" 页").toString();
  }

  /** Why the end of the file is not a PDF's end, or null when it is. */
  static String tailProblem(Path file) throws IOException {
    try (SeekableByteChannel ch = Files.newByteChannel(file)) {
      long size = ch.size();
      int len = (int) Math.min(size, 2048);
      ByteBuffer b = ByteBuffer.allocate(len);
      ch.position(size - len);
      while (b.hasRemaining() && ch.read(b) > 0) {
        // keep reading
      }
      String tail = new String(b.array(), 0, b.position(), StandardCharsets.ISO_8859_1);
      Matcher m = STARTXREF.matcher(tail);
      long offset = -1;
      while (m.find()) {
        offset = Long.parseLong(m.group(1));
      }
      if (offset < 0) {
        return "文件结尾缺少交叉引用位置（startxref/%%EOF），文件不完整，可能在生成或上传时被截断";
      }
      if (offset >= size) {
        return "交叉引用表的位置超出了文件长度，文件不完整，可能被截断";
      }
      ByteBuffer at = ByteBuffer.allocate((int) Math.min(64, size - offset));
      ch.position(offset);
      while (at.hasRemaining() && ch.read(at) > 0) {
        // keep reading
      }
      String head = new String(at.array(), 0, at.position(), StandardCharsets.ISO_8859_1);
      if (!XREF_AT.matcher(head).find()) {
        return "交叉引用表损坏（startxref 指向的位置没有交叉引用表），文件已被改动或损坏";
      }
      return null;
    }
  }

  /** Whether the file's bytes contain {@code needle} (streamed, any size). */
  static boolean contains(Path file, byte[] needle) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buf = new byte[64 * 1024 + needle.length];
      int kept = 0;
      int n;
      while ((n = in.read(buf, kept, buf.length - kept)) > 0) {
        int end = kept + n;
        for (int i = 0; i + needle.length <= end; i++) {
          if (buf[i] == needle[0] && matches(buf, i, needle)) {
            return true;
          }
        }
        kept = Math.min(needle.length - 1, end);
        System.arraycopy(buf, end - kept, buf, 0, kept);
      }
      return false;
    }
  }

  private static boolean matches(byte[] buf, int at, byte[] needle) {
    for (int j = 1; j < needle.length; j++) {
      if (buf[at + j] != needle[j]) {
        return false;
      }
    }
    return true;
  }
}
