package vn.htxconnect.linkage.internal;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import vn.htxconnect.organization.Organization;
import vn.htxconnect.organization.OrganizationService;
import vn.htxconnect.platform.Access;
import vn.htxconnect.platform.Actor;
import vn.htxconnect.platform.ApiException;
import vn.htxconnect.platform.ErrorCode;
import vn.htxconnect.platform.GlobalId;
import vn.htxconnect.platform.Message;

/**
 * {@code traceLot}: for members of the organization holding the lot, the Alliance and admins. The trace
 * names the other organizations along the chain (that is what traceability is for) but shows the
 * quantities of a linkage only to its two sides and of a transformation only to its organization (the
 * Alliance and admins see all).
 */
@Controller
class LotTraceController {

    static final int DEFAULT_DEPTH = 10;

    private final LotTracing tracing;
    private final OrganizationService organizations;

    LotTraceController(LotTracing tracing, OrganizationService organizations) {
        this.tracing = tracing;
        this.organizations = organizations;
    }

    @QueryMapping
    LotTrace traceLot(@Argument String organizationId, @Argument String lotNumber, @Argument LotTrace.Direction direction,
                      @Argument Integer maxDepth) {
        Actor actor = Access.requireUser();
        long org = GlobalId.decode("organizationId", organizationId, Organization.TYPE);
        if (!actor.memberOf(org) && !actor.isAlliance()) {
            throw new ApiException(ErrorCode.FORBIDDEN,
                    Message.of("linkage.lot.traceForbidden"));
        }
        if (lotNumber == null || lotNumber.isBlank() || lotNumber.strip().length() > SupplyEventChecks.MAX_LOT_NUMBER) {
            throw ApiException.badRequest("lotNumber",
                    Message.of("linkage.lot.numberLength", SupplyEventChecks.MAX_LOT_NUMBER));
        }
        int depth = maxDepth == null ? DEFAULT_DEPTH : maxDepth;
        if (depth < 1 || depth > LotTracing.MAX_DEPTH) {
            throw ApiException.badRequest("maxDepth", Message.of("linkage.lot.maxDepth", LotTracing.MAX_DEPTH));
        }
        if (organizations.findById(org).isEmpty()) {
            throw ApiException.notFound(Message.of("organization.notFoundId", organizationId));
        }
        return tracing.trace(actor, org, lotNumber.strip(), direction == null ? LotTrace.Direction.BACKWARD : direction, depth);
    }
}
