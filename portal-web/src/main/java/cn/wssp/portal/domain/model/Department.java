package cn.wssp.portal.domain.model;

import jakarta.persistence.*;

/** A licensing department with a window in the center (e.g. 市场监督管理局). */
@Entity
@Table(name = "department")
public class Department {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String code;
  private String name;

  /** Short form used in document numbers, e.g. "市监". */
  private String abbreviation;

  /**
   * The algorithm of the department's seal key: RSA, ECDSA_P256 or SM2 (national SM2/SM3).
   * Changing it re-keys the seal; documents already signed keep their own certificate.
   */
  @Column(name = "seal_algorithm")
  private String sealAlgorithm = "RSA";

  protected Department() {}

  public Department(String code, String name, String abbreviation) {
    this.code = code;
    this.name = name;
    this.abbreviation = abbreviation;
  }

  public Long id() { return id; }
  public String code() { return code; }
  public String name() { return name; }
  public String abbreviation() { return abbreviation; }
  public String sealAlgorithm() { return sealAlgorithm; }

  public void useSealAlgorithm(String algorithm) {
    this.sealAlgorithm = algorithm;
  }
}
