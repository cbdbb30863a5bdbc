package vn.htxconnect.sourcing;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

import vn.htxconnect.sourcing.SourcingEnums.Status;

/** The sourcing module's API for controllers and other modules (e.g. conversations about a request). */
public interface SourcingService {

    SourcingRequestPayload create(SourcingRequestInput input);

    SourcingRequestPayload update(SourcingRequestInput input);

    /** Moves a request to {@code status} (pause, resume, close or fulfil); CLOSED and FULFILLED are final. */
    SourcingRequestPayload setStatus(String id, Status status, String reason, Long expectedVersion, String clientMutationId);

    /** The request whatever its state; callers decide who may see it (see {@link SourcingRequest#redacted()}). */
    Optional<SourcingRequest> findById(long id);

    /** Many at once, in a fixed number of SQL statements. */
    Map<Long, SourcingRequest> findByIds(Collection<Long> ids);
}
