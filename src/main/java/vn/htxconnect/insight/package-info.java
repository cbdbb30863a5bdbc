/**
 * Insights for the Cooperative Alliance (Liên minh HTX) and partners: each cooperative's activity status
 * (active, dormant, paper-only, new) derived from what other modules report through
 * {@link vn.htxconnect.organization.ActivitySource}, explained by its signals; the per-province report
 * with its monthly trend and CSV export; the Alliance's decisions on cooperatives (support plan,
 * dissolution, merger) with their history; supply against demand by category, province and month;
 * searches the catalogue does not answer; the figures of its reports; and the dashboard page built on them.
 */
package vn.htxconnect.insight;
