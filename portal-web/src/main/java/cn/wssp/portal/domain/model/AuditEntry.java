package cn.wssp.portal.domain.model;

import jakarta.persistence.*;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * One line of the append-only audit trail (§3). Its hash covers its own fields and the previous
 * line's hash, so removing or editing a line breaks every hash after it.
 *
 * <p>A line is written unlinked, in the transaction of what it records, and linked into the chain
 * ({@link #linkAfter}) moments later, in order, by the one chainer of the moment: linking it in
 * that transaction meant locking the chain's end until the transaction committed, which made
 * every write of the portal wait for every other.
 */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {
  public static final String GENESIS = "0".repeat(64);

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private Instant at;
  private String actor;

  @Column(name = "application_id")
  private Long applicationId;

  @Enumerated(EnumType.STRING)
  private AuditAction action;

  @Column(name = "from_status")
  private String fromStatus;

  @Column(name = "to_status")
  private String toStatus;

  private String detail;

  @Column(name = "prev_hash")
  private String prevHash;

  private String hash;

  /** The line's place in the chain (1, 2, …); null until linked. */
  @Column(name = "chain_pos")
  private Long chainPosition;

  protected AuditEntry() {}

  /** A line not yet in the chain: see {@link #linkAfter}. */
  public AuditEntry(Instant at, String actor, Long applicationId, AuditAction action,
      String fromStatus, String toStatus, String detail) {
    // The hash covers whole milliseconds. Kept finer (the clock gives nanoseconds), the time was
    // rounded to microseconds by the database, which now and then carried it into the next
    // millisecond: the entry read back no longer matched its hash and the chain looked tampered.
    this.at = at.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    this.actor = actor;
    this.applicationId = applicationId;
    this.action = action;
    this.fromStatus = fromStatus;
    this.toStatus = toStatus;
    this.detail = detail == null ? null : truncate(detail, 2000);
  }

  /** Links this line into the chain at {@code position}, after the line whose hash is given. */
  public void linkAfter(long position, String previousHash) {
    if (chainPosition != null) {
      throw new IllegalStateException("audit entry " + id + " is already linked at " + chainPosition);
    }
    this.chainPosition = position;
    this.prevHash = previousHash;
    this.hash = computeHash();
  }

  public boolean linked() {
    return chainPosition != null;
  }

  /** Recomputes the hash from the stored fields; differs from {@link #hash()} if edited. */
  public String computeHash() {
    return hashAt(at.toEpochMilli());
  }

  /**
   * Whether the stored fields still give the stored hash. Entries written before the time was
   * kept in whole milliseconds were stored to the microsecond, rounded: a time such as
   * .125999700 came back as exactly .126000. For a time on a whole millisecond the hash over the
   * millisecond before is therefore accepted too; any other change still breaks it.
   */
  public boolean hashHolds() {
    if (computeHash().equals(hash)) {
      return true;
    }
    return at.getNano() % 1_000_000 == 0 && hashAt(at.toEpochMilli() - 1).equals(hash);
  }

  private String hashAt(long epochMilli) {
    String canonical = String.join("\u001f", prevHash, String.valueOf(epochMilli), actor,
        String.valueOf(applicationId), action.name(), String.valueOf(fromStatus),
        String.valueOf(toStatus), String.valueOf(detail));
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(canonical.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }

  public Long id() { return id; }
  public Instant at() { return at; }
  public String actor() { return actor; }
  public Long applicationId() { return applicationId; }
  public AuditAction action() { return action; }
  public String fromStatus() { return fromStatus; }
  public String toStatus() { return toStatus; }
  public String detail() { return detail; }
  public String prevHash() { return prevHash; }
  public String hash() { return hash; }
  public Long chainPosition() { return chainPosition; }
}
