package cn.wssp.portal.infrastructure.persistence;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/** Declares the pooled data source the persistence unit uses. */
@DataSourceDefinition(
    name = "java:app/jdbc/portal",
    className = "cn.wssp.portal.infrastructure.persistence.PortalDataSource",
    minPoolSize = 1,
    maxPoolSize = 32,
    properties = {"fish.payara.is-connection-validation-required=true",
        "fish.payara.connection-validation-method=meta-data"})
@ApplicationScoped
public class DataSourceDeclaration {}
