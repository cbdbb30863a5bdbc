/**
 * CSV product import for cooperatives ({@code POST /api/organizations/{id}/product-imports}, the
 * {@code importProducts} mutation for small files, the template at
 * {@code GET /api/product-imports/template.csv}).
 *
 * <p>Rules, decided here so spreadsheets from the field import predictably:
 * <ul>
 * <li>The file is UTF-8 with or without BOM; comma, semicolon or tab separated (whichever the header
 * row uses). All 16 columns must be in the header, in any order and case; other columns are ignored
 * with a warning. A file refused as a whole (encoding, columns, quoting, more than 100,000 rows)
 * writes nothing, not even a report.</li>
 * <li>A row is the product's whole state: an empty cell clears that field on update, so importing
 * the same row twice gives the same product (the second time it counts as unchanged and nothing is
 * written). A product's status (e.g. archived) is not a column and is kept.</li>
 * <li>{@code external_ref} is required and matched within the organization ignoring case. A
 * reference repeated in one file is a mistake: the first row counts, later ones are rejected naming
 * the first.</li>
 * <li>Prices are whole đồng ("95000", "95.000", "95,000 đ"); quantities take "." or "," as decimal
 * point and are refused when ambiguous ("1.500"); months are lists and ranges ("1-3,11,12",
 * "11-2" over the new year, empty for all year); certificates are
 * {@code SCHEME[:NUMBER[:VALID_TO[:ISSUER]]]} separated by ";", and {@code ocop_stars} goes to the
 * OCOP certificate (one is added when only stars are given).</li>
 * <li>Sellers' spreadsheets carry stale certificates; the listing is still a real product. An expired
 * certificate is kept as history with a warning, a scheme outside the list is kept as OTHER with its
 * name as written, also with a warning; a row with only warnings is imported and its warnings are
 * reported by row and column like errors. An unreadable date still rejects the row.</li>
 * <li>Every row goes through the same {@code ProductValidator} as the GraphQL mutations; its field
 * names are reported as column names. Rows are committed 500 per transaction together with their
 * outbox rows and the report's counts; a chunk the database refuses is retried row by row.</li>
 * </ul>
 */
package vn.htxconnect.catalog.internal.imports;
