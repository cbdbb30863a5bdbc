package vn.htxconnect.search.internal;

import static vn.htxconnect.search.internal.ProductField.AVAILABLE_MONTHS;
import static vn.htxconnect.search.internal.ProductField.CATEGORY_PATH;
import static vn.htxconnect.search.internal.ProductField.MONTHLY_CAPACITY_BASE;
import static vn.htxconnect.search.internal.ProductField.PROVINCE_CODE;
import static vn.htxconnect.search.internal.ProductField.UNIT;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.LongTermsBucket;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import vn.htxconnect.catalog.Unit;
import vn.htxconnect.platform.ApiException;
import vn.htxconnect.platform.ErrorCode;
import vn.htxconnect.platform.Message;
import vn.htxconnect.search.SupplyCapacity;

/**
 * category_path × province_code × available_months, summing {@code monthly_capacity_base}: the index holds
 * only active products, and the base capacity is already in kg or litres.
 */
@Component
class SupplyCapacityAggregation implements SupplyCapacity {

    private static final Logger log = LoggerFactory.getLogger(SupplyCapacityAggregation.class);

    private final ElasticsearchClient client;
    private final IndexManager indices;

    SupplyCapacityAggregation(ElasticsearchClient client, IndexManager indices) {
        this.client = client;
        this.indices = indices;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Result byCategoryProvinceMonth(Collection<String> categoryCodes, Unit.Dimension dimension) {
        List<FieldValue> units = Arrays.stream(Unit.values()).filter(u -> u.dimension() == dimension)
                .map(u -> FieldValue.of(u.name())).toList();
        List<FieldValue> categories = categoryCodes.stream().map(FieldValue::of).toList();
        try {
            indices.ensureProducts();
            SearchResponse<Map> response = client.search(s -> s.index(indices.alias(IndexManager.PRODUCTS)).size(0)
                    .trackTotalHits(t -> t.enabled(false))
                    .query(q -> q.bool(b -> b.filter(f -> f.terms(t -> t.field(UNIT.field()).terms(v -> v.value(units))))
                            .filter(f -> f.terms(t -> t.field(CATEGORY_PATH.field()).terms(v -> v.value(categories))))))
                    .aggregations("no_capacity", a -> a.missing(m -> m.field(MONTHLY_CAPACITY_BASE.field())))
                    .aggregations("category", a -> a.terms(t -> t.field(CATEGORY_PATH.field()).size(Math.max(categories.size(), 1))
                                    .include(i -> i.terms(categoryCodes.stream().toList())))
                            .aggregations("province", p -> p.terms(t -> t.field(PROVINCE_CODE.field()).size(50))
                                    .aggregations("month", m -> m.terms(t -> t.field(AVAILABLE_MONTHS.field()).size(12))
                                            .aggregations("capacity", c -> c.sum(x -> x.field(MONTHLY_CAPACITY_BASE.field())))
                                            .aggregations("with_capacity", c -> c.valueCount(x -> x.field(MONTHLY_CAPACITY_BASE.field())))))),
                    Map.class);
            List<Cell> cells = new ArrayList<>();
            for (StringTermsBucket category : response.aggregations().get("category").sterms().buckets().array()) {
                for (StringTermsBucket province : category.aggregations().get("province").sterms().buckets().array()) {
                    Aggregate months = province.aggregations().get("month");
                    for (LongTermsBucket month : months.lterms().buckets().array()) {
                        double capacity = month.aggregations().get("capacity").sum().value();
                        Double value = month.aggregations().get("with_capacity").valueCount().value();
                        long counted = value == null ? 0 : value.longValue();
                        if (counted > 0) {
                            cells.add(new Cell(category.key().stringValue(), province.key().stringValue(),
                                    (int) month.key(), capacity, counted));
                        }
                    }
                }
            }
            return new Result(cells, response.aggregations().get("no_capacity").missing().docCount());
        } catch (IOException | co.elastic.clients.elasticsearch._types.ElasticsearchException e) {
            log.warn("Capacity aggregation failed: {}", e.toString());
            throw new ApiException(ErrorCode.SEARCH_UNAVAILABLE, Message.of("search.unavailable"));
        }
    }
}
