package vn.htxconnect.insight;

import java.util.Collection;
import java.util.Map;

import vn.htxconnect.organization.Organization;

/** Activity status of cooperatives, for the insight API and other modules (dashboards). No access checks. */
public interface ActivityStatusService {

    /** Each organization's activity now; one statement per activity source per 1,000 organizations. */
    Map<Long, CooperativeActivity> activityOf(Collection<Organization> organizations);

    /**
     * A province's report, from a handful of indexed statements per 1,000 cooperatives (its cooperatives,
     * one per activity source, the dates of dissolutions and mergers). The trend costs no more
     * statements, only more columns; without it the archived cooperatives are not read at all.
     */
    ActivityStatusReport report(String provinceCode, boolean withTrend);

    /**
     * Registered cooperatives of every province counted by status now (the reports' counts for all provinces):
     * one statement for the cooperatives and one or two per activity source, each reading about one index
     * entry per organization, without building rows.
     */
    Map<String, ActivityStatusReport.Counts> countsByProvince();
}
