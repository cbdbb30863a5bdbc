package vn.htxconnect.sourcing.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

import vn.htxconnect.catalog.Product;
import vn.htxconnect.catalog.ProductService;
import vn.htxconnect.catalog.ProductStatus;
import vn.htxconnect.catalog.Unit;
import vn.htxconnect.platform.GlobalId;
import vn.htxconnect.platform.Message;
import vn.htxconnect.platform.Messages;
import vn.htxconnect.platform.UserErrorCode;
import vn.htxconnect.platform.ValidationErrors;
import vn.htxconnect.platform.VietnamTime;
import vn.htxconnect.sourcing.SourcingEnums.Frequency;
import vn.htxconnect.sourcing.internal.QuoteInputs.SendQuoteInput;

/**
 * Checks a quote's terms against the request it answers and copies them onto the new quote,
 * reporting every problem with its field; and writes the message that announces the quote.
 */
@Component
class QuoteTerms {

    static final Duration MAX_VALIDITY = Duration.ofDays(180);
    private static final long MAX_PRICE = 1_000_000_000_000L;
    private static final BigDecimal MAX_QUANTITY = new BigDecimal("1000000000");
    // Price times quantity must fit the VND scalar comfortably (and any real order).
    private static final BigDecimal MAX_TOTAL = new BigDecimal("1000000000000000");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
            .withZone(VietnamTime.ZONE);

    private final ProductService products;

    QuoteTerms(ProductService products) {
        this.products = products;
    }

    void apply(SendQuoteInput in, SourcingRequestEntity request, long supplierId, QuoteEntity q, ValidationErrors errors) {
        if (in.pricePerUnitVnd() == null) {
            errors.add("pricePerUnitVnd", UserErrorCode.REQUIRED, Message.of("input.required", "pricePerUnitVnd"));
        } else if (in.pricePerUnitVnd() <= 0 || in.pricePerUnitVnd() > MAX_PRICE) {
            errors.add("pricePerUnitVnd", UserErrorCode.OUT_OF_RANGE, Message.of("sourcing.quote.price.range"));
        } else {
            q.pricePerUnitVnd = in.pricePerUnitVnd();
        }
        if (in.quantity() == null) {
            errors.add("quantity", UserErrorCode.REQUIRED, Message.of("input.required", "quantity"));
        } else if (in.quantity().signum() <= 0 || in.quantity().compareTo(MAX_QUANTITY) > 0) {
            errors.add("quantity", UserErrorCode.OUT_OF_RANGE, Message.of("sourcing.quantity.range"));
        } else if (in.quantity().stripTrailingZeros().scale() > 3) {
            errors.add("quantity", UserErrorCode.INVALID, Message.of("input.decimals", "quantity"));
        } else if (q.pricePerUnitVnd > 0 && in.quantity().multiply(BigDecimal.valueOf(q.pricePerUnitVnd)).compareTo(MAX_TOTAL) > 0) {
            errors.add("quantity", UserErrorCode.OUT_OF_RANGE, Message.of("sourcing.quote.total.range"));
        } else {
            q.quantity = in.quantity();
        }
        Unit unit = Unit.parse(in.unit()).orElse(null);
        if (unit == null) {
            errors.add("unit", in.unit() == null || in.unit().isBlank() ? UserErrorCode.REQUIRED : UserErrorCode.INVALID,
                    Message.of("catalog.unit.unknown"));
        } else if (unit != request.unit) {
            // Quotes are compared with each other and with the request as given: no conversions.
            errors.add("unit", UserErrorCode.INVALID, Message.of("sourcing.quote.unit", request.unit.label()));
        } else {
            q.unit = unit;
        }
        validUntil(in.validUntil(), q, errors);
        product(in.productId(), supplierId, q, errors);
        if ((in.productId() == null || in.productId().isBlank()) && request.categoryCode == null) {
            // The deal must say what is supplied: an accepted quote opens a supply linkage for a product or category.
            errors.add("productId", UserErrorCode.REQUIRED,
                    Message.of("sourcing.quote.productRequired"));
        }
        q.deliveryTerms = errors.text("deliveryTerms", in.deliveryTerms(), 1000, false);
        q.note = errors.text("note", in.note(), 2000, false);
        q.frequency = request.frequency;
    }

    private static void validUntil(Instant validUntil, QuoteEntity q, ValidationErrors errors) {
        Instant now = Instant.now();
        if (validUntil == null) {
            errors.add("validUntil", UserErrorCode.REQUIRED, Message.of("input.required", "validUntil"));
        } else if (!validUntil.isAfter(now)) {
            errors.add("validUntil", UserErrorCode.INVALID, Message.of("sourcing.quote.validUntil.past"));
        } else if (validUntil.isAfter(now.plus(MAX_VALIDITY))) {
            errors.add("validUntil", UserErrorCode.OUT_OF_RANGE, Message.of("sourcing.quote.validUntil.tooLong", 180));
        } else {
            q.validUntil = validUntil;
        }
    }

    private void product(String productId, long supplierId, QuoteEntity q, ValidationErrors errors) {
        if (productId == null || productId.isBlank()) {
            return;
        }
        Long id = GlobalId.tryDecode(productId, Product.TYPE);
        Product p = id == null ? null : products.findById(id).orElse(null);
        if (p == null) {
            errors.add("productId", UserErrorCode.NOT_FOUND, Message.of("catalog.product.notFound"));
        } else if (p.organizationId() != supplierId) {
            errors.add("productId", UserErrorCode.INVALID, Message.of("sourcing.product.notSuppliers"));
        } else if (p.status() != ProductStatus.ACTIVE) {
            errors.add("productId", UserErrorCode.INVALID, Message.of("sourcing.quote.productInactive"));
        } else {
            q.productId = p.databaseId();
        }
    }

    /**
     * The conversation message announcing the quote. It is stored, not rendered per reader, so it is
     * written in Vietnamese, the platform's default language; the supplier's own words follow as given.
     */
    static String message(QuoteEntity q) {
        Object[] args = {q.pricePerUnitVnd, q.unit.label(), q.quantity.stripTrailingZeros().toPlainString(), q.unit.label(),
                WHEN.format(q.validUntil)};
        StringBuilder body = new StringBuilder(Messages.render(head(q.frequency, args), STORED_LANGUAGE));
        if (q.deliveryTerms != null) {
            body.append('\n').append(Messages.render(Message.of("sourcing.quote.text.deliveryTerms", q.deliveryTerms), STORED_LANGUAGE));
        }
        if (q.note != null) {
            body.append('\n').append(Messages.render(Message.of("sourcing.quote.text.note", q.note), STORED_LANGUAGE));
        }
        return body.toString();
    }

    /** The text is stored once for both sides, so it is written in the platform's default language. */
    private static final String STORED_LANGUAGE = "vi";

    /** Each frequency has its own sentence: the languages place the phrase differently. */
    private static Message head(Frequency f, Object[] args) {
        return switch (f) {
            case ONE_OFF -> Message.of("sourcing.quote.text.once", args);
            case WEEKLY -> Message.of("sourcing.quote.text.weekly", args);
            case MONTHLY -> Message.of("sourcing.quote.text.monthly", args);
            case PER_SEASON -> Message.of("sourcing.quote.text.perSeason", args);
        };
    }
}
