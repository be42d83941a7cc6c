package cn.wssp.portal.domain.model;

import jakarta.persistence.*;
import java.time.Instant;

/** An in-portal message to a user (站内消息), sent at every step that needs the applicant. */
@Entity
@Table(name = "message")
public class PortalMessage {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "user_id")
  private Long userId;

  @Column(name = "application_id")
  private Long applicationId;

  private String subject;
  private String body;

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "read_at")
  private Instant readAt;

  protected PortalMessage() {}

  public PortalMessage(Long userId, Long applicationId, String subject, String body, Instant now) {
    this.userId = userId;
    this.applicationId = applicationId;
    this.subject = subject;
    this.body = body;
    this.createdAt = now;
  }

  public Long id() { return id; }
  public Long userId() { return userId; }
  public Long applicationId() { return applicationId; }
  public String subject() { return subject; }
  public String body() { return body; }
  public Instant createdAt() { return createdAt; }
  public boolean unread() { return readAt == null; }
  public Instant readAt() { return readAt; }

  /** Read once: the first reading's time stays. */
  public void markRead(Instant now) {
    if (readAt == null) {
      readAt = now;
    }
  }
}
