package vn.htxconnect.search.internal;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import vn.htxconnect.platform.Access;
import vn.htxconnect.platform.Cursors;
import vn.htxconnect.search.ProductFilter;
import vn.htxconnect.search.ProductSort;
import vn.htxconnect.search.ProductSearchConnection;

@Controller
class ProductSearchController {

    private final ProductSearchService search;

    ProductSearchController(ProductSearchService search) {
        this.search = search;
    }

    @QueryMapping
    ProductSearchConnection searchProducts(@Argument String query, @Argument ProductFilter filter, @Argument ProductSort sort,
                                @Argument Integer first, @Argument String after) {
        Access.requireScope("catalog:read");
        return search.search(query, filter, sort, Cursors.first(first), after);
    }
}
