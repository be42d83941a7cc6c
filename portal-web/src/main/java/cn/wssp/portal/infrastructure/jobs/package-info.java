/** Background jobs in a database table, claimed with leases: safe with several instances (§9). */
package cn.wssp.portal.infrastructure.jobs;
