package vn.htxconnect.sourcing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.indices.ElasticsearchIndicesClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.htxconnect.catalog.Product;
import vn.htxconnect.catalog.ProductService;
import vn.htxconnect.catalog.Unit;
import vn.htxconnect.notification.NotificationKind;
import vn.htxconnect.notification.NotificationService;
import vn.htxconnect.organization.Organization;
import vn.htxconnect.organization.OrganizationKind;
import vn.htxconnect.organization.OrganizationService;
import vn.htxconnect.organization.OrganizationStatus;
import vn.htxconnect.organization.VerificationStatus;
import vn.htxconnect.platform.ApiException;
import vn.htxconnect.platform.ErrorCode;
import vn.htxconnect.platform.Message;
import vn.htxconnect.platform.OutboxBatch;
import vn.htxconnect.platform.OutboxEvent;
import vn.htxconnect.search.IndexAliases;
import vn.htxconnect.sourcing.Match;
import vn.htxconnect.sourcing.SourcingEnums.Factor;
import vn.htxconnect.sourcing.SourcingEnums.Frequency;
import vn.htxconnect.sourcing.SourcingRequest;
import vn.htxconnect.sourcing.SourcingService;

/**
 * Discovery's part of "nothing is lost while Elasticsearch is down": what it could not search is
 * returned for the outbox to retry, and nobody is told anything half-way. And what it tells: above
 * the threshold only, once per side.
 */
class MatchDiscoveryHandlerTests {

    final Matching matching = mock(Matching.class);
    final SourcingService requests = mock(SourcingService.class);
    final ProductService products = mock(ProductService.class);
    final OrganizationService organizations = mock(OrganizationService.class);
    final MatchNotices notices = mock(MatchNotices.class);
    final NotificationService notifications = mock(NotificationService.class);
    final ElasticsearchClient client = mock(ElasticsearchClient.class);
    final ElasticsearchIndicesClient indices = mock(ElasticsearchIndicesClient.class);
    final SourcingRequestRepository openRequests = mock(SourcingRequestRepository.class);
    final IndexAliases aliases = mock(IndexAliases.class);
    MatchDiscoveryHandler discovery;

    final SourcingRequest request = MatchScorerTests.request(5, Unit.TAN, Frequency.MONTHLY, null, List.of(), null, Set.of());
    final Product product = MatchScorerTests.product(Unit.KG, 4000.0, null, 10.9, 106.7, MatchScorerTests.ALL, List.of());

    @BeforeEach
    void wire() {
        when(client.indices()).thenReturn(indices);
        when(openRequests.anyOpen(org.mockito.ArgumentMatchers.any())).thenReturn(true);
        when(aliases.alias(anyString())).thenAnswer(call -> "test-" + call.getArgument(0));
        discovery = new MatchDiscoveryHandler(new MatchFinder(matching, requests, products, organizations, openRequests),
                new MatchAnnouncer(notices, notifications, organizations, new SourcingProperties(0.5)), aliases, client);
    }

    static OutboxEvent requestEvent(long id) {
        return new OutboxEvent(100 + id, MatchDiscoveryHandler.REQUEST_TYPE, id, "created", 0);
    }

    static OutboxEvent productEvent(long id) {
        return new OutboxEvent(200 + id, MatchDiscoveryHandler.PRODUCT_TYPE, id, "changed", 0);
    }

