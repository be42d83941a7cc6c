package cn.wssp.bench;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Well-formed one-page text PDFs of a given size (the rest is an incompressible image stream). */
final class Materials {
  private Materials() {}

  /**
   * The PDF with a comment of its own after its end: other bytes, another SHA-256, so that the
   * portal examines every upload as it would the files of different enterprises (it does not
   * examine again a file it has seen with the same SHA-256).
   */
  static byte[] unique(byte[] pdf) {
    byte[] tail = ("%" + java.util.UUID.randomUUID() + "\n").getBytes(
        java.nio.charset.StandardCharsets.US_ASCII);
    byte[] copy = java.util.Arrays.copyOf(pdf, pdf.length + tail.length);
    System.arraycopy(tail, 0, copy, pdf.length, tail.length);
    return copy;
  }

  static byte[] pdf(int size) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(size + 4096);
    List<Integer> offsets = new ArrayList<>();
    write(out, "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n");
    String text = "BT /F1 14 Tf 72 760 Td (Bench material: application form) Tj ET";
    int padding = Math.max(0, size - 1200);
    byte[] noise = new byte[padding];
    new Random(42).nextBytes(noise);
    int side = (int) Math.sqrt(padding / 3.0);
    String[] objects = {
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
            + " /Resources << /Font << /F1 5 0 R >> /XObject << /Im1 6 0 R >> >> >>",
        null, // content stream
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        null, // image
    };
    for (int i = 0; i < objects.length; i++) {
      offsets.add(out.size());
      write(out, (i + 1) + " 0 obj\n");
      if (i == 3) {
        write(out, "<< /Length " + text.length() + " >>\nstream\n" + text + "\nendstream");
      } else if (i == 5) {
        int length = side * side * 3;
        write(out, "<< /Type /XObject /Subtype /Image /Width " + side + " /Height " + side
            + " /ColorSpace /DeviceRGB /BitsPerComponent 8 /Length " + length + " >>\nstream\n");
        out.write(noise, 0, length);
        write(out, "\nendstream");
      } else {
        write(out, objects[i]);
      }
      write(out, "\nendobj\n");
    }
    int xref = out.size();
    StringBuilder table = new StringBuilder("xref\n0 " + (objects.length + 1) + "\n0000000000 65535 f \n");
    for (int o : offsets) {
      table.append(String.format("%010d 00000 n \n", o));
    }
    table.append("trailer\n<< /Size ").append(objects.length + 1).append(" /Root 1 0 R >>\nstartxref\n")
        .append(xref).append("\n%%EOF\n");
    write(out, table.toString());
    return out.toByteArray();
  }

  private static void write(ByteArrayOutputStream out, String s) {
    out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
  }
}
