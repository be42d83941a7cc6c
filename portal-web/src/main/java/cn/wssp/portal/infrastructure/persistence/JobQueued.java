package cn.wssp.portal.infrastructure.persistence;

import cn.wssp.portal.domain.model.JobKind;

/**
 * CDI event fired when a job is queued; observed after the queuing transaction commits (the job
 * runner wakes at once instead of at its next poll). Other instances still find the job by
 * polling.
 *
 * @param kind what the job does
 */
public record JobQueued(JobKind kind) {}
