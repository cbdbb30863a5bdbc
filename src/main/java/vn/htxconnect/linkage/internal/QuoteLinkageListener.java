package vn.htxconnect.linkage.internal;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import vn.htxconnect.catalog.Product;
import vn.htxconnect.linkage.LinkageEnums.Origin;
import vn.htxconnect.linkage.LinkageEnums.Period;
import vn.htxconnect.linkage.LinkageInput;
import vn.htxconnect.organization.Organization;
import vn.htxconnect.platform.Access;
import vn.htxconnect.platform.GlobalId;
import vn.htxconnect.sourcing.Quote;
import vn.htxconnect.sourcing.QuoteAccepted;

/**
 * An accepted quote opens a proposed supply linkage on the quote's terms, in the accepting transaction:
 * the deal and its linkage are committed together or not at all. The buyer has agreed by accepting; the
 * supplier confirms the standing relation, which makes it ACTIVE.
 */
@Component
class QuoteLinkageListener {

    private final LinkageProposals linkages;

    QuoteLinkageListener(LinkageProposals linkages) {
        this.linkages = linkages;
    }

    @EventListener
    void on(QuoteAccepted deal) {
        LinkageInput in = new LinkageInput(GlobalId.encode(Organization.TYPE, deal.supplierOrganizationId()),
                GlobalId.encode(Organization.TYPE, deal.buyerOrganizationId()),
                deal.productId() == null ? null : GlobalId.encode(Product.TYPE, deal.productId()),
                deal.productId() == null ? deal.categoryCode() : null, null, null, deal.quantity(), deal.unit(),
                period(deal.frequency()), deal.pricePerUnitVnd(), null, deal.windowFrom(), deal.windowTo(), Origin.QUOTE,
                GlobalId.encode(Quote.TYPE, deal.quoteId()), null);
        linkages.openFromDeal(in, false, true, Access.current());
    }

    static Period period(String frequency) {
        return switch (frequency) {
            case "WEEKLY" -> Period.WEEKLY;
            case "MONTHLY" -> Period.MONTHLY;
            case "PER_SEASON" -> Period.PER_SEASON;
            default -> Period.ONE_OFF;
        };
    }
}
