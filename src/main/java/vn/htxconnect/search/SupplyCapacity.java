package vn.htxconnect.search;

import java.util.Collection;
import java.util.List;

import vn.htxconnect.catalog.Unit;

/**
 * Listed monthly capacity of active products summed by category, origin province and month of
 * availability — one Elasticsearch aggregation over the product index, whatever the catalogue's size.
 */
public interface SupplyCapacity {

    /**
     * @param categoryCode one of the asked categories (a product counts under each asked ancestor of its category)
     * @param month 1 to 12
     * @param capacity summed monthly capacity in the dimension's base unit (kg or lít)
     * @param products products counted in the cell (with a capacity)
     */
    record Cell(String categoryCode, String provinceCode, int month, double capacity, long products) {
    }

    /** Result with the number of active products of the dimension that list no capacity (not counted). */
    record Result(List<Cell> cells, long productsWithoutCapacity) {
    }

    /** Capacity of products whose unit has the given dimension (mass in kg, volume in litres), for the given categories. */
    Result byCategoryProvinceMonth(Collection<String> categoryCodes, Unit.Dimension dimension);
}
