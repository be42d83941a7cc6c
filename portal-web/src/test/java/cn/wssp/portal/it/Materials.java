package cn.wssp.portal.it;

import com.itextpdf.io.font.FontProgram;
import com.itextpdf.io.font.FontProgramFactory;
import com.itextpdf.io.font.PdfEncodings;
import com.itextpdf.kernel.font.PdfFont;
import com.itextpdf.kernel.font.PdfFontFactory;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.layout.Document;
import com.itextpdf.layout.element.AreaBreak;
import com.itextpdf.layout.element.Paragraph;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The one generator of material files for the integration tests: real text PDFs (an embedded
 * Chinese font, so the pre-review reads the words) that pass the demo rule sets
 * (src/main/resources/cn/wssp/portal/rules/*.json) — the right words, the enterprise's name and
 * credit code, a valid ID number, a validity in the future — and variants that break one rule.
 */
final class Materials {
  /** The demo applicant's enterprise (DemoData; credit code with its GB 32100 check digit). */
  static final Enterprise DEMO = new Enterprise("演示科技有限公司", "91350100M0001XU430");
  /** The second demo enterprise ("applicant2"). */
  static final Enterprise SECOND = new Enterprise("示例餐饮管理有限公司", "91350102MA2Y8K3L08");

  /** A legal representative's resident ID number with its GB 11643 check digit. */
  static final String ID_NUMBER = idNumber("35010219850101123");

  record Enterprise(String name, String creditCode) {}

  private static FontProgram font;

  private Materials() {}

  /** A file for this material of this matter that passes its demo rules, for the demo applicant. */
  static byte[] valid(String matterCode, String materialCode) {
    return valid(matterCode, materialCode, DEMO);
  }

  static byte[] valid(String matterCode, String materialCode, Enterprise who) {
    return pdf(lines(matterCode, materialCode, who));
  }

  /** The same material spread over several pages (the text on the first). */
  static byte[] valid(String matterCode, String materialCode, int pages) {
    List<List<String>> all = new ArrayList<>();
    all.add(lines(matterCode, materialCode, DEMO));
    for (int i = 1; i < pages; i++) {
      all.add(List.of("第 " + (i + 1) + " 页"));
    }
    return pdfPages(all);
  }

  /** A business licence of {@code who} valid until {@code validUntil} (e.g. "2099年12月31日"). */
  static byte[] licence(Enterprise who, String creditCode, String validUntil) {
    return pdf(List.of("营业执照", "（副本）", "统一社会信用代码：" + creditCode, "名称：" + who.name(),
        "类型：有限责任公司", "法定代表人：林晓", "经营范围：食品销售；餐饮服务。",
        "营业期限：2020年1月1日至" + validUntil, "有效期至" + validUntil, "登记机关：演示市市场监督管理局"));
  }

  private static List<String> lines(String matter, String material, Enterprise who) {
    String code = "统一社会信用代码：" + who.creditCode();
    String name = who.name();
    return switch (material) {
      case "application-form" -> matter.equals("LB-0001")
          ? List.of("餐饮服务食品经营与公共场所卫生许可联办申请表", "申请人：" + name, code,
              "申请事项：食品经营许可、公共场所卫生许可。", "申请人（签章）：" + name)
          : matter.equals("SCJG-0003")
          ? List.of("保健食品生产许可申请书", "申请人：" + name, code, "生产品种：保健食品（片剂、胶囊）。",
              "申请人（签章）：" + name)
          : List.of("食品经营许可申请书", "申请人：" + name, code, "经营项目：食品销售、餐饮服务。",
              "申请人（签章）：" + name);
      case "business-license" -> List.of("营业执照", "（副本）", code, "名称：" + name,
          "类型：有限责任公司", "法定代表人：林晓", "营业期限：2020年1月1日至2099年12月31日",
          "有效期至2099年12月31日", "登记机关：演示市市场监督管理局");
      case "legal-rep-id" -> List.of("中华人民共和国居民身份证", "姓名：林晓", "性别：女",
          "公民身份号码：" + ID_NUMBER, "签发机关：演示市公安局");
      case "premises-layout" -> List.of("经营场所平面布局图", name, "一层：操作间、仓库、就餐区布局如下。",
          "操作间 30 平方米，仓库 10 平方米。");
      case "safety-rules" -> List.of("食品安全管理制度", name, "一、从业人员健康管理制度",
          "二、食品进货查验记录制度", "三、食品安全自查制度");
      case "loss-statement" -> List.of("遗失声明", name + "不慎遗失营业执照副本，" + code + "，声明作废。",
          "特此声明。");
      case "hygiene-report" -> List.of("公共场所卫生检测报告", "受检单位：" + name,
          "检测项目：空气质量、微小气候、集中空调。", "检测结论：合格，符合国家卫生标准。");
      default -> throw new IllegalArgumentException("no test file for " + matter + "/" + material);
    };
  }

  /** A one-page text PDF with these lines. */
  /**
   * The PDF grown to {@code size} bytes by comment lines after its end, then its trailer again
   * (startxref still points at the same table): a valid PDF the size of a scan.
   */
  static byte[] padded(byte[] pdf, int size) {
    String text = new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1);
    byte[] trailer = text.substring(text.lastIndexOf("startxref"))
        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(size + 128);
    out.writeBytes(pdf);
    java.util.Random random = new java.util.Random(size);
    while (out.size() < size - trailer.length - 80) {
      StringBuilder line = new StringBuilder("%");
      for (int i = 0; i < 78; i++) {
        line.append((char) ('!' + random.nextInt(94)));
      }
      out.writeBytes((line + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
    out.writeBytes(trailer);
    return out.toByteArray();
  }

  static byte[] pdf(List<String> lines) {
    return pdfPages(List.of(lines));
  }

  /** A text PDF, one list of lines per page, in an embedded Chinese font. */
  static byte[] pdfPages(List<List<String>> pages) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (PdfDocument pdf = new PdfDocument(new PdfWriter(out)); Document doc = new Document(pdf)) {
      PdfFont f = PdfFontFactory.createFont(font(), PdfEncodings.IDENTITY_H,
          PdfFontFactory.EmbeddingStrategy.FORCE_EMBEDDED);
      doc.setFont(f);
      for (int i = 0; i < pages.size(); i++) {
        if (i > 0) {
          doc.add(new AreaBreak());
        }
        for (String line : pages.get(i)) {
          doc.add(new Paragraph(line));
        }
      }
    }
    return out.toByteArray();
  }

  /** GB 11643: the 18th character from the first 17. */
  static String idNumber(String first17) {
    int[] w = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * w[i];
    }
    return first17 + "10X98765432".charAt(sum % 11);
  }

  private static synchronized FontProgram font() {
    if (font == null) {
      try (InputStream in = Materials.class.getResourceAsStream(
          "/cn/wssp/signing/fonts/NotoSerifSC_400Regular.ttf")) {
        font = FontProgramFactory.createFont(in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return font;
  }
}
