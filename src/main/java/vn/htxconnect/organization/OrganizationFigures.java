package vn.htxconnect.organization;

import java.util.List;

/** Counts of active organizations for the Alliance's reports, from one grouped SQL statement. */
public interface OrganizationFigures {

    /** One group of organizations: how many, their members (where given) and how many are verified. */
    record Group(String key, long organizations, long members, long verified) {
    }

    /**
     * @param byKind every kind of organization
     * @param byProvince cooperatives (HTX, unions, groups) per province
     * @param bySector cooperatives per declared sector (one cooperative may count in several)
     */
    record Figures(List<Group> byKind, List<Group> byProvince, List<Group> bySector, long cooperatives,
                   long cooperativeMembers, long verifiedCooperatives) {
    }

    /** Active organizations, everywhere or in one province (code). */
    Figures figures(String provinceCode);
}