    /** The events the handler hands back for retry. */
    java.util.Collection<OutboxEvent> handle(OutboxEvent... events) {
        try {
            return discovery.handle(new OutboxBatch(List.of(events)));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Organization organization(long id, String name) {
        return new Organization(id, OrganizationKind.COOPERATIVE, name, null, null, null, List.of(), "68", null, null, null,
                null, null, null, null, null, VerificationStatus.UNVERIFIED, null, OrganizationStatus.ACTIVE,
                Instant.now(), Instant.now(), 0);
    }

    static Match match(SourcingRequest r, Product p, double score) {
        return new Match(r, p, score, List.of(new Match.MatchFactor(Factor.RELEVANCE, 1, 0.2, List.of())), 1.0, 10.0,
                vn.htxconnect.search.ProductCandidates.ItemTier.REQUESTED);
    }

    @Test
    void requestsWhoseSearchFailedAreRetriedAndNobodyIsTold() {
        when(requests.findByIds(anyCollection())).thenReturn(Map.of(1L, request));
        when(matching.matches(request, MatchFinder.PER_RUN))
                .thenThrow(new ApiException(ErrorCode.SEARCH_UNAVAILABLE, Message.of("search.unavailable")));
        assertThat(handle(requestEvent(1))).containsExactly(requestEvent(1));
        verifyNoInteractions(notifications);
    }

    @Test
    @SuppressWarnings("unchecked")
    void onlyTheRequestWhoseSearchFailedIsRetriedTheOthersAreTold() {
        SourcingRequest r = request;
        SourcingRequest other = new SourcingRequest(2, r.buyerOrganizationId(), r.title(), r.details(), r.categoryCode(),
                r.quantity(), r.unit(), r.frequency(), r.deliveryProvinceCode(), r.deliveryAddress(), r.deliveryLat(),
                r.deliveryLon(), r.maxDistanceKm(), r.certifications(), r.minOcopStars(), r.targetMaxPriceVnd(),
                r.windowFrom(), r.windowTo(), r.expiresAt(), r.status(), r.statusReason(), r.visibility(),
                r.invitedOrganizationIds(), r.confidentialFields(), r.verifiedSuppliersOnly(), r.createdAt(), r.updatedAt(),
                r.version());
        when(requests.findByIds(anyCollection())).thenReturn(Map.of(1L, request, 2L, other));
        when(matching.matches(request, MatchFinder.PER_RUN))
                .thenThrow(new ApiException(ErrorCode.SEARCH_UNAVAILABLE, Message.of("search.unavailable")));
        when(matching.matches(other, MatchFinder.PER_RUN)).thenReturn(List.of(match(other, product, 0.81)));
        when(notices.claim(anyList(), any(Function.class))).thenAnswer(call -> call.getArgument(0));
        when(organizations.findByIds(anyCollection())).thenReturn(Map.of(7L, organization(7, "HTX Thanh long")));

        assertThat(handle(requestEvent(1), requestEvent(2))).containsExactly(requestEvent(1));

        verify(notifications).notify(eq(9L), eq(NotificationKind.MATCH_FOR_REQUEST), eq(other.id()), anyMap());
        verify(aliases).invalidate();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theWholeBatchFailsWhenTheIndexCannotBeRefreshed() throws IOException {
        // Thrown, not returned: the outbox then probes Elasticsearch and holds the events until it answers.
        when(indices.refresh(any(Function.class))).thenThrow(new IOException("Connection refused"));
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> discovery.handle(new OutboxBatch(List.of(productEvent(5), productEvent(6), requestEvent(1)))))
                .isInstanceOf(IOException.class).hasMessageContaining("Connection refused");
        verifyNoInteractions(matching, notifications);
        verify(aliases).invalidate();
    }

    @Test
    void theProbeAsksTheCluster() {
        when(aliases.reachable()).thenReturn(false);
        assertThat(discovery.reachable()).isFalse();
        when(aliases.reachable()).thenReturn(true);
        assertThat(discovery.reachable()).isTrue();
    }

    @Test
    void productsWhoseLeadsFailedAreRetried() {
        when(products.findByIds(anyCollection())).thenReturn(Map.of(5L, product));
        when(organizations.findByIds(anyCollection())).thenReturn(Map.of(7L, organization(7, "HTX Thanh long")));
        when(matching.leads(anyList(), anyMap(), anyInt(), any()))
                .thenThrow(new ApiException(ErrorCode.SEARCH_UNAVAILABLE, Message.of("search.unavailable")));
        assertThat(handle(productEvent(5))).containsExactly(productEvent(5));
        verifyNoInteractions(notifications);
    }

    @Test
    @SuppressWarnings("unchecked")
    void pairsAboveTheThresholdAreToldToEachSideOnce() {
        Product weak = Product.builder().databaseId(6).organizationId(8).name("Thanh long ruột trắng")
                .categoryCode("FRUIT_DRAGON").unit(Unit.KG).availableMonths(MatchScorerTests.ALL).provinceCode("68")
                .lat(10.9).lon(106.7).status(product.status()).createdAt(Instant.now()).updatedAt(Instant.now()).build();
        when(requests.findByIds(anyCollection())).thenReturn(Map.of(1L, request));
        when(matching.matches(request, MatchFinder.PER_RUN)).thenReturn(List.of(match(request, product, 0.81),
                match(request, weak, 0.42)));
        when(notices.claim(anyList(), any(Function.class))).thenAnswer(call -> call.getArgument(0));
        when(organizations.findByIds(anyCollection())).thenReturn(Map.of(7L, organization(7, "HTX Thanh long")));

        assertThat(handle(requestEvent(1))).isEmpty();

        verify(notifications).notify(eq(9L), eq(NotificationKind.MATCH_FOR_REQUEST), eq(request.id()), eq(Map.of(
                "request", "Thanh long", "product", "Thanh long ruột đỏ", "score", "0.81", "supplier", "HTX Thanh long",
                "count", "1")));
        verify(notifications).notify(eq(7L), eq(NotificationKind.LEAD_FOR_PRODUCT), eq(product.id()), anyMap());
        verify(notifications, never()).notify(eq(8L), any(), any(), anyMap());
    }

    @Test
    void withoutAnyOpenRequestProductsAreNotSearchedForLeads() {
        when(openRequests.anyOpen(org.mockito.ArgumentMatchers.any())).thenReturn(false);
        assertThat(handle(productEvent(1), productEvent(2))).isEmpty();
        org.mockito.Mockito.verifyNoInteractions(matching, products, indices);
    }
}
