/**
 * The product catalogue: categories, units, products with their harvest season, capacity, prices
 * and certifications (VietGAP, OCOP, Rainforest Alliance…, expired ones kept as history that never
 * counts, unknown schemes kept as OTHER under their own name), and the CSV import cooperatives use to bring in their
 * spreadsheets. Every change is queued in the outbox for the search index.
 */
package vn.htxconnect.catalog;
