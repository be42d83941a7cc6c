package cn.wssp.portal.domain.model;

import jakarta.persistence.*;
import java.util.Arrays;
import java.util.List;

/** One material of a matter's list (§2): name, mandatory, 容缺, accepted types, limits. */
@Entity
@Table(name = "material_spec")
public class MaterialSpec {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne
  @JoinColumn(name = "matter_id")
  private Matter matter;

  private String code;
  private String name;
  private boolean required;

  /** 容缺: may be supplied later under a commitment. */
  private boolean commitable;

  /** Media types, comma-separated, e.g. "application/pdf,image/jpeg". */
  @Column(name = "accepted_types")
  private String acceptedTypes;

  @Column(name = "max_bytes")
  private long maxBytes;

  @Column(name = "max_pages")
  private int maxPages;

  /** A form the applicant fills in (申请书, 申请表): the guide offers its blank. */
  private boolean form;

  /** The name on the English pages, as the rule set gives it (null: none, the Chinese shows). */
  @Column(name = "name_en")
  private String nameEn;

  private int position;

  protected MaterialSpec() {}

  MaterialSpec(Matter matter, String code, String name, boolean required, boolean commitable,
      List<String> acceptedTypes, long maxBytes, int maxPages, boolean form, int position) {
    this.matter = matter;
    this.code = code;
    this.name = name;
    this.required = required;
    this.commitable = commitable;
    this.acceptedTypes = String.join(",", acceptedTypes);
    this.maxBytes = maxBytes;
    this.maxPages = maxPages;
    this.form = form;
    this.position = position;
  }

  MaterialSpec(Matter matter, Listing l, int position) {
    this(matter, l.code(), l.name(), l.required(), l.commitable(), l.acceptedTypes(), l.maxBytes(),
        l.maxPages(), l.form(), position);
    this.nameEn = l.nameEn();
  }

  /** A material as a published rule set lists it; {@code nameEn} may be null. */
  public record Listing(String code, String name, boolean required, boolean commitable,
      List<String> acceptedTypes, long maxBytes, int maxPages, boolean form, String nameEn) {}

  void relist(Listing l, int newPosition) {
    this.name = l.name();
    this.required = l.required();
    this.commitable = l.commitable();
    this.acceptedTypes = String.join(",", l.acceptedTypes());
    this.maxBytes = l.maxBytes();
    this.maxPages = l.maxPages();
    this.form = l.form();
    this.nameEn = l.nameEn();
    this.position = newPosition;
  }

  public String code() { return code; }
  public String name() { return name; }
  public boolean required() { return required; }
  public boolean commitable() { return commitable; }
  public List<String> acceptedTypes() { return Arrays.asList(acceptedTypes.split(",")); }
  public long maxBytes() { return maxBytes; }
  public int maxPages() { return maxPages; }
  public boolean form() { return form; }
  public String nameEn() { return nameEn; }

  /** The name an English sentence uses: the English one, or the Chinese one when none is given. */
  public String nameForEnglish() { return nameEn != null ? nameEn : name; }
  public int position() { return position; }
}
