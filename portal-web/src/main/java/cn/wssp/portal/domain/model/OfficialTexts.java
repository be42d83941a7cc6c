package cn.wssp.portal.domain.model;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place for the legal wording of notices and decisions (§3): the paragraphs of each
 * document, citing the Administrative Licensing Law (《中华人民共和国行政许可法》) where it applies.
 * The renderer prints the addressee (enterprise and credit code) above these paragraphs.
 */
public final class OfficialTexts {
  public static final DateTimeFormatter CN_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

  /** 行政复议法 / 行政诉讼法: sixty days for review, six months for a lawsuit. */
  static final String APPEAL_RIGHTS = "如不服本决定，可以自收到本%s之日起六十日内依法申请行政复议，"
      + "或者在六个月内依法向人民法院提起行政诉讼。";

  private OfficialTexts() {}

  /** 你单位于2026年11月23日提交的《…》申请（申请号 …）. */
  public static String submitted(Application app, ZoneId zone) {
    return "你单位于" + CN_DATE.format(app.submittedAt().atZone(zone)) + "提交的《"
        + app.matter().name() + "》申请（申请号 " + app.number() + "）";
  }

  /** 受理通知书: accepted, the promised time limit, the commitment and the override reason. */
  public static List<String> acceptance(Application app, ZoneId zone, LocalDate reviewDue,
      Commitment commitment, String overrideReason) {
    List<String> body = new ArrayList<>(List.of(
        submitted(app, zone) + "，材料齐全、符合法定形式，根据《中华人民共和国行政许可法》第三十二条的规定，"
            + "决定予以受理。",
        promisedTime(app, reviewDue, "")));
    if (commitment != null) {
      body.add("根据告知承诺制，你单位承诺于" + CN_DATE.format(commitment.dueDate())
          + "前补交以下材料：" + app.matter().materialNames(commitment.materials())
          + "。逾期未补交的，将依法撤销行政许可决定。");
    }
    if (overrideReason != null && !overrideReason.isBlank()) {
      body.add("受理说明：" + overrideReason.trim());
    }
    addTracking(body, app);
    return body;
  }

  /** 受理通知书 of a 视为受理: the window did not act in time, acceptance counts from submission. */
  public static List<String> deemedAcceptance(Application app, ZoneId zone, LocalDate reviewDue) {
    List<String> body = new ArrayList<>(List.of(
        submitted(app, zone) + "，窗口未在法定的两个工作日内（" + CN_DATE.format(app.preReviewDue())
            + "前）作出受理决定。根据《中华人民共和国行政许可法》第三十二条的规定，自收到申请材料之日起即为受理（视为受理）。",
        promisedTime(app, reviewDue, "自提交之日起计算，")));
    addTracking(body, app);
    return body;
  }

  /** 办件查询码: with the application number, anyone holding the notice may follow the progress. */
  static void addTracking(List<String> body, Application app) {
    if (app.trackingCode() != null) {
      body.add("办件查询码：" + app.trackingCode() + "（凭申请号和办件查询码可在网上审批门户「办件查询」查看办理进度）");
    }
  }

  /** 补正材料一次性告知书: every item to fix, numbered, in one notice. */
  public static List<String> supplement(Application app, ZoneId zone, List<String> items) {
    List<String> body = new ArrayList<>();
    body.add(submitted(app, zone) + "，经审查，申请材料不齐全或者不符合法定形式。根据《中华人民共和国行政许可法》"
        + "第三十二条的规定，现一次性告知你单位需要补正的全部内容如下：");
    for (int i = 0; i < items.size(); i++) {
      body.add((i + 1) + ". " + items.get(i));
    }
    body.add("请按上述要求一次性补正后重新提交。");
    return body;
  }

  /** 不予受理通知书: the reason and the appeal rights. */
  public static List<String> notAccepted(Application app, ZoneId zone, String reason) {
    return List.of(submitted(app, zone) + "，经审查，决定不予受理。理由：" + reason.trim(),
        APPEAL_RIGHTS.formatted("通知书"));
  }

