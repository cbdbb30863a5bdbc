package vn.htxconnect.linkage;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** The linkage module's API for its controllers and other modules (programs, insights). */
public interface LinkageService {

    LinkagePayload propose(LinkageInput input);

    /** A status change by one side (or the Alliance): confirm, reject, suspend, resume or end. */
    LinkagePayload act(String id, LinkageEnums.Action action, String actingOrganizationId, String reason,
                       Long expectedVersion, String clientMutationId);

    Optional<Linkage> findById(long id);

    /** One SQL statement whatever the number of IDs. */
    Map<Long, Linkage> findByIds(Collection<Long> ids);
}
