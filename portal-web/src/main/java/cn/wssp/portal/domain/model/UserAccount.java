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
  @Enumerated(EnumType.STRING)
  @Column(name = "chief_role")
  private ChiefRole chiefRole;

  private boolean enabled = true;

  /** Seeded with the demo data (published password): disabled when demo data is off. */
  private boolean demo;

  /** Wrong signing PINs in a row; reset by a right one. */
  @Column(name = "pin_failures")
  private int pinFailures;

  @Column(name = "pin_locked_until")
  private java.time.Instant pinLockedUntil;

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
  public UserAccount asChief(ChiefRole role, String pinHash) { this.chiefRole = role; this.pinHash = pinHash; return this; }
  public UserAccount withEmail(String email) { this.email = email; return this; }
  public UserAccount asDemo() { this.demo = true; return this; }

  // 用户与角色: the center admin's changes (UserAdministration checks them first).

  public void rename(String displayName) { this.displayName = displayName; }

  public void changeEmail(String email) { this.email = email; }

  /**
   * The account's roles and where it belongs: an enterprise for an applicant, a department for
   * department staff, A角/B角 and the signing PIN for a chief representative (null keeps the PIN).
   */
  public void assign(Set<Role> roles, Enterprise enterprise, Department department,
      ChiefRole chiefRole, String newPinHash) {
    this.roles = EnumSet.copyOf(roles);
    this.enterprise = enterprise;
    this.department = department;
    this.chiefRole = chiefRole;
    if (chiefRole == null) {
      this.pinHash = null;
    } else if (newPinHash != null) {
      this.pinHash = newPinHash;
    }
  }

  public void enable(boolean enabled) { this.enabled = enabled; }

  public void changePasswordHash(String passwordHash) { this.passwordHash = passwordHash; }

  /** What a signing PIN attempt came to. */
  public enum PinCheck { ACCEPTED, WRONG, LOCKED }

  static final int PIN_ATTEMPTS = 5;
  static final java.time.Duration PIN_LOCK = java.time.Duration.ofMinutes(15);

  /**
   * Checks the signing PIN (re-entered for every signature). Five wrong PINs in a row lock the
   * seal for fifteen minutes, so a stolen session cannot guess a six-digit PIN.
   */
  public PinCheck checkPin(char[] pin, java.util.function.BiPredicate<char[], String> matches,
      java.time.Instant now) {
    if (pinLockedUntil != null && now.isBefore(pinLockedUntil)) {
      return PinCheck.LOCKED;
    }
    if (pin != null && pinHash != null && matches.test(pin, pinHash)) {
      pinFailures = 0;
      pinLockedUntil = null;
      return PinCheck.ACCEPTED;
    }
    pinFailures++;
    if (pinFailures >= PIN_ATTEMPTS) {
      pinFailures = 0;
      pinLockedUntil = now.plus(PIN_LOCK);
      return PinCheck.LOCKED;
    }
    return PinCheck.WRONG;
  }

  public int pinAttemptsLeft() { return PIN_ATTEMPTS - pinFailures; }
  public java.time.Instant pinLockedUntil() { return pinLockedUntil; }

  public Long id() { return id; }
  public String username() { return username; }
  public String displayName() { return displayName; }
  public String passwordHash() { return passwordHash; }
  public String pinHash() { return pinHash; }
  public String email() { return email; }
  public Enterprise enterprise() { return enterprise; }
  public Department department() { return department; }
  public ChiefRole chiefRole() { return chiefRole; }
  public boolean enabled() { return enabled; }
  public boolean demo() { return demo; }
  public Set<Role> roles() { return roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles); }
  public boolean has(Role role) { return roles.contains(role); }
}
