package cn.wssp.portal.infrastructure.persistence;

import cn.wssp.portal.domain.model.Job;
import cn.wssp.portal.domain.model.JobKind;
import cn.wssp.portal.domain.model.JobRepository;
import cn.wssp.portal.infrastructure.PortalSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The job table's transactions, each on its own: claiming is a conditional update, so of
 * several instances exactly one wins a job; an expired lease (a dead instance) frees it again.
 */
@ApplicationScoped
public class JpaJobRepository implements JobRepository {
  private final Duration lease = PortalSettings.current().jobLease();

  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Inject
  Clock clock;

  /** Tells this instance's job runner, once the caller's transaction commits. */
  @Inject
  Event<JobQueued> queued;

  @Override
  @Transactional(Transactional.TxType.MANDATORY)
  public void add(Job job) {
    em.persist(job);
    queued.fire(new JobQueued(job.kind()));
  }

  @Override
  public long waitingUpTo(JobKind kind, Long refId) {
    return em.createQuery("select count(j) from Job j where j.kind = :k and j.status = :p"
            + " and j.leaseOwner is null and j.id <= (select max(m.id) from Job m where m.kind = :k"
            + " and m.refId = :ref and m.status = :p and m.leaseOwner is null)", Long.class)
        .setParameter("k", kind).setParameter("ref", refId).setParameter("p", Job.Status.PENDING)
        .getSingleResult();
  }

  // The runner's steps below each commit on their own, outside any request's transaction.

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public List<Long> due(int max) {
    Instant now = Instant.now(clock);
    return em.createQuery("select j.id from Job j where j.status = :p and j.runAfter <= :now"
                + " and (j.leaseUntil is null or j.leaseUntil < :now) order by j.id", Long.class)
        .setParameter("p", Job.Status.PENDING).setParameter("now", now)
        .setMaxResults(max).getResultList();
  }

  /**
   * Claims one due job for {@code owner} and returns it, or null when none is due (or every
   * candidate was taken first): one transaction per job. The job threads of every instance read
   * the same head of the queue, so each tries the first {@code candidates} due jobs from a random
   * one on; the conditional update lets exactly one claimer win a job.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Job claimNext(String owner, int candidates) {
    List<Long> ids = due(candidates);
    int start = ids.isEmpty() ? 0 : ThreadLocalRandom.current().nextInt(ids.size());
    for (int i = 0; i < ids.size(); i++) {
      Long id = ids.get((start + i) % ids.size());
      if (claim(id, owner)) {
        return em.find(Job.class, id);
      }
    }
    return null;
  }

  /** The conditional update that gives a due job to one owner (in the caller's transaction). */
  private boolean claim(Long id, String owner) {
    Instant now = Instant.now(clock);
    return em.createQuery("update Job j set j.leaseOwner = :o, j.leaseUntil = :until"
                + " where j.id = :id and j.status = :p and (j.leaseUntil is null or j.leaseUntil < :now)")
        .setParameter("o", owner).setParameter("until", now.plus(lease))
        .setParameter("id", id).setParameter("p", Job.Status.PENDING).setParameter("now", now)
        .executeUpdate() == 1;
  }

  /**
   * Completes a job inside the transaction of its effects, if {@code owner} still holds its
   * lease; otherwise (the lease ran out and another instance claimed it) throws
   * {@link LeaseLost}, which rolls those effects back.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void complete(Long id, String owner) {
    int updated = em.createQuery("update Job j set j.status = :done, j.leaseOwner = null,"
                + " j.leaseUntil = null where j.id = :id and j.status = :p and j.leaseOwner = :o")
        .setParameter("done", Job.Status.DONE).setParameter("id", id)
        .setParameter("p", Job.Status.PENDING).setParameter("o", owner).executeUpdate();
    if (updated != 1) {
      throw new LeaseLost(id, owner);
    }
  }

  /** The job's lease passed to another instance: this one's work on it must not commit. */
  public static final class LeaseLost extends RuntimeException {
    LeaseLost(Long id, String owner) {
      super("job " + id + " is no longer leased to " + owner);
    }
  }

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void done(Long id) {
    em.find(Job.class, id).done();
  }

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void failed(Long id, String error) {
    em.find(Job.class, id).failed(error, Instant.now(clock));
  }
}
