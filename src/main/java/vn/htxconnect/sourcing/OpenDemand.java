package vn.htxconnect.sourcing;

import java.time.LocalDate;
import java.util.List;

import vn.htxconnect.catalog.Unit;

/** What buyers are asking for now: the open, unexpired sourcing requests' volumes, for supply/demand analysis. */
public interface OpenDemand {

    /** One open request's volume, without the buyer (confidential or not, demand figures never name it). */
    record Demand(long requestId, String categoryCode, String deliveryProvinceCode, double quantity, Unit unit,
                  SourcingEnums.Frequency frequency, LocalDate windowFrom, LocalDate windowTo) {
    }

    /** Open requests that are accepting offers, in one SQL statement. */
    List<Demand> open();
}
