/**
 * Persistence: the data source (H2 or PostgreSQL by configuration), Flyway's schema, and the JPA
 * implementations of the domain's repositories. The only place that holds an EntityManager.
 */
package cn.wssp.portal.infrastructure.persistence;
