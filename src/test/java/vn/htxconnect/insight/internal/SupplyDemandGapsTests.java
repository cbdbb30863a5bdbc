package vn.htxconnect.insight.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.htxconnect.catalog.Unit;
import vn.htxconnect.sourcing.OpenDemand;
import vn.htxconnect.sourcing.SourcingEnums.Frequency;

/** How a request's quantity spreads over the months of its window. */
class SupplyDemandGapsTests {

    private static OpenDemand.Demand demand(Frequency f, LocalDate from, LocalDate to) {
        return new OpenDemand.Demand(1, "SPICES_PEPPER", "04", 2, Unit.TAN, f, from, to);
    }

    @Test
    void monthlyQuantitiesCountInFullForWholeMonthsAndByDaysForPartOnes() {
        OpenDemand.Demand d = demand(Frequency.MONTHLY, LocalDate.of(2027, 3, 16), LocalDate.of(2027, 5, 31));
        assertThat(SupplyDemandGaps.monthly(d, 2000, YearMonth.of(2027, 4))).isEqualTo(2000);
        assertThat(SupplyDemandGaps.monthly(d, 2000, YearMonth.of(2027, 3))).isCloseTo(2000 * 16 / 31.0, within(1e-9));
        assertThat(SupplyDemandGaps.monthly(d, 2000, YearMonth.of(2027, 6))).isZero();
    }

    @Test
    void weeklyQuantitiesBecomeMonthlyAndOneOffOrSeasonalOnesSpreadOverTheWindow() {
        OpenDemand.Demand weekly = demand(Frequency.WEEKLY, LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31));
        assertThat(SupplyDemandGaps.monthly(weekly, 100, YearMonth.of(2027, 2))).isCloseTo(100 * 52 / 12.0, within(1e-9));
        OpenDemand.Demand once = demand(Frequency.ONE_OFF, LocalDate.of(2027, 1, 1), LocalDate.of(2027, 3, 31));
        double total = List.of(1, 2, 3).stream().mapToDouble(m -> SupplyDemandGaps.monthly(once, 9000, YearMonth.of(2027, m))).sum();
        assertThat(total).isCloseTo(9000, within(1e-9));
        assertThat(SupplyDemandGaps.monthly(once, 9000, YearMonth.of(2027, 2))).isCloseTo(9000 * 28 / 90.0, within(1e-9));
    }

    @Test
    void shortagesAndSurplusesAreTheLargestGapsEachWay() {
        SupplyDemandGaps.Gap gap = new SupplyDemandGaps.Gap(SupplyDemandGaps.Measure.MASS, List.of("FRUIT"), List.of(), List.of(
                new SupplyDemandGaps.Cell("FRUIT", "01", YearMonth.of(2027, 1), 100, 900),
                new SupplyDemandGaps.Cell("FRUIT", "04", YearMonth.of(2027, 1), 100, 300),
                new SupplyDemandGaps.Cell("FRUIT", "08", YearMonth.of(2027, 1), 5000, 0),
                new SupplyDemandGaps.Cell("FRUIT", "12", YearMonth.of(2027, 1), 50, 50)), 0, 0, 2);
        assertThat(gap.shortages(5)).extracting(SupplyDemandGaps.Cell::provinceCode).containsExactly("01", "04");
        assertThat(gap.surpluses(5)).extracting(SupplyDemandGaps.Cell::provinceCode).containsExactly("08");
    }
}
