package vn.htxconnect.linkage.internal;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import graphql.schema.DataFetchingEnvironment;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import vn.htxconnect.linkage.Linkage;
import vn.htxconnect.linkage.LinkageService;
import vn.htxconnect.linkage.internal.SupplyEvent.Kind;
import vn.htxconnect.linkage.internal.SupplyEventInputs.Correction;
import vn.htxconnect.linkage.internal.SupplyEventInputs.Movement;
import vn.htxconnect.linkage.internal.SupplyEventInputs.Payload;
import vn.htxconnect.linkage.internal.SupplyEventInputs.Transformation;
import vn.htxconnect.platform.Access;
import vn.htxconnect.platform.Actor;
import vn.htxconnect.platform.Connection;
import vn.htxconnect.platform.Cursors;
import vn.htxconnect.platform.NodeResolver;

/**
 * Supply event mutations, a linkage's events and {@code node(id:)} for events. A linkage's events are
 * for its two sides, the Alliance and admins; others get an empty connection, as with its history.
 */
@Controller
class SupplyEventController implements NodeResolver {

    private final SupplyEventRecording recording;
    private final SupplyEventCorrection correction;
    private final SupplyEventStore store;
    private final LinkageService linkages;

    SupplyEventController(SupplyEventRecording recording, SupplyEventCorrection correction, SupplyEventStore store,
                          LinkageService linkages) {
        this.recording = recording;
        this.correction = correction;
        this.store = store;
        this.linkages = linkages;
    }

    @MutationMapping
    Payload recordShipment(@Argument Movement input) {
        return recording.recordMovement(Kind.SHIPPED, input);
    }

    @MutationMapping
    Payload recordReceipt(@Argument Movement input) {
        return recording.recordMovement(Kind.RECEIVED, input);
    }

    @MutationMapping
    Payload recordTransformation(@Argument Transformation input) {
        return recording.recordTransformation(input);
    }

    @MutationMapping
    Payload correctSupplyEvent(@Argument Correction input) {
        return correction.correct(input);
    }

    @SchemaMapping(typeName = "SupplyLinkage", field = "events")
    CompletableFuture<Connection<SupplyEvent>> events(Linkage linkage, @Argument Integer first, @Argument String after,
                                                      DataFetchingEnvironment env) {
        int size = Cursors.first(first);
        int offset = Cursors.offsetAfter(after);
        if (!LinkageController.party(Access.current(), linkage)) {
            return CompletableFuture.completedFuture(Connection.fromOffset(List.of(), offset, size, 0));
        }
        DataLoader<SupplyEventPages.Key, Connection<SupplyEvent>> loader = env.getDataLoader(SupplyEventPages.NAME);
        return loader.load(new SupplyEventPages.Key(linkage.databaseId(), offset, size));
    }

    @Override
    public String typeName() {
        return SupplyEvent.TYPE;
    }

    @Override
    public Optional<?> load(long id) {
        Actor a = Access.current();
        if (!a.isUser()) {
            return Optional.empty();
        }
        SupplyEvent e = store.findByIds(List.of(id)).get(id);
        Linkage linkage = e == null || e.linkageId() == null ? null : linkages.findById(e.linkageId()).orElse(null);
        return e != null && visible(a, e, linkage) ? Optional.of(e) : Optional.empty();
    }

    /** Who may see an event: the Alliance, the recording side and, for linkage events, both sides. */
    static boolean visible(Actor a, SupplyEvent e, Linkage linkage) {
        return a.isAlliance() || a.memberOf(e.organizationId()) || linkage != null && LinkageController.party(a, linkage);
    }
}
