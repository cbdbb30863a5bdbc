package vn.htxconnect.linkage.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import vn.htxconnect.catalog.Unit;
import vn.htxconnect.linkage.internal.SupplyEvent.Direction;
import vn.htxconnect.linkage.internal.SupplyEventStore.LotRow;
import vn.htxconnect.platform.Message;
import vn.htxconnect.platform.UserErrorCode;
import vn.htxconnect.platform.ValidationErrors;

/**
 * What an organization holds of each lot, so that no write uses more of a lot than was received or made
 * there. Callers take the organization's lot lock first ({@link SupplyEventStore#lockLots}), so that two
 * writers cannot both spend what is left.
 */
@Component
class LotBalance {

    private final SupplyEventStore store;

    LotBalance(SupplyEventStore store) {
        this.store = store;
    }

    /**
     * A quantity of a lot an event adds to an organization's holding ({@code use} false: received or made)
     * or takes from it (used up by a transformation); {@code field} is the input path errors name.
     */
    record Change(String field, Direction direction, String lotNumber, double quantity, Unit unit, Long productId,
                  boolean use) {

        /** A receipt: adds to the holding, named by no input path of its own. */
        static Change receipt(String lotNumber, double quantity, Unit unit) {
            return new Change("", null, lotNumber, quantity, unit, null, false);
        }

        String path(String name) {
            return field.isEmpty() ? name : field + "." + name;
        }
    }

    /**
     * Checks an organization's holding of each lot the changes touch (and of {@code touched}, lots the
     * corrected event had), effective events only and leaving out {@code excludedEventId}: a lot keeps the
     * unit dimension it was first received or made in; a lot can be used only if it was received or made
     * there; and what is received or made must cover what is used. {@code fallbackField} is named when a lot
     * would be overdrawn by a change that does not use it (a smaller or moved receipt or output).
     */
    void check(long organizationId, List<Change> changes, long excludedEventId, Set<String> touched,
               String fallbackField, ValidationErrors errors) {
        Set<String> lotNumbers = new LinkedHashSet<>(touched);
        changes.forEach(c -> lotNumbers.add(c.lotNumber()));
        Map<String, List<LotRow>> held = new LinkedHashMap<>();
        store.lotRows(organizationId, lotNumbers, excludedEventId).forEach(r -> held.computeIfAbsent(r.lotNumber(),
                k -> new ArrayList<>()).add(r));
        for (String lot : lotNumbers) {
            checkLot(lot, held.getOrDefault(lot, List.of()), changes.stream().filter(c -> c.lotNumber().equals(lot)).toList(),
                    fallbackField, errors);
        }
    }

    private static void checkLot(String lot, List<LotRow> rows, List<Change> mine, String fallbackField, ValidationErrors errors) {
        Unit keptIn = rows.stream().filter(LotRow::source).map(LotRow::unit).findFirst()
                .or(() -> rows.stream().map(LotRow::unit).findFirst())
                .or(() -> mine.stream().map(Change::unit).findFirst()).orElse(null);
        if (keptIn == null) {
            return;
        }
        boolean received = rows.stream().anyMatch(LotRow::source);
        double got = 0;
        double usedBefore = 0;
        for (LotRow r : rows) {
            double q = r.unit().convert(r.quantity(), keptIn).orElse(0.0);
            got += r.source() ? q : 0;
            usedBefore += r.source() ? 0 : q;
        }
        double used = usedBefore;
        boolean checked = true;
        for (Change c : mine) {
            Optional<Double> q = c.unit().convert(c.quantity(), keptIn);
            if (q.isEmpty()) {
                errors.add(c.path("unit"), UserErrorCode.INVALID,
                        Message.of("linkage.lot.unit", lot, keptIn.label(), c.unit().label()));
                checked = false;
            } else if (c.use() && !received) {
                errors.add(c.path("lotNumber"), UserErrorCode.NOT_FOUND, Message.of("linkage.lot.notHeld", lot));
                checked = false;
            } else if (c.use()) {
                used += q.get();
            } else {
                got += q.get();
            }
        }
        if (!checked || got - used >= -1e-9 * (1 + got + used)) {
            return;
        }
        Change use = mine.stream().filter(Change::use).findFirst().orElse(null);
        if (use != null) {
            errors.add(use.path("quantity"), UserErrorCode.OUT_OF_RANGE, Message.of("linkage.lot.overdrawn", lot,
                    amount(Math.max(0, got - usedBefore)), keptIn.label()));
        } else {
            errors.add(mine.isEmpty() ? fallbackField : mine.getFirst().path("quantity"), UserErrorCode.CONFLICT,
                    Message.of("linkage.lot.alreadyUsed", lot, amount(used), keptIn.label(), amount(got)));
        }
    }

    private static String amount(double q) {
        return BigDecimal.valueOf(q).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
