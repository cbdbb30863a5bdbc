package vn.htxconnect.insight.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import graphql.GraphQLContext;
import graphql.schema.DataFetchingFieldSelectionSet;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

import vn.htxconnect.account.SignedLinks;
import vn.htxconnect.insight.ActivityStatus;
import vn.htxconnect.insight.ActivityStatusReport;
import vn.htxconnect.insight.ActivityStatusReport.Row;
import vn.htxconnect.insight.ActivityStatusService;
import vn.htxconnect.insight.CooperativeActivity;
import vn.htxconnect.organization.Organization;
import vn.htxconnect.platform.Access;
import vn.htxconnect.platform.Actor;
import vn.htxconnect.platform.ApiException;
import vn.htxconnect.platform.Connection;
import vn.htxconnect.platform.Cursors;
import vn.htxconnect.platform.ErrorCode;
import vn.htxconnect.platform.Message;
import vn.htxconnect.platform.Messages;
import vn.htxconnect.region.Province;
import vn.htxconnect.region.ProvinceService;

/**
 * {@code Organization.activity} (the Alliance, partner keys with {@value #SCOPE} and the organization's own
 * members) and {@code cooperativeActivityReport} (the Alliance and keys with {@value #SCOPE} only).
 */
@Controller
class ActivityStatusController {

    static final String SCOPE = "insight:read";
    static final String LOADER = "cooperativeActivity";

    private final ActivityStatusService service;
    private final ProvinceService provinces;
    private final SignedLinks links;

    ActivityStatusController(ActivityStatusService service, ProvinceService provinces, SignedLinks links,
                             BatchLoaderRegistry registry) {
        this.service = service;
        this.provinces = provinces;
        this.links = links;
        // The activity of every organization in a response: one statement per activity source.
        registry.<Organization, CooperativeActivity>forName(LOADER).registerMappedBatchLoader((orgs, env) ->
                Mono.fromCallable(() -> {
                    Map<Long, CooperativeActivity> byId = service.activityOf(orgs);
                    Map<Organization, CooperativeActivity> out = new LinkedHashMap<>();
                    orgs.forEach(o -> out.put(o, byId.get(o.databaseId())));
                    return out;
                }));
    }

    /** The Alliance (analysts, admins) or a partner key with the scope; anonymous callers must sign in first. */
    static Actor requireReportReader() {
        Actor a = Access.requireSignedIn();
        if (a.kind() == Actor.Kind.API_KEY ? !a.hasScope(SCOPE) : !a.isAlliance()) {
            throw new ApiException(ErrorCode.FORBIDDEN,
                    Message.of("insight.activity.forbidden", SCOPE));
        }
        return a;
    }

    /** Null for organizations that are not cooperatives and for readers who may not see it. */
    @SchemaMapping(typeName = "Organization", field = "activity")
    CompletableFuture<CooperativeActivity> activity(Organization o, DataLoader<Organization, CooperativeActivity> cooperativeActivity) {
        Actor a = Access.current();
        boolean may = a.kind() == Actor.Kind.API_KEY ? a.hasScope(SCOPE) : a.isAlliance() || a.memberOf(o.databaseId());
        if (!may || !o.kind().isCooperative()) {
            return CompletableFuture.completedFuture(null);
        }
        return cooperativeActivity.load(o);
    }

    @QueryMapping
    ActivityStatusReport cooperativeActivityReport(@Argument String province, DataFetchingFieldSelectionSet selection) {
        requireReportReader();
        Province p = provinces.resolve(province)
                .orElseThrow(() -> ApiException.badRequest("province", Message.of("region.province.unknownNamed", province)));
        return service.report(p.code(), selection.contains("trend"));
    }

    @SchemaMapping(typeName = "CooperativeActivityReport", field = "province")
    Province reportProvince(ActivityStatusReport r) {
        return provinces.findByCode(r.provinceCode()).orElseThrow();
    }

    @SchemaMapping(typeName = "CooperativeActivityReport", field = "cooperatives")
    Connection<Row> cooperatives(ActivityStatusReport r, @Argument ActivityStatus status, @Argument Integer first,
                                 @Argument String after) {
        int n = Cursors.first(first);
        int offset = Cursors.offsetAfter(after);
        List<Row> rows = status == null ? r.rows() : r.rows().stream().filter(row -> row.activity().status() == status).toList();
        List<Row> page = rows.subList(Math.min(offset, rows.size()), Math.min(rows.size(), offset + n + 1));
        return Connection.fromOffset(page, offset, n, rows.size());
    }

    /** A link the reader's browser can open as is: it carries a signed, short-lived token for this province. */
    @SchemaMapping(typeName = "CooperativeActivityReport", field = "csvUrl")
    String csvUrl(ActivityStatusReport r, GraphQLContext context) {
        String token = links.sign(ActivityStatusCsvController.PURPOSE, Map.of("province", r.provinceCode(),
                "lang", context.getOrDefault(Messages.LANGUAGE, "vi")), ActivityStatusCsvController.LINK_TTL);
        return ActivityStatusCsvController.PATH + "?province=" + r.provinceCode() + "&token=" + token;
    }
}
