/**
 * The domain: applications and their lifecycle (§3), matters and materials (§2), documents,
 * delegations, the audit trail. JPA annotations are accepted here; no Faces, JAX-RS or CDI.
 */
package cn.wssp.portal.domain.model;
