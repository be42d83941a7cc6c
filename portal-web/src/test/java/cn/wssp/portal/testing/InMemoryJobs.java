package cn.wssp.portal.testing;

import cn.wssp.portal.domain.model.Job;
import cn.wssp.portal.domain.model.JobKind;
import cn.wssp.portal.domain.model.JobRepository;
import java.util.ArrayList;
import java.util.List;

public class InMemoryJobs implements JobRepository {
  public final List<Job> jobs = new ArrayList<>();

  @Override
  public void add(Job job) {
    jobs.add(Ids.assign(job));
  }

  /** As the table's query, without leases: every pending job waits. */
  @Override
  public long waitingUpTo(JobKind kind, Long refId) {
    List<Job> waiting = jobs.stream()
        .filter(j -> j.kind() == kind && j.status() == Job.Status.PENDING).toList();
    long last = waiting.stream().filter(j -> j.refId().equals(refId))
        .mapToLong(Job::id).max().orElse(Long.MIN_VALUE);
    return waiting.stream().filter(j -> j.id() <= last).count();
  }

  public List<Long> refsOf(JobKind kind) {
    return jobs.stream().filter(j -> j.kind() == kind).map(Job::refId).toList();
  }
}
