package vn.htxconnect.program.internal;

import org.springframework.stereotype.Component;

import vn.htxconnect.linkage.LinkageEnums;
import vn.htxconnect.linkage.OriginReferences;
import vn.htxconnect.platform.GlobalId;
import vn.htxconnect.program.TradeEvent;
import vn.htxconnect.program.TradeEventService;

/** A linkage formed at a trade fair names the fair by its global ID; this checks the fair exists. */
@Component
class TradeEventOrigins implements OriginReferences {

    private final TradeEventService events;

    TradeEventOrigins(TradeEventService events) {
        this.events = events;
    }

    @Override
    public LinkageEnums.Origin origin() {
        return LinkageEnums.Origin.TRADE_FAIR;
    }

    @Override
    public boolean exists(String ref) {
        Long id = GlobalId.tryDecode(ref, TradeEvent.TYPE);
        return id != null && events.findById(id).isPresent();
    }
}
