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

  public List<Long> refsOf(JobKind kind) {
    return jobs.stream().filter(j -> j.kind() == kind).map(Job::refId).toList();
  }
}
