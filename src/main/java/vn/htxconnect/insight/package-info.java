/**
 * Insights for the Cooperative Alliance (Liên minh HTX) and partners: each cooperative's activity status
 * (active, dormant, paper-only, new) derived from what other modules report through
 * {@link vn.htxconnect.organization.ActivitySource}, explained by its signals; the per-province report
 * with its monthly trend and CSV export; and the Alliance's decisions on cooperatives (support plan,
 * dissolution, merger) with their history.
 */
package vn.htxconnect.insight;
