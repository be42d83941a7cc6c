package cn.wssp.portal.interfaces.web;

import static org.junit.jupiter.api.Assertions.*;

import cn.wssp.portal.domain.model.ApplicationStatus;
import cn.wssp.portal.domain.model.StatusGroup;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** 我的办件's filter as the form gives it, the timeline's Chinese times, both bundles complete. */
class ApplicantPagesWordingTest {
  static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

  static Formats formats() {
    Formats f = new Formats();
    f.clock = Clock.fixed(Instant.parse("2026-12-05T06:00:00Z"), BEIJING);
    f.english = () -> false;
    return f;
  }

  @Test
  void datesAreWholeBeijingDaysAndTheEndDayCounts() {
    MyApplicationsBean bean = new MyApplicationsBean();
    bean.formats = formats();
    bean.setGroup("SUPPLEMENT");
    bean.setFrom(LocalDate.of(2026, 12, 1));
    bean.setTo(LocalDate.of(2026, 12, 5));
    bean.setNumber(" sq2026 ");
    var f = bean.filter(true);
    assertEquals(Instant.parse("2026-11-30T16:00:00Z"), f.submittedFrom(), "00:00 Beijing time");
    assertEquals(Instant.parse("2026-12-05T16:00:00Z"), f.submittedTo(), "the whole of the 5th");
    assertEquals(StatusGroup.SUPPLEMENT.statuses(), f.statuses());
    assertTrue(f.statuses().contains(ApplicationStatus.REVIEW_SUPPLEMENT_REQUESTED));
    assertEquals("SQ2026", f.numberContains());
    assertTrue(f.oldestFirst());
    bean.setGroup("");
    bean.setFrom(null);
    bean.setTo(null);
    var any = bean.filter(false);
    assertTrue(any.statuses().isEmpty());
    assertNull(any.submittedFrom());
    assertNull(any.submittedTo());
  }

  @Test
  void timelineTimesAreBeijingTimeInChineseWithAMachineReadableOffset() {
    Formats f = formats();
    Instant at = Instant.parse("2026-12-05T06:03:09Z");
    assertEquals("2026年12月5日 14:03", f.longTime(at));
    assertEquals("2026-12-05T14:03:09+08:00", f.isoInstant(at));
    assertEquals("2026年1月8日", f.longDate(LocalDate.of(2026, 1, 8)));
    f.english = () -> true;
    assertEquals("5 Dec 2026, 14:03", f.longTime(at));
  }

  @Test
  void everyNewLabelIsInChineseAndEnglish() throws Exception {
    Properties zh = bundle("messages_zh.properties");
    Properties base = bundle("messages.properties");
    Properties en = bundle("messages_en.properties");
    // English-only: the labels of codes, whose Chinese is the domain's (Formats.label).
    java.util.Set<Object> enPages = new java.util.HashSet<>(en.keySet());
    enPages.removeIf(k -> LABEL_PREFIXES.stream().anyMatch(p -> k.toString().startsWith(p)));
    assertEquals(zh.keySet(), enPages, "the same keys in Chinese and English");
    assertEquals(zh.keySet(), base.keySet());
    for (String prefix : new String[] {"mine.", "timeline.", "licences.", "nav.licences"}) {
      assertTrue(en.stringPropertyNames().stream().anyMatch(k -> k.startsWith(prefix)), prefix);
    }
    for (StatusGroup g : StatusGroup.values()) {
      assertNotNull(en.getProperty("mine.group." + g.name()), g.name());
      assertNotNull(zh.getProperty("mine.group." + g.name()), g.name());
    }
    assertEquals("我的办件", zh.getProperty("worklist.applicant"));
    assertEquals("草稿", zh.getProperty("mine.group.DRAFT"));
    assertEquals("待补正", zh.getProperty("mine.group.SUPPLEMENT"));
  }

  static final java.util.List<String> LABEL_PREFIXES = java.util.List.of("status.", "kind.", "opinion.",
      "matterName.", "materialName.", "findingCode.", "departmentName.", "refusal.");

  /** Every status and kind reads in English in English pages; Chinese pages keep the domain's. */
  @Test
  void codesHaveEnglishLabelsAndWorkingDaysAgree() throws Exception {
    Properties en = bundle("messages_en.properties");
    for (ApplicationStatus s : ApplicationStatus.values()) {
      assertNotNull(en.getProperty("status." + s.name()), s.name());
    }
    for (cn.wssp.portal.domain.model.MatterKind k : cn.wssp.portal.domain.model.MatterKind.values()) {
      assertNotNull(en.getProperty("kind." + k.name()), k.name());
    }
    for (cn.wssp.prereview.FindingCode c : cn.wssp.prereview.FindingCode.values()) {
      assertNotNull(en.getProperty("findingCode." + c.name()), c.name());
    }
    Formats f = formats();
    assertEquals("待补正", f.label("status", ApplicationStatus.SUPPLEMENT_REQUESTED,
        ApplicationStatus.SUPPLEMENT_REQUESTED.label()));
    assertEquals("1 个工作日", f.workingDays(1));
    assertFalse(f.translated("findingCode", "KEYWORD_MISSING"), "Chinese pages: the finding as it is");
    f.english = () -> true;
    assertTrue(f.translated("findingCode", "KEYWORD_MISSING"));
    assertFalse(f.translated("findingCode", "NO_SUCH_CODE"));
    assertEquals("Supplement requested", f.label("status", ApplicationStatus.SUPPLEMENT_REQUESTED,
        ApplicationStatus.SUPPLEMENT_REQUESTED.label()));
    assertEquals("新码", f.label("status", "NEW_CODE", "新码"), "untranslated: the Chinese label");
    assertEquals("1 working day", f.workingDays(1));
    assertEquals("20 working days", f.workingDays(20));
  }

  static Properties bundle(String name) throws Exception {
    Properties p = new Properties();
    try (InputStream in = ApplicantPagesWordingTest.class.getResourceAsStream(
        "/cn/wssp/portal/web/" + name)) {
      p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
    }
    return p;
  }
}
