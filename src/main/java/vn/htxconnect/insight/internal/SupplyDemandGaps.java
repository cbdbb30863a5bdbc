package vn.htxconnect.insight.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.stereotype.Service;

import vn.htxconnect.catalog.Category;
import vn.htxconnect.catalog.CategoryService;
import vn.htxconnect.catalog.Unit;
import vn.htxconnect.search.SupplyCapacity;
import vn.htxconnect.sourcing.OpenDemand;

/**
 * Supply against demand by category × province × month for the next twelve months. Supply is the
 * monthly capacity cooperatives list for the months their products are available (an Elasticsearch
 * aggregation); demand is what open sourcing requests ask for in those months, spread over each request's
 * window by days (weekly quantities × 52/12 a month). Both in kg (or litres): count units do not add up.
 */
@Service
class SupplyDemandGaps {

    static final double WEEKS_PER_MONTH = 52.0 / 12;

    enum Measure {
        MASS(Unit.Dimension.MASS, Unit.KG), VOLUME(Unit.Dimension.VOLUME, Unit.LIT);

        final Unit.Dimension dimension;
        final Unit base;

        Measure(Unit.Dimension dimension, Unit base) {
            this.dimension = dimension;
            this.base = base;
        }
    }

    /** One cell; {@code gap} is demand minus supply (positive: shortage, negative: surplus). */
    record Cell(String categoryCode, String provinceCode, YearMonth month, double supply, double demand) {
        public double gap() {
            return demand - supply;
        }
    }

    record Gap(Measure measure, List<String> categoryCodes, List<YearMonth> months, List<Cell> cells,
               long productsWithoutCapacity, double demandWithoutCategory, int openRequests) {

        List<Cell> shortages(int n) {
            return cells.stream().filter(c -> c.gap() > 0).sorted(Comparator.comparingDouble(Cell::gap).reversed()).limit(n).toList();
        }

        List<Cell> surpluses(int n) {
            return cells.stream().filter(c -> c.gap() < 0).sorted(Comparator.comparingDouble(Cell::gap)).limit(n).toList();
        }
    }

    private final SupplyCapacity capacity;
    private final OpenDemand demand;
    private final CategoryService categories;

    SupplyDemandGaps(SupplyCapacity capacity, OpenDemand demand, CategoryService categories) {
        this.capacity = capacity;
        this.demand = demand;
        this.categories = categories;
    }

    /** The grid's categories: the children of {@code parent}, or the top-level ones. */
    List<String> gridCategories(String parent) {
        return categories.all().stream().filter(c -> Objects.equals(c.parentCode(), parent))
                .sorted(Comparator.comparingInt(Category::sortOrder)).map(Category::code).toList();
    }

    Gap compute(String parentCategory, String provinceCode, Measure measure, LocalDate today) {
        List<String> grid = gridCategories(parentCategory);
        YearMonth first = YearMonth.from(today);
        List<YearMonth> months = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            months.add(first.plusMonths(i));
        }
        Map<String, Cell> cells = new LinkedHashMap<>();
        SupplyCapacity.Result supply = grid.isEmpty() ? new SupplyCapacity.Result(List.of(), 0)
                : capacity.byCategoryProvinceMonth(grid, measure.dimension);
        for (SupplyCapacity.Cell s : supply.cells()) {
            if (provinceCode != null && !provinceCode.equals(s.provinceCode())) {
                continue;
            }
            for (YearMonth m : months) {
                if (m.getMonthValue() == s.month()) {
                    cells.merge(key(s.categoryCode(), s.provinceCode(), m), new Cell(s.categoryCode(), s.provinceCode(), m, s.capacity(), 0),
                            (a, b) -> new Cell(a.categoryCode(), a.provinceCode(), m, a.supply() + b.supply(), a.demand()));
                }
            }
        }
        double uncategorised = 0;
        int requests = 0;
        Map<String, String> gridOf = new HashMap<>();
        for (OpenDemand.Demand d : demand.open()) {
            if (d.unit().dimension() != measure.dimension || (provinceCode != null && !provinceCode.equals(d.deliveryProvinceCode()))) {
                continue;
            }
            requests++;
            double base = d.unit().convert(d.quantity(), measure.base).orElse(0.0);
            Optional<String> category = d.categoryCode() == null ? Optional.empty()
                    : Optional.ofNullable(gridOf.computeIfAbsent(d.categoryCode(), c -> ancestorIn(c, grid)));
            for (YearMonth m : months) {
                double volume = monthly(d, base, m);
                if (volume <= 0) {
                    continue;
                }
                if (category.isEmpty()) {
                    uncategorised += volume;
                    continue;
                }
                String c = category.get();
                cells.merge(key(c, d.deliveryProvinceCode(), m), new Cell(c, d.deliveryProvinceCode(), m, 0, volume),
                        (a, b) -> new Cell(a.categoryCode(), a.provinceCode(), m, a.supply(), a.demand() + b.demand()));
            }
        }
        List<Cell> sorted = cells.values().stream().sorted(Comparator.comparing(Cell::categoryCode)
                .thenComparing(Cell::provinceCode).thenComparing(Cell::month)).toList();
        return new Gap(measure, grid, months, sorted, supply.productsWithoutCapacity(), uncategorised, requests);
    }

    /** The request's volume falling in month {@code m}, in the base unit. */
    static double monthly(OpenDemand.Demand d, double base, YearMonth m) {
        LocalDate from = max(d.windowFrom(), m.atDay(1));
        LocalDate to = min(d.windowTo(), m.atEndOfMonth());
        if (to.isBefore(from)) {
            return 0;
        }
        double daysIn = ChronoUnit.DAYS.between(from, to) + 1;
        return switch (d.frequency()) {
            case MONTHLY -> base * daysIn / m.lengthOfMonth();
            case WEEKLY -> base * WEEKS_PER_MONTH * daysIn / m.lengthOfMonth();
            case ONE_OFF, PER_SEASON -> base * daysIn / (ChronoUnit.DAYS.between(d.windowFrom(), d.windowTo()) + 1);
        };
    }

    /** The grid category the request's category falls under; null when it is broader than the grid. */
    private String ancestorIn(String code, List<String> grid) {
        String c = code;
        for (int i = 0; c != null && i < 10; i++) {
            if (grid.contains(c)) {
                return c;
            }
            c = categories.findByCode(c).map(Category::parentCode).orElse(null);
        }
        return null;
    }

    private static String key(String category, String province, YearMonth m) {
        return category + "|" + province + "|" + m;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

}
