package cn.wssp.signing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Decisions as the portal issues them, for tests. */
final class SampleDocuments {

  static final String TITLE = "准予行政许可决定书";
  static final String NUMBER = "某市监许准字〔2026〕第000001号";
  static final String URL = "https://wssp.example.gov.cn/verify?n=000001&c=7K3Q9XPA";

  private SampleDocuments() {}

  static OfficialDocument decision(int sealSlots) {
    return decision(sealSlots, 3);
  }

  static OfficialDocument decision(int sealSlots, int paragraphs) {
    List<String> body = new ArrayList<>();
    body.add("你单位于2026年3月1日提出的食品经营许可申请，本机关已依法受理。");
    for (int i = 1; i < paragraphs; i++) {
      body.add("经审查，你单位提交的申请材料齐全、符合法定形式，根据《中华人民共和国行政许可法》"
          + "第三十八条第一款的规定，决定准予行政许可（第" + i + "项）。");
    }
    return new OfficialDocument(
        TITLE,
        NUMBER,
        "演示科技有限公司",
        "91310000MA1FL0TEST",
        body,
        "某某市市场监督管理局",
        LocalDate.of(2026, 3, 5),
        "7K3Q-9XPA",
        URL,
        sealSlots);
  }
}
