/** The data source (H2 or PostgreSQL by configuration) behind JPA; Flyway owns the schema. */
package cn.wssp.portal.infrastructure.persistence;
