package vn.htxconnect.search.internal;

import graphql.GraphQLContext;
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
    private final ProductIndexHealer healer;

    ProductSearchController(ProductSearchService search, ProductIndexHealer healer) {
        this.search = search;
        this.healer = healer;
    }

    @QueryMapping
    ProductSearchConnection searchProducts(@Argument String query, @Argument ProductFilter filter, @Argument ProductSort sort,
                                @Argument Integer first, @Argument String after, GraphQLContext context) {
        Access.requireScope("catalog:read");
        ProductSearchConnection result = search.search(query, filter, sort, Cursors.first(first), after);
        // After the search: one that found no index has just told the healer so.
        SearchIndexExtension.report(context, healer.extension());
        return result;
    }
}
