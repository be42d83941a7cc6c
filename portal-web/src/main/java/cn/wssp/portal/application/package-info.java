/**
 * Application services: the use cases of §3–§6 (create, upload, submit, pre-review, accept,
 * decide, verify), each a transaction, each checking who may do it. They speak domain objects
 * and plain views; web and REST types stay out.
 */
package cn.wssp.portal.application;
