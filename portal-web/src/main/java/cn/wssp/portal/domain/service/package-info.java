/**
 * Services the domain needs from the outside world, declared here and implemented in
 * infrastructure (as Cargo Tracker's RoutingService): the departments' seals and the portal's
 * profile. The object store, pre-reviewer and mailer are the library modules' own interfaces.
 */
package cn.wssp.portal.domain.service;
