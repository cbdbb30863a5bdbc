/**
 * GraphQL plumbing shared by every module: scalars, global IDs, paging, error codes, the
 * transactional outbox that carries index updates to Elasticsearch, and security configuration.
 * It depends on no other module; every module may depend on it.
 */
package vn.htxconnect.platform;
