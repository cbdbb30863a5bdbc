/**
 * Product search over Elasticsearch: Vietnamese folding and regional synonyms done in the app (the
 * core distribution has neither), versioned indices behind aliases, the outbox handler that keeps
 * the product index in step with MySQL, full reindex, suggestions and the {@code searchProducts} query.
 */
package vn.htxconnect.search;
