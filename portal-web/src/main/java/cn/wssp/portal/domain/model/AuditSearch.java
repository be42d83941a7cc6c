package cn.wssp.portal.domain.model;

import java.time.Instant;

/**
 * Which audit entries a supervisor asks for; null fields do not narrow.
 *
 * @param from inclusive
 * @param to exclusive
 */
public record AuditSearch(AuditAction action, String actor, Instant from, Instant to) {}
