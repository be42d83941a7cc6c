package cn.wssp.portal.domain.model;

import jakarta.persistence.*;
import java.util.EnumSet;
import java.util.Set;

/** A person who logs in: applicant staff of an enterprise, or center/department staff. */
@Entity
@Table(name = "user_account")
public class UserAccount {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String username;

  @Column(name = "display_name")
  private String displayName;

  @Column(name = "password_hash")
  private String passwordHash;

  /** The chief representative's signing PIN, hashed like a password. */
  @Column(name = "pin_hash")
  private String pinHash;

  private String email;

  @ManyToOne
  @JoinColumn(name = "enterprise_id")
  private Enterprise enterprise;

  @ManyToOne
  @JoinColumn(name = "department_id")
  private Department department;

  /** A or B for a chief representative (A角/B角): B signs normally, A when B is absent. */
  @Column(name = "chief_role")
  private String chiefRole;

  private boolean enabled = true;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "user_role", joinColumns = @JoinColumn(name = "user_id"))
  @Column(name = "role")
  @Enumerated(EnumType.STRING)
  private Set<Role> roles = EnumSet.noneOf(Role.class);

  protected UserAccount() {}

  public UserAccount(String username, String displayName, String passwordHash, Set<Role> roles) {
    this.username = username;
    this.displayName = displayName;
    this.passwordHash = passwordHash;
    this.roles = EnumSet.copyOf(roles);
  }

  public UserAccount inEnterprise(Enterprise e) { this.enterprise = e; return this; }
  public UserAccount inDepartment(Department d) { this.department = d; return this; }
  public UserAccount asChief(String role, String pinHash) { this.chiefRole = role; this.pinHash = pinHash; return this; }
  public UserAccount withEmail(String email) { this.email = email; return this; }

  public Long id() { return id; }
  public String username() { return username; }
  public String displayName() { return displayName; }
  public String passwordHash() { return passwordHash; }
  public String pinHash() { return pinHash; }
  public String email() { return email; }
  public Enterprise enterprise() { return enterprise; }
  public Department department() { return department; }
  public String chiefRole() { return chiefRole; }
  public boolean enabled() { return enabled; }
  public Set<Role> roles() { return roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles); }
  public boolean has(Role role) { return roles.contains(role); }
}
