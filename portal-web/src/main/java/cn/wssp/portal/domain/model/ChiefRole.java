package cn.wssp.portal.domain.model;

/** A chief representative's role (A角/B角, §6): B signs normally, A only while B is absent. */
public enum ChiefRole {
  A("A角"),
  B("B角");

  private final String label;

  ChiefRole(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
