package vn.htxconnect.organization.internal;

import java.util.Optional;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import vn.htxconnect.organization.Organization;
import vn.htxconnect.organization.OrganizationFilter;
import vn.htxconnect.organization.OrganizationInput;
import vn.htxconnect.organization.OrganizationPayload;
import vn.htxconnect.organization.OrganizationService;
import vn.htxconnect.organization.OrganizationStatus;
import vn.htxconnect.platform.Access;
import vn.htxconnect.platform.ApiException;
import vn.htxconnect.platform.Connection;
import vn.htxconnect.platform.Cursors;
import vn.htxconnect.platform.GlobalId;
import vn.htxconnect.platform.Message;
import vn.htxconnect.platform.NodeResolver;

@Controller
class OrganizationController implements NodeResolver {

    private final OrganizationService organizations;

    OrganizationController(OrganizationService organizations) {
        this.organizations = organizations;
    }

    @QueryMapping
    Organization organization(@Argument String id) {
        Access.requireScope("catalog:read");
        return organizations.findById(GlobalId.decode("id", id, Organization.TYPE))
                .orElseThrow(() -> ApiException.notFound(Message.of("organization.notFoundId", id)));
    }

    @QueryMapping
    Connection<Organization> organizations(@Argument OrganizationFilter filter, @Argument Integer first,
                                           @Argument String after) {
        Access.requireScope("catalog:read");
        return organizations.list(filter, Cursors.first(first), after);
    }

    /** Direct creation is for the Alliance and admins; organizations sign themselves up with registerOrganization. */
    @MutationMapping
    OrganizationPayload createOrganization(@Argument OrganizationInput input) {
        Access.requireAlliance();
        return organizations.create(input);
    }

    // Contact details are for signed-in users only (not anonymous visitors or scraping).
    @SchemaMapping(typeName = "Organization", field = "contactName")
    String contactName(Organization o) {
        return Access.current().signedIn() ? o.contactName() : null;
    }

    @SchemaMapping(typeName = "Organization", field = "contactPhone")
    String contactPhone(Organization o) {
        return Access.current().signedIn() ? o.contactPhone() : null;
    }

    @SchemaMapping(typeName = "Organization", field = "contactEmail")
    String contactEmail(Organization o) {
        return Access.current().signedIn() ? o.contactEmail() : null;
    }

    @MutationMapping
    OrganizationPayload updateOrganization(@Argument OrganizationInput input) {
        return organizations.update(input);
    }

    @MutationMapping
    OrganizationPayload setOrganizationVerification(@Argument SetVerificationInput input) {
        return organizations.setVerification(input.id(), input.verified(), input.clientMutationId());
    }

    @MutationMapping
    OrganizationPayload archiveOrganization(@Argument StatusInput input) {
        return organizations.setStatus(input.id(), OrganizationStatus.ARCHIVED, input.expectedVersion(),
                input.clientMutationId());
    }

    @MutationMapping
    OrganizationPayload restoreOrganization(@Argument StatusInput input) {
        return organizations.setStatus(input.id(), OrganizationStatus.ACTIVE, input.expectedVersion(),
                input.clientMutationId());
    }

    record StatusInput(String id, Long expectedVersion, String clientMutationId) {
    }

    record SetVerificationInput(String id, boolean verified, String clientMutationId) {
    }

    @Override
    public String typeName() {
        return Organization.TYPE;
    }

    @Override
    public Optional<?> load(long id) {
        return organizations.findById(id);
    }
}
