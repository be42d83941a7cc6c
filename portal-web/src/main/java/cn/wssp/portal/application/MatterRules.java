package cn.wssp.portal.application;

import cn.wssp.prereview.Applicant;
import cn.wssp.prereview.SubmittedFile;
import cn.wssp.prereview.PreReviewResult;
import cn.wssp.prereview.PreReviewer;
import cn.wssp.portal.domain.model.*;
import cn.wssp.prereview.MaterialRequirement;
import cn.wssp.prereview.MaterialRule;
import cn.wssp.prereview.RuleSet;
import cn.wssp.prereview.RuleSetException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Each matter's pre-review rule set (规则集, prereview/RULES.md), published in versions by the
 * center admin.
 *
 * <p>One source of truth: the published JSON document. The matter's material list (material_spec,
 * what the guide shows and uploads are checked against) is derived from the version in force and
 * rewritten in the same transaction as each publication, never edited on its own; the pre-review
 * reads the document of the version the application was submitted under.
 */
@ApplicationScoped
public class MatterRules {
  /** The pre-reviewer's own limit when a rule set gives none ({@code maxBytes} 0). */
  static final long DEFAULT_MAX_BYTES = 100L << 20;

  @Inject
  MatterCatalog catalog;

  @Inject
  RuleSetRepository ruleSets;

  @Inject
  AuditTrail audit;

  @Inject
  Clock clock;

  @Inject
  PreReviewer preReviewer;

  /**
   * Published versions parsed once per instance: a version is never changed once published (a
   * change is the next version), and every pre-review of an application read and parsed its
   * document again (1.5 % of the portal's CPU under the load run, docs/PERFORMANCE.md).
   */
  private final java.util.Map<VersionKey, RuleSet> parsedVersions =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static final int PARSED_VERSIONS_KEPT = 512;

  private record VersionKey(Long matterId, int version) {}

  /** The rule set in force for this matter, as published. */
  public RulesView inForce(String matterCode) {
    Matter matter = catalog.matter(matterCode);
    return ruleSets.inForce(matter.id()).map(r -> view(matter, r)).orElseThrow(() ->
        new DomainException("NOT_FOUND", 404, "办理事项「" + matter.code() + "」尚未发布预审规则。")
            .inEnglish("No pre-review rules have been published yet for matter \"" + matter.code()
                + "\"."));
  }

  /** The center admin publishes a new version: validated first, then version + 1, audited. */
  @Transactional
  public RulesView publish(Actor actor, String matterCode, String document) {
    AccessPolicy.requireRole(actor, Role.CENTER_ADMIN, "发布预审规则");
    Matter matter = catalog.matter(matterCode);
    PublishedRules published = publish(matter, document, actor.username());
    audit.record(actor, null, AuditAction.RULES_PUBLISHED, null, null,
        matter.code() + " 预审规则第 " + published.version() + " 版");
    return view(matter, published);
  }

  /**
   * Publishes without an actor: the demo data's first versions at first start. Returns the
   * version stored.
   */
  @Transactional
  public PublishedRules publish(Matter matter, String document, String publishedBy) {
    RuleSet rules = parse(document);
    int next = versionInForce(matter).orElse(0) + 1;
    PublishedRules published = new PublishedRules(matter.id(), next, document,
        Instant.now(clock), publishedBy);
    ruleSets.add(published);
    matter.adoptMaterialList(next, rules.requirements().stream().map(MatterRules::listing).toList());
    return published;
  }

  /** The version an application submitted now is judged under; empty when none is published. */
  public Optional<Integer> versionInForce(Matter matter) {
    return ruleSets.inForce(matter.id()).map(PublishedRules::version);
  }

  /**
   * The rule set this application is judged under: the version recorded at its submission; for
   * one submitted before rule sets existed, its matter's material list with the standard checks.
   */
  public RuleSet ruleSetOf(Application app) {
    if (app.rulesVersion() == null) {
      return RuleSet.fromRequirements(app.matter().materials().stream()
          .map(m -> new MaterialRequirement(m.code(), m.name(), m.required(), m.commitable(),
              m.acceptedTypes(), m.maxBytes(), m.maxPages(), m.form(), m.nameEn()))
          .toList());
    }
    VersionKey key = new VersionKey(app.matter().id(), app.rulesVersion());
    RuleSet parsed = parsedVersions.get(key);
    if (parsed == null) {
      PublishedRules stored = ruleSets.version(key.matterId(), key.version()).orElseThrow(
          () -> new IllegalStateException("rule set " + app.matter().code() + " v"
              + key.version() + " missing"));
      parsed = parse(stored.document());
      if (parsedVersions.size() >= PARSED_VERSIONS_KEPT) {
        parsedVersions.clear(); // far more versions than matters in use: start again
      }
      parsedVersions.put(key, parsed);
    }
    return parsed;
  }

