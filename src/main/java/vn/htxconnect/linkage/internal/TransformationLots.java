package vn.htxconnect.linkage.internal;

import static vn.htxconnect.linkage.internal.SupplyEventChecks.lotNumber;
import static vn.htxconnect.linkage.internal.SupplyEventChecks.parseUnit;
import static vn.htxconnect.linkage.internal.SupplyEventChecks.quantity;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.springframework.stereotype.Component;

import vn.htxconnect.catalog.Product;
import vn.htxconnect.catalog.ProductService;
import vn.htxconnect.catalog.Unit;
import vn.htxconnect.linkage.internal.LotBalance.Change;
import vn.htxconnect.linkage.internal.SupplyEvent.Direction;
import vn.htxconnect.linkage.internal.SupplyEvent.Lot;
import vn.htxconnect.linkage.internal.SupplyEventInputs.LotInput;
import vn.htxconnect.platform.GlobalId;
import vn.htxconnect.platform.Message;
import vn.htxconnect.platform.UserErrorCode;
import vn.htxconnect.platform.ValidationErrors;

/**
 * The input and output lots of a transformation, checked field by field (products must be the
 * organization's; no lot both used and made), as the changes they make to the organization's holding.
 */
@Component
class TransformationLots {

    private final ProductService products;

    TransformationLots(ProductService products) {
        this.products = products;
    }

    /** Checks the input and output lots of a transformation; products must be the organization's. */
    List<Change> changes(long organizationId, List<LotInput> inputs, List<LotInput> outputs, ValidationErrors errors) {
        List<Change> out = new ArrayList<>();
        side("inputs", Direction.INPUT, inputs, organizationId, out, errors);
        side("outputs", Direction.OUTPUT, outputs, organizationId, out, errors);
        Set<String> used = new HashSet<>();
        out.stream().filter(Change::use).forEach(c -> used.add(c.lotNumber()));
        out.stream().filter(c -> !c.use() && used.contains(c.lotNumber())).forEach(c -> errors.add(c.path("lotNumber"),
                UserErrorCode.INVALID, Message.of("linkage.lot.inputAndOutput", c.lotNumber())));
        return out;
    }

    /** A stored transformation's lots of one direction, as input again (a correction keeps what it leaves out). */
    static List<LotInput> asInputs(List<Lot> lots, Direction direction) {
        return lots.stream().filter(l -> l.direction() == direction).map(l -> new LotInput(l.lotNumber(), l.quantity(),
                l.unit().name(), l.productId() == null ? null : GlobalId.encode(Product.TYPE, l.productId()))).toList();
    }

    /** The lots to store for a transformation event. */
    static List<Lot> stored(long eventId, List<Change> changes) {
        return changes.stream().map(c -> new Lot(eventId, c.direction(), c.lotNumber(), c.quantity(), c.unit(),
                c.productId())).toList();
    }

    private void side(String name, Direction direction, List<LotInput> given, long organizationId, List<Change> out,
                      ValidationErrors errors) {
        if (given == null || given.isEmpty()) {
            errors.add(name, UserErrorCode.REQUIRED, direction == Direction.INPUT
                    ? Message.of("linkage.transformation.noInput") : Message.of("linkage.transformation.noOutput"));
            return;
        }
        if (given.size() > SupplyEventChecks.MAX_LOTS) {
            errors.add(name, UserErrorCode.OUT_OF_RANGE,
                    Message.of("linkage.lots.tooMany", name, SupplyEventChecks.MAX_LOTS));
            return;
        }
        Map<Long, Product> named = products.findByIds(given.stream().map(LotInput::productId).filter(Objects::nonNull)
                .map(p -> GlobalId.tryDecode(p, Product.TYPE)).filter(Objects::nonNull).distinct().toList());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            LotInput in = given.get(i);
            String field = name + "[" + i + "]";
            String lot = lotNumber(field + ".lotNumber", in.lotNumber(), errors);
            if (lot != null && !seen.add(lot)) {
                errors.add(field + ".lotNumber", UserErrorCode.DUPLICATE, Message.of("linkage.lot.twice", lot));
            }
            BigDecimal quantity = quantity(field + ".quantity", in.quantity(), errors);
            Unit unit = parseUnit(field + ".unit", in.unit(), errors);
            Long productId = product(field, in.productId(), named, organizationId, errors);
            if (lot != null && quantity != null && unit != null) {
                out.add(new Change(field, direction, lot, quantity.doubleValue(), unit, productId, direction == Direction.INPUT));
            }
        }
    }

    /** The lot's product, if one is named: it must be the organization's. */
    private static Long product(String field, String id, Map<Long, Product> named, long organizationId, ValidationErrors errors) {
        if (id == null) {
            return null;
        }
        Long pid = GlobalId.tryDecode(id, Product.TYPE);
        Product p = pid == null ? null : named.get(pid);
        if (p == null) {
            errors.add(field + ".productId", UserErrorCode.NOT_FOUND, Message.of("catalog.product.notFound"));
        } else if (p.organizationId() != organizationId) {
            errors.add(field + ".productId", UserErrorCode.INVALID, Message.of("linkage.product.notOrganizations"));
        } else {
            return pid;
        }
        return null;
    }
}
