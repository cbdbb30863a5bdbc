package vn.htxconnect.linkage;

/**
 * The module that owns a kind of linkage origin (trade fairs: the program module) tells whether a
 * reference names one of its records, so a linkage cannot claim an origin that does not exist.
 */
public interface OriginReferences {

    /** The origin this bean checks. */
    LinkageEnums.Origin origin();

    /** Whether {@code ref} (a global ID) names an existing record of that origin. */
    boolean exists(String ref);
}
