package vn.htxconnect.organization;

/**
 * What other modules know about how an organization behaves as a supplier, for matching's trust
 * factor. A field a source does not know is null; {@link #merge} combines the sources.
 *
 * @param responseRate share (0 to 1) of inquiries answered in time, or null without counted inquiries
 * @param activeLinkages supply linkages currently active, or null when not known
 */
public record TrustSignals(Double responseRate, Integer activeLinkages) {

    /** Nothing known. */
    public static final TrustSignals NONE = new TrustSignals(null, null);

    /** This one's known fields, completed with the other's where this one knows nothing. */
    public TrustSignals merge(TrustSignals other) {
        if (other == null) {
            return this;
        }
        return new TrustSignals(responseRate != null ? responseRate : other.responseRate(),
                activeLinkages != null ? activeLinkages : other.activeLinkages());
    }
}
