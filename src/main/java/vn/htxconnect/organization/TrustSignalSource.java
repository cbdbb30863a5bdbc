package vn.htxconnect.organization;

import java.util.Collection;
import java.util.Map;

/**
 * A module that knows part of organizations' supplier behaviour (inquiries answered, linkages kept)
 * implements this as a bean; matching asks all of them without depending on those modules.
 */
public interface TrustSignalSource {

    /** Signals for the given organizations in a constant number of SQL statements; missing keys mean nothing known. */
    Map<Long, TrustSignals> signalsFor(Collection<Long> organizationIds);
}