  /**
   * A decision made under 告知承诺制 says so: what was promised and by when, and that a promise
   * not kept (or untrue) leads to revocation; or that the promise was kept. Inserted before the
   * closing line (validity and verification); the body is returned changed.
   */
  public static List<String> withCommitment(List<String> body, Application app,
      Commitment commitment) {
    if (commitment == null) {
      return body;
    }
    String materials = app.matter().materialNames(commitment.materials());
    String sentence = commitment.isOpen()
        ? "本决定系依据告知承诺制作出。你单位已书面承诺于" + CN_DATE.format(commitment.dueDate())
            + "前补交以下材料：" + materials + "。逾期未补交或者承诺内容与实际情况不符的，将依法撤销本行政许可决定。"
        : "本决定系依据告知承诺制作出，你单位已按承诺补交" + materials + "。";
    List<String> changed = new ArrayList<>(body);
    changed.add(Math.max(0, changed.size() - 1), sentence);
    return changed;
  }

  /** The promised time sentence of a notice: 即办件 are decided the day of acceptance. */
  static String promisedTime(Application app, LocalDate reviewDue, String countedFrom) {
    if (app.matter().kind() == MatterKind.IMMEDIATE) {
      return "本事项为即办件，当场办结，将于" + CN_DATE.format(reviewDue) + "作出决定。";
    }
    return "承诺办结时限为 " + app.matter().timeLimitDays() + " 个工作日，" + countedFrom + "将于"
        + CN_DATE.format(reviewDue) + "前作出决定。";
  }

  /** 准予行政许可决定书. */
  public static List<String> approval(Application app, ZoneId zone, String text) {
    return List.of(submitted(app, zone) + "，经审查，符合法定条件、标准。依据" + app.matter().legalBasis()
            + "的规定，决定准予行政许可。",
        text.trim(),
        "本决定书自签发之日起生效。可凭文书编号和验证码在网上审批门户核验本决定书的真实性。");
  }

  /**
   * 准予行政许可决定书 of a 超时默许: the time limit passed without a decision, and the matter's
   * published rule says that silence approves; the center issues it under its own seal.
   */
  public static List<String> deemedApproval(Application app, ZoneId zone, LocalDate reviewDue,
      String centerName) {
    return List.of(submitted(app, zone) + "，已依法受理。审批部门应于" + CN_DATE.format(reviewDue)
            + "前作出决定，但在法定办理时限内未作出决定。",
        "根据本事项公布的超时默许规定，审批部门逾期未作出决定的，视为准予行政许可。现决定：视为准予行政许可（超时默许）。"
            + "依据" + app.matter().legalBasis() + "。",
        "本决定书因法定办理时限届满未作出决定而由" + centerName + "签发，加盖" + centerName
            + "电子印章，自签发之日起生效。可凭文书编号和验证码在网上审批门户核验本决定书的真实性。");
  }

  /**
   * 许可内容 of the licence issued with an approval: the approving chief's words; on a joint
   * matter each department's, in the matter's order.
   */
  public static String licenceScope(List<DepartmentDecision> approvals) {
    if (approvals.size() == 1) {
      return approvals.get(0).text().trim();
    }
    return String.join("；", approvals.stream()
        .map(d -> d.department().name() + "：" + d.text().trim()).toList());
  }

  /** 许可内容 of a licence of 超时默许: what the matter's guide says it permits. */
  public static String deemedLicenceScope(Application app) {
    return app.matter().content().trim() + "（超时默许，视为准予行政许可）";
  }

  /**
   * 准予行政许可决定书 of a joint matter (联合审批): the approval, then each department's own words
   * in the matter's order of departments.
   */
  public static List<String> jointApproval(Application app, ZoneId zone,
      List<DepartmentDecision> approvals) {
    List<String> body = new ArrayList<>();
    body.add(submitted(app, zone) + "，经" + departmentNames(approvals) + "并联审批，符合法定条件、标准。依据"
        + app.matter().legalBasis() + "的规定，决定准予行政许可。");
    for (DepartmentDecision d : approvals) {
      body.add(d.department().name() + "：" + d.text());
    }
    body.add("本决定书自签发之日起生效。可凭文书编号和验证码在网上审批门户核验本决定书的真实性。");
    return body;
  }

