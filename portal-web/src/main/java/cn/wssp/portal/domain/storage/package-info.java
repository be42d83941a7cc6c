/**
 * Consistency between the records and the object store: which stored objects no record points at
 * (orphans, quarantined then deleted), which records point at an absent object (missing), and the
 * record of each reconciliation run.
 */
package cn.wssp.portal.domain.storage;
