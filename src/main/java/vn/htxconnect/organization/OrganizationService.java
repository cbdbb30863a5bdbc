package vn.htxconnect.organization;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import vn.htxconnect.platform.Connection;

/** The organization module's API for controllers and other modules. */
public interface OrganizationService {

    /** The outbox type of an organization change (aggregate id = its id); search re-indexes its products. */
    String OUTBOX_TYPE = "organization";

    OrganizationPayload create(OrganizationInput input);

    OrganizationPayload update(OrganizationInput input);

    /** Archives an organization (and so takes its products out of search), or restores it. */
    OrganizationPayload setStatus(String id, OrganizationStatus status, Long expectedVersion, String clientMutationId);

    OrganizationPayload setVerification(String id, boolean verified, String clientMutationId);

    Optional<Organization> findById(long id);

    /** Loads many at once (one SQL statement), for batch loading and indexing. */
    Map<Long, Organization> findByIds(Collection<Long> ids);

    /** IDs of organizations changed at or after {@code since} (their products' search documents show them). */
    List<Long> idsUpdatedSince(Instant since);

    /** IDs of the organizations not active (archived): their products are out of search. Reads the status index. */
    List<Long> idsNotActive();

    Connection<Organization> list(OrganizationFilter filter, int first, String after);

    /**
     * Cooperatives (the three legal forms) of a province (all of them when null) in any status, in ID order after {@code afterId}:
     * one SQL statement per call, so reports walk a whole province in chunks.
     */
    List<Organization> cooperativesIn(String provinceCode, long afterId, int limit);

    /** A registered (not archived) cooperative's ID, province and registration time, for overviews of all of them. */
    record CooperativeRegistration(long id, String provinceCode, Instant registeredAt) {
    }

    /** Every registered (not archived) cooperative, in one statement that reads three columns per cooperative. */
    List<CooperativeRegistration> registeredCooperatives();

    /** A cooperative's registration time and contact phone as written, for following up course founders. */
    record CooperativeContact(long id, String contactPhone, Instant registeredAt) {
    }

    /**
     * Cooperatives (the three legal forms, archived ones too: they were founded all the same) registered at or
     * after {@code from} and before {@code to} that have a contact phone, in one statement.
     */
    List<CooperativeContact> cooperativesRegisteredBetween(Instant from, Instant to);

    /**
     * Loads organizations and locks their rows until the caller's transaction ends (in ID order, so two
     * callers cannot deadlock), for decisions that must see and keep several organizations as they are,
     * such as a merger. Must run inside a transaction.
     */
    Map<Long, Organization> lockForUpdate(Collection<Long> ids);
}
