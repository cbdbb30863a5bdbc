/**
 * Insights for the Cooperative Alliance and partners: supply against demand by category, province and
 * month, searches the catalogue does not answer, the figures of its reports, cooperatives' activity
 * (telling active ones from those on paper only), and the dashboard page built on them.
 */
package vn.htxconnect.insight;
