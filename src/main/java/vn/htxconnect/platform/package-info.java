/**
 * GraphQL plumbing shared by every module: scalars, global IDs, paging, error codes, the
 * transactional outbox with the dispatcher that runs the modules' outbox handlers (index updates,
 * match discovery), and security configuration.
 * It depends on no other module; every module may depend on it.
 */
package vn.htxconnect.platform;