  /**
   * 试运行: judges one sample file as material {@code materialCode} under a draft rule set, before
   * it is published (center admin; nothing is stored). The sample is judged for the enterprise
   * named (or none: then checks comparing with the applicant's code report a mismatch), on today's
   * date; only the sample's own findings are returned, not those of the materials not given.
   */
  public List<TrialFinding> trial(Actor actor, String document, String materialCode,
      String fileName, byte[] bytes, String enterpriseName, String creditCode) {
    AccessPolicy.requireRole(actor, Role.CENTER_ADMIN, "试运行预审规则");
    RuleSet rules = parse(document);
    if (rules.materials().stream().noneMatch(m -> m.code().equals(materialCode))) {
      throw DomainException.invalid("规则集中没有材料「" + materialCode + "」，请选择要试运行的材料。")
          .inEnglish("The rule set has no material \"" + materialCode + "\": choose the material"
              + " to try.");
    }
    if (bytes == null || bytes.length == 0) {
      throw DomainException.invalid("请上传一份样例文件（file 不能为空）。")
          .inEnglish("Please upload a sample file (file may not be empty).");
    }
    SubmittedFile sample = new SubmittedFile(materialCode, fileName == null ? "sample" : fileName,
        bytes.length, () -> new java.io.ByteArrayInputStream(bytes));
    PreReviewResult result = preReviewer.review(rules,
        new Applicant(blankToNull(enterpriseName), blankToNull(creditCode)),
        java.time.LocalDate.now(clock), List.of(sample));
    return result.findings().stream()
        .filter(f -> materialCode.equals(f.materialCode()))
        .map(f -> new TrialFinding(f.code().name(), Severity.valueOf(f.severity().name()),
            f.message(), f.evidence() == null ? null : f.evidence().page(),
            f.evidence() == null ? null : f.evidence().snippet()))
        .toList();
  }

  /** A finding of a trial run, as the admin page shows it. */
  public record TrialFinding(String code, Severity severity, String message, Integer page,
      String snippet) {
    public String severityLabel() {
      return severity == Severity.BLOCKING ? "须补正" : "提示";
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  /** The material codes a draft lists, in order; none while the draft does not parse. */
  public List<String> materialCodes(String document) {
    try {
      return parse(document).materials().stream().map(MaterialRule::code).toList();
    } catch (DomainException invalid) {
      return List.of(); // the trial and the publication say what is wrong with it
    }
  }

  /** A document that is not a valid rule set is refused with the reader's Chinese message. */
  static RuleSet parse(String document) {
    if (document == null || document.isBlank()) {
      throw new DomainException("INVALID_RULES", 400, "规则集无效：请提供规则集 JSON 文档。")
          .inEnglish("The rule set is not valid: please give the rule set's JSON document.");
    }
    try {
      return RuleSet.parse(document);
    } catch (RuleSetException e) {
      throw new DomainException("INVALID_RULES", 400, e.getMessage()).inEnglish(inEnglish(e));
    }
  }

  private static final java.util.regex.Pattern JSON_POSITION =
      java.util.regex.Pattern.compile("第 (\\d+) 行第 (\\d+) 列");

  /** The reader's refusal in English: where it is (a JSON position or a field path). */
  private static String inEnglish(RuleSetException e) {
    String path = e.path() == null ? "" : e.path();
    java.util.regex.Matcher json = JSON_POSITION.matcher(path);
    if (json.matches()) {
      return "The rule set is not valid JSON (line " + json.group(1) + ", column " + json.group(2)
          + ").";
    }
    if (path.isEmpty() || !path.chars().allMatch(c -> c < 128)) {
      return "The rule set is not valid.";
    }
    return "The rule set is not valid at " + path + ": please correct this field.";
  }

  private static MaterialSpec.Listing listing(MaterialRequirement r) {
    return new MaterialSpec.Listing(r.code(), r.name(), r.required(), r.commitable(),
        r.acceptedTypes(), r.maxBytes() > 0 ? r.maxBytes() : DEFAULT_MAX_BYTES, r.maxPages(),
        r.form(), r.nameEn());
  }

  private static RulesView view(Matter matter, PublishedRules r) {
    return new RulesView(matter.code(), r.version(), r.publishedAt(), r.publishedBy(),
        r.document());
  }

  /** A published version; {@code document} is the JSON text as published. */
  public record RulesView(String matterCode, int version, Instant publishedAt, String publishedBy,
      String document) {}
}
