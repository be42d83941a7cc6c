/**
 * The domain: applications and their guarded lifecycle (§3), matters and materials (§2),
 * documents, delegations and who may seal ({@code SigningPolicy}), the audit trail, the legal
 * texts; one repository interface per aggregate. JPA annotations are accepted; no Faces,
 * JAX-RS, CDI or EntityManager.
 */
package cn.wssp.portal.domain.model;
