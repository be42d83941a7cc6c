/**
 * Application services: the use cases of §3–§6 (create, upload, submit, pre-review, accept,
 * decide, verify), each a transaction, each checking who may do it. They work through the
 * domain's repositories and services and hand out plain views; no JPA, web or REST types here.
 */
package cn.wssp.portal.application;