  /**
   * 不予行政许可决定书 of a joint matter: which department denied and why; approvals given by the
   * other departments are not issued (行政许可法第二十六条、第三十八条).
   */
  public static List<String> jointDenial(Application app, ZoneId zone, Department department,
      String text) {
    return List.of(submitted(app, zone) + "，系多个部门并联审批的联办事项。经" + department.name()
            + "审查，不符合法定条件、标准，决定不予行政许可。",
        "不予许可部门：" + department.name(),
        "理由：" + text.trim(),
        APPEAL_RIGHTS.formatted("决定书"));
  }

  /** 市场监督管理局、卫生健康委员会. */
  static String departmentNames(List<DepartmentDecision> decisions) {
    return String.join("、", decisions.stream().map(d -> d.department().name()).toList());
  }

  /** 撤销决定书: which decision, why, and the appeal rights. */
  public static List<String> revocation(Application app, ZoneId zone, Document decision,
      java.util.Optional<Document> licence, String reason) {
    return List.of(submitted(app, zone) + "，本机关于" + CN_DATE.format(decision.createdAt().atZone(zone))
            + "作出准予行政许可决定（文书编号 " + decision.number() + "）"
            + licence.map(l -> "，并颁发电子证照（证照编号 " + l.number() + "）")
                .orElse("") + "。",
        "经查：" + reason + "。根据《中华人民共和国行政许可法》第六十九条的规定，决定撤销上述行政许可决定"
            + (licence.isPresent() ? "，所颁发的证照同时撤销" : "") + "。",
        APPEAL_RIGHTS.formatted("决定书"));
  }

  /** 不予行政许可决定书: reasons and appeal rights are required by law (行政许可法第三十八条). */
  public static List<String> denial(Application app, ZoneId zone, String text) {
    return List.of(submitted(app, zone) + "，经审查，不符合法定条件、标准，决定不予行政许可。",
        "理由：" + text.trim(),
        APPEAL_RIGHTS.formatted("决定书"));
  }

  /** 失信名单: the commitment procedure is not open to the enterprise; it hands in everything. */
  public static String dishonestCommitmentRefusal(String reason) {
    return "贵单位已被列入失信名单（原因：" + reason + "），不适用告知承诺制，请补齐全部材料后再提交。";
  }

  /**
   * 授权委托书: the department, its chief representatives in their roles, the matters (all, or
   * each by name), the actions and the period; the department's seal makes it binding.
   */
  public static List<String> delegationLetter(Department department, String roleB, String roleA,
      List<String> matters, List<String> actions, LocalDate from, LocalDate to) {
    List<String> body = new ArrayList<>();
    body.add("根据行政审批首席代表制的规定，" + department.name() + "委托本部门首席代表在"
        + "行政服务中心代表本部门行使下列行政审批职权：");
    body.add("受托人（B角首席代表，常规签章）：" + roleB);
    body.add("受托人（A角首席代表，B角登记缺席期间签章）：" + (roleA == null ? "无" : roleA));
    body.add("委托事项：" + (matters.isEmpty() ? "本部门进驻中心的全部行政许可事项" : String.join("；", matters)));
    body.add("委托权限：" + String.join("、", actions));
    body.add("委托期限：" + CN_DATE.format(from) + "至" + CN_DATE.format(to) + "（含首尾两日）。");
    body.add("受托人在委托权限和期限内以本部门名义作出的审批决定及电子签章，由本部门承担法律责任。"
        + "超出委托事项、权限或期限的，不得签章。可凭文书编号和验证码在网上审批门户核验本委托书。");
    return body;
  }
}
