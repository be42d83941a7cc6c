/**
 * Infrastructure: configuration, the data source and migrations, the object store and signing
 * keys as CDI beans, background jobs, demo data. Everything that knows Payara or a server lives
 * here or in interfaces.
 */
package cn.wssp.portal.infrastructure;
