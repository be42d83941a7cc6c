package cn.wssp.prereview;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@code bench.PreReviewBenchmark} needs from this package: the test corpus generators of
 * {@link Samples} and the worker pool, which are package-private. Not a test.
 */
public final class BenchSupport {
  private BenchSupport() {}

  public static final String APPLICANT_NAME = Samples.APPLICANT_NAME;
  public static final String APPLICANT_CODE = Samples.APPLICANT_CODE;

  /** A text PDF (Chinese text layer) of that many licence-like pages. */
  public static byte[] chinesePdf(int pages) {
    List<List<String>> all = new ArrayList<>();
    for (int i = 0; i < pages; i++) {
      List<String> lines = new ArrayList<>(Samples.licenceLines(APPLICANT_NAME, APPLICANT_CODE,
          Samples.PERPETUAL));
      lines.add("第 " + (i + 1) + " 页 经营范围：食品销售；餐饮服务；预包装食品批发与零售。");
      all.add(lines);
    }
    @SuppressWarnings("unchecked")
    List<String>[] pagesArray = all.toArray(new List[0]);
    return Samples.chinesePdf(pagesArray);
  }

  public static byte[] docx() {
    return Samples.docx("营业执照 " + APPLICANT_NAME + " 统一社会信用代码 " + APPLICANT_CODE
        + " 营业期限 2018年03月01日至长期");
  }

  /** A scan-like PNG of a licence, Chinese text drawn by Java2D with a CJK font. */
  public static byte[] licencePng() {
    return Samples.chineseImage(Samples.licenceLines(APPLICANT_NAME, APPLICANT_CODE,
        Samples.PERPETUAL));
  }

  /** The font Java2D draws the licence with (for the report). */
  public static String licenceFont() {
    return Samples.fontFor("营业执照", 40).getFontName();
  }

  public static SubmittedFile file(String code, String name, byte[] bytes) {
    return Samples.file(code, name, bytes);
  }

  /** A material accepting PDFs and Word files, no page limit. */
  public static MaterialRequirement material(String code, String name) {
    return Samples.accepting(code, name, "application/pdf",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "image/png");
  }

  /** Examines files in the pool of worker JVMs, as the portal does, without the checks. */
  public static final class Pool implements AutoCloseable {
    private final IsolatedInspector inspector;

    public Pool(PreReviewer.Options options) {
      this.inspector = new IsolatedInspector(options);
    }

    public Inspection inspect(SubmittedFile file) {
      return inspector.inspect(file, 200L * 1024 * 1024);
    }

    @Override
    public void close() {
      inspector.close();
    }
  }
}
