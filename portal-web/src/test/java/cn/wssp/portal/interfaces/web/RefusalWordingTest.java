package cn.wssp.portal.interfaces.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.wssp.portal.domain.model.DomainException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * An English page says every refusal at least by its code's sentence (Pages.refusal): each error
 * code the portal raises has one in messages_en.properties.
 */
class RefusalWordingTest {
  /** A code given as a literal (new DomainException("X", …), super("X", …)) or a constant. */
  private static final Pattern RAISED = Pattern.compile(
      "(?:DomainException|super)\\(\\s*(\"[A-Z][A-Z_]+\"|[A-Z][A-Z_]+)\\s*,");
  private static final Pattern CONSTANT = Pattern.compile(
      "static final String ([A-Z][A-Z_]+) = \"([A-Z][A-Z_]+)\"");
  /** The codes of DomainException's own factories (notFound, forbidden, invalid, conflict). */
  private static final Set<String> FACTORIES =
      Set.of("NOT_FOUND", "FORBIDDEN", "INVALID_INPUT", "INVALID_STATE");

  @Test
  void everyCodeRaisedHasAnEnglishSentence() throws Exception {
    Set<String> codes = new TreeSet<>(FACTORIES);
    java.util.Map<String, String> constants = new java.util.HashMap<>();
    java.util.List<String> sources = new java.util.ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        String text = Files.readString(f);
        sources.add(text);
        Matcher c = CONSTANT.matcher(text);
        while (c.find()) {
          constants.put(c.group(1), c.group(2));
        }
      }
    }
    for (String text : sources) {
      Matcher m = RAISED.matcher(text);
      while (m.find()) {
        String raised = m.group(1);
        if (raised.startsWith("\"")) {
          codes.add(raised.substring(1, raised.length() - 1));
        } else if (constants.containsKey(raised)) {
          codes.add(constants.get(raised));
        }
      }
    }
    assertTrue(codes.size() > 20, "the scan found the codes: " + codes);
    Properties en = ApplicantPagesWordingTest.bundle("messages_en.properties");
    Set<String> missing = new TreeSet<>();
    for (String code : codes) {
      if (en.getProperty("refusal." + code) == null) {
        missing.add(code);
      }
    }
    assertTrue(missing.isEmpty(), "no refusal.<CODE> in messages_en.properties for " + missing);
  }

  private final Properties en = load();

  private static Properties load() {
    try {
      return ApplicantPagesWordingTest.bundle("messages_en.properties");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private String label(String key) {
    return en.getProperty(key, key);
  }

  @Test
  void chinesePagesShowTheDomainsWordsEnglishPagesTheirOwn() {
    DomainException wrongPin = new DomainException("WRONG_PIN", 403, "签章密码（PIN）错误，未签章。")
        .inEnglish("Wrong signing PIN; nothing was sealed.");
    assertEquals("签章密码（PIN）错误，未签章。", Pages.refusal(wrongPin, false, this::label));
    assertEquals("Wrong signing PIN; nothing was sealed.", Pages.refusal(wrongPin, true, this::label));
  }

  @Test
  void withoutEnglishWordsTheCodesSentenceThenTheChineseDetails() {
    DomainException taken = new DomainException("USERNAME_TAKEN", 409, "用户名（username）「li」已被使用。");
    assertEquals("This user name is already in use. (用户名（username）「li」已被使用。)",
        Pages.refusal(taken, true, this::label));
    DomainException unknown = new DomainException("SOMETHING_NEW", 409, "新的拒绝。");
    assertEquals("新的拒绝。", Pages.refusal(unknown, true, this::label));
  }
}
