package cn.wssp.portal.domain.model;

/**
 * What an audit entry records (§3, API.md's audit action codes), with the name the window and
 * the supervisor use. The stored code is the constant's name, which the hash chain covers.
 */
public enum AuditAction {
  CREATE("创建申请"),
  UPLOAD("上传材料"),
  SUBMIT("提交申请"),
  PRE_REVIEW("自动预审"),
  COMMITMENT("签署承诺书"),
  WITHDRAW("撤回申请"),
  ACCEPTANCE_ACCEPT("受理"),
  ACCEPTANCE_SUPPLEMENT("要求补正"),
  ACCEPTANCE_NOT_ACCEPT("不予受理"),
  /** 不采纳: the window set a pre-review finding aside, with its reason. */
  FINDING_OVERRULED("不采纳预审意见"),
  DEEMED_ACCEPTED("视为受理"),
  DECISION_APPROVE("准予许可并签章"),
  DECISION_DENY("不予许可并签章"),
  ISSUE("签发文书"),
  /** 抄告: a joint matter was accepted and every department told at once (并联审批). */
  JOINT_CIRCULATED("抄告相关部门"),
  /** 审查意见 of a department's reviewer. */
  REVIEW_OPINION("审查意见"),
  REVOKED("撤销决定"),
  /** 审查补正: a deciding department asked for materials during review; the review clock paused. */
  REVIEW_SUPPLEMENT_REQUESTED("审查补正告知"),
  /** The applicant handed in the 审查补正; the review clock runs again. */
  REVIEW_SUPPLEMENT_SUBMITTED("提交审查补正材料"),
  /** 上报件: a department sent the application up with its initial review; the clock paused. */
  FORWARDED("上报上级机关"),
  /** The higher authority's answer was recorded (批复文号); the clock runs again. */
  FORWARD_ANSWERED("录入上级机关批复"),
  /** 超时默许: the review's time limit passed without a decision; approved and issued. */
  DEEMED_APPROVED("超时默许（视为准予许可）"),
  MATTER_OPTIONS_CHANGED("修改事项办理选项"),
  /** The center defined a new matter with its first rule set (material list). */
  MATTER_CREATED("新增办理事项"),
  /** The center added a department; its seal was made at once. */
  DEPARTMENT_CREATED("新增部门"),
  /** The center gave a department its name on the English pages (or took it away). */
  DEPARTMENT_RENAMED_IN_ENGLISH("修改部门英文名称"),
  /** The center rewrote a matter's guide texts (办事指南). */
  MATTER_GUIDE_CHANGED("修改办事指南"),
  COMMITMENT_BREACHED("逾期未履行承诺"),
  COMMITMENT_FULFILLED("履行承诺"),
  EVALUATED("好差评"),
  LOGIN("登录"),
  LOGIN_FAILED("登录失败"),
  ACCESS_DENIED("拒绝访问"),
  MATERIAL_DOWNLOADED("查看材料"),
  DOCUMENT_DOWNLOADED("下载文书"),
  SIGNING_REFUSED("拒绝签章"),
  CALENDAR_CHANGED("修改节假日安排"),
  ABSENCE_RECORDED("登记首席代表缺席"),
  DELEGATION_ISSUED("签发授权委托书"),
  DISHONEST_LISTED("列入失信名单"),
  DISHONEST_REMOVED("移出失信名单"),
  TEST_CLOCK_MOVED("调整测试时钟"),
  SEAL_REVOKED("吊销印章证书"),
  /** A department's seal changed algorithm (RSA, ECDSA P-256, SM2) and was re-keyed. */
  SEAL_ALGORITHM_CHANGED("变更印章算法"),
  RULES_PUBLISHED("发布预审规则"),
  STORAGE_RECONCILED("核对文件存储"),
  /** PAdES B-LTA: an archive timestamp renewed an issued document's evidence. */
  ARCHIVE_TIMESTAMPED("文书长期验证续期"),
  /** 用户与角色: the center admin created an account, changed one, or reset its password. */
  ACCOUNT_CREATED("创建账户"),
  ACCOUNT_CHANGED("修改账户"),
  ACCOUNT_PASSWORD_RESET("重置账户密码");

  private final String label;

  AuditAction(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The window's action on the pre-review, as audited. */
  public static AuditAction ofAcceptance(AcceptanceAction action) {
    return switch (action) {
      case ACCEPT -> ACCEPTANCE_ACCEPT;
      case SUPPLEMENT -> ACCEPTANCE_SUPPLEMENT;
      case NOT_ACCEPT -> ACCEPTANCE_NOT_ACCEPT;
    };
  }

  public static AuditAction ofDecision(DecisionOutcome outcome) {
    return outcome == DecisionOutcome.APPROVE ? DECISION_APPROVE : DECISION_DENY;
  }
}
