package cn.wssp.portal.infrastructure;

import static cn.wssp.portal.domain.model.Role.*;

import cn.wssp.portal.application.MatterRules;
import cn.wssp.portal.domain.model.*;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The demo data of API.md, seeded once into an empty database when PORTAL_DEMO_DATA is on.
 * Demo credentials exist only here: a portal without demo data has no known password.
 */
@ApplicationScoped
public class DemoData {
  private static final Logger LOG = Logger.getLogger(DemoData.class.getName());
  public static final String PASSWORD = "Demo-2026!";
  public static final String PIN = "123456";

  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Inject
  MatterRules rules;

  /** The demo rule set of a matter, kept as a readable resource (cn/wssp/portal/rules/CODE.json). */
  static String demoRules(String matterCode) {
    String resource = "/cn/wssp/portal/rules/" + matterCode + ".json";
    try (InputStream in = DemoData.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Transactional
  public void seedIfEmpty() {
    long users = em.createQuery("select count(u) from UserAccount u", Long.class).getSingleResult();
    if (users > 0) {
      publishMissingDemoRules();
      addMissingForwardedMatter();
      describeDemoConditions();
      grantDemoLicences();
      nameDemoInEnglish();
      return;
    }
    LOG.info("首次启动：写入演示数据（演示用户密码见 README）");
    Department market = persist(new Department("SCJG", "市场监督管理局", "市监"));
    Department health = persist(new Department("WSJK", "卫生健康委员会", "卫健"));
    Enterprise demo = persist(new Enterprise("演示科技有限公司", CreditCode.complete("91350100M0001XU43")));
    Enterprise second = persist(new Enterprise("示例餐饮管理有限公司", CreditCode.complete("91350102MA2Y8K3L0")));

    user("applicant", "林晓（演示科技）", Set.of(APPLICANT)).inEnterprise(demo)
        .withEmail("applicant@demo.example");
    user("applicant2", "陈敏（示例餐饮）", Set.of(APPLICANT)).inEnterprise(second)
        .withEmail("applicant2@demo.example");
    user("clerk", "王芳（统一受理窗口）", Set.of(WINDOW_CLERK));
    user("reviewer", "赵磊（市场监管审查）", Set.of(REVIEWER)).inDepartment(market);
    UserAccount chiefB = user("chief-b", "李强（市场监管首席代表 B角）", Set.of(CHIEF_REP))
        .inDepartment(market).asChief(ChiefRole.B, pin());
    UserAccount chiefA = user("chief-a", "张伟（市场监管首席代表 A角）", Set.of(CHIEF_REP))
        .inDepartment(market).asChief(ChiefRole.A, pin());
    UserAccount chiefB2 = user("chief-b-2", "周静（卫健首席代表 B角）", Set.of(CHIEF_REP))
        .inDepartment(health).asChief(ChiefRole.B, pin());
    user("admin", "中心管理员", Set.of(CENTER_ADMIN));
    user("supervisor", "电子监察室", Set.of(SUPERVISOR));
    em.flush();

    LocalDate from = LocalDate.of(2026, 1, 1);
    LocalDate to = LocalDate.of(2030, 12, 31);
    // 委托书: chief-b (B) and chief-a (A) for all of 市场监督管理局's matters; chief-b-2 for the
    // joint matter only. Every action a chief representative takes.
    Set<DelegatedAction> everything = EnumSet.allOf(DelegatedAction.class);
    em.persist(new Delegation(market.id(), chiefA.id(), chiefB.id(), Set.of(), everything, from, to));
    em.persist(new Delegation(health.id(), null, chiefB2.id(), Set.of("LB-0001"), everything, from, to));

    Matter promised = persist(new Matter("SCJG-0001", "食品经营许可（新办）", MatterKind.PROMISED, 10,
            "从事食品销售和餐饮服务活动的经营者，应当取得食品经营许可。",
            "《中华人民共和国食品安全法》第三十五条；《食品经营许可和备案管理办法》",
            "网上申请 → 材料预审（2个工作日内）→ 受理 → 审查 → 首席代表决定并电子签章 → 送达",
            "不收费", List.of(market)));
    Matter immediate = persist(new Matter("SCJG-0002", "营业执照遗失补领", MatterKind.IMMEDIATE, 1,
            "企业营业执照遗失的，可申请补领。",
            "《中华人民共和国市场主体登记管理条例》第三十七条",
            "网上申请 → 预审 → 当场办结", "不收费", List.of(market)));
    Matter joint = persist(new Matter("LB-0001", "餐饮服务食品经营与公共场所卫生许可联办", MatterKind.JOINT, 15,
            "新开办餐饮单位一次申请，市场监督管理局与卫生健康委员会并联审批、联合发证。",
            "《中华人民共和国食品安全法》；《公共场所卫生管理条例》第八条",
            "一门受理 → 抄告相关部门 → 各部门并联审批、分别电子签章 → 限时办结",
            "不收费", List.of(market, health)));
    em.flush();
    // Each matter's material list comes from its rule set (version 1), the one source of truth.
    for (Matter m : List.of(promised, immediate, joint)) {
      rules.publish(m, demoRules(m.code()), "admin");
    }
    addForwardedMatter(market);
    describeDemoConditions();
    grantDemoLicences();
    nameDemoInEnglish();
  }

  /** The demo's departments and matters in English (data, as a center gives its own). */
  static final Map<String, String> DEMO_ENGLISH_NAMES = Map.of(
      "SCJG", "Administration for Market Regulation",
      "WSJK", "Health Commission",
      "SCJG-0001", "Food business licence (new)",
      "SCJG-0002", "Replacement of a lost business licence",
      DemoData.FORWARDED_MATTER, "Health food production licence (examined here, decided by the province)",
      "LB-0001", "Joint licence: catering food business and public-place hygiene");

  /** Gives the demo's departments and matters their English names (also older demo databases). */
  private void nameDemoInEnglish() {
    for (Department d : em.createQuery("select d from Department d where d.nameEn is null",
        Department.class).getResultList()) {
      d.namedInEnglish(DEMO_ENGLISH_NAMES.get(d.code()));
    }
    for (Matter m : em.createQuery("select m from Matter m where m.nameEn is null", Matter.class)
        .getResultList()) {
      String english = DEMO_ENGLISH_NAMES.get(m.code());
      if (english != null) {
        m.nameInEnglish(english);
      }
    }
  }

  /** A demo matter's licence: its name and validity in years. */
  record DemoLicence(String name, int years) {}

  /**
   * The licences the demo's licensing matters grant (also for older demo databases); 营业执照遗失补领
   * (SCJG-0002) replaces a lost business licence and grants none of its own.
   */
  static final Map<String, DemoLicence> DEMO_LICENCES = Map.of(
      "SCJG-0001", new DemoLicence("食品经营许可证", 5),
      "LB-0001", new DemoLicence("食品经营许可证（含公共场所卫生许可）", 4),
      DemoData.FORWARDED_MATTER, new DemoLicence("食品生产许可证", 5));

  private void grantDemoLicences() {
    for (Matter m : em.createQuery("select m from Matter m", Matter.class).getResultList()) {
      DemoLicence licence = DEMO_LICENCES.get(m.code());
      if (licence != null && !m.grantsLicence()) {
        m.grantLicence(licence.name(), licence.years());
      }
    }
  }

  /** 申请条件 of the demo matters, as a real guide states them (also for older demo databases). */
  static final Map<String, String> DEMO_CONDITIONS = Map.of(
      "SCJG-0001", "1. 申请人为依法登记的企业、个体工商户或其他组织；"
          + "2. 具有与经营的食品品种、数量相适应的经营场所，并与有毒、有害场所保持规定的距离；"
          + "3. 具有食品安全管理人员和保证食品安全的规章制度；"
          + "4. 具有合理的设备布局和工艺流程。",
      "SCJG-0002", "营业执照正本或副本遗失，且已在国家企业信用信息公示系统公告作废。",
      "LB-0001", "新开办的餐饮服务单位，同时需要食品经营许可和公共场所卫生许可；"
          + "经营场所、设施和从业人员分别符合食品安全和公共场所卫生的要求。",
      DemoData.FORWARDED_MATTER, "在本市从事保健食品生产的企业；具有与生产相适应的场所、设备设施、"
          + "专业技术人员和管理制度；产品已取得注册证书或完成备案。");

  private void describeDemoConditions() {
    for (Matter m : em.createQuery("select m from Matter m", Matter.class).getResultList()) {
      String text = DEMO_CONDITIONS.get(m.code());
      if (text != null && m.conditions() == null) {
        m.describeConditions(text);
      }
    }
  }

  /**
   * 上报件 of the demo (SCJG-0003): examined here, decided by the provincial authority. Added
   * to a demo database seeded before it existed too, so every demo has one matter of each kind.
   */
  private void addForwardedMatter(Department market) {
    Matter forwarded = persist(new Matter(FORWARDED_MATTER, "保健食品生产许可（初审上报）",
            MatterKind.FORWARDED, 20,
            "保健食品生产许可由省级市场监督管理部门决定；本中心统一受理，市场监督管理局初审并上报，批复返回后作出决定。",
            "《中华人民共和国食品安全法》第七十六条；《食品生产许可管理办法》第十条",
            "网上申请 → 材料预审 → 受理 → 初审 → 上报省级市场监督管理局 → 批复返回 → 首席代表决定并电子签章 → 送达",
            "不收费", List.of(market)));
    em.flush();
    rules.publish(forwarded, demoRules(forwarded.code()), "admin");
  }

  static final String FORWARDED_MATTER = "SCJG-0003";

  private void addMissingForwardedMatter() {
    boolean present = !em.createQuery("select m from Matter m where m.code = :c", Matter.class)
        .setParameter("c", FORWARDED_MATTER).getResultList().isEmpty();
    if (present) {
      return;
    }
    em.createQuery("select d from Department d where d.code = 'SCJG'", Department.class)
        .getResultStream().findFirst().ifPresent(market -> {
          LOG.info("演示数据：添加上报件演示事项 " + FORWARDED_MATTER);
          addForwardedMatter(market);
        });
  }

  /**
   * A demo database seeded before rule sets existed (V11) gets the demo rule sets as version 1,
   * once: its matters then list the materials of their rules, as a fresh one does.
   */
  private void publishMissingDemoRules() {
    for (String code : List.of("SCJG-0001", "SCJG-0002", "LB-0001")) {
      em.createQuery("select m from Matter m where m.code = :c", Matter.class)
          .setParameter("c", code).getResultList().stream()
          .filter(m -> rules.versionInForce(m).isEmpty())
          .forEach(m -> {
            LOG.info("演示事项 " + code + " 尚无预审规则：发布演示规则第 1 版");
            rules.publish(m, demoRules(code), "admin");
          });
    }
  }

  private <T> T persist(T entity) {
    em.persist(entity);
    return entity;
  }

  /** Each demo user has a hash of its own (its own salt), as any user would. */
  private UserAccount user(String username, String name, Set<Role> roles) {
    return persist(new UserAccount(username, name, PasswordHasher.hash(PASSWORD.toCharArray()),
        roles).asDemo());
  }

  private static String pin() {
    return PasswordHasher.hash(PIN.toCharArray());
  }

  /**
   * Demo data switched off on a portal that has it: the demo accounts (whose passwords the
   * README publishes) stop working; switched on again, they work again.
   */
  @Transactional
  public void enableDemoAccounts(boolean enabled) {
    int changed = em.createQuery("update UserAccount u set u.enabled = :e where u.demo = true"
            + " and u.enabled <> :e")
        .setParameter("e", enabled).executeUpdate();
    if (changed > 0) {
      LOG.info((enabled ? "已启用 " : "演示数据已关闭：已停用 ") + changed + " 个演示账户");
    }
  }
}
