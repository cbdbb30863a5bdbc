package vn.htxconnect.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Collectors;

import graphql.language.Document;
import graphql.language.FragmentDefinition;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import org.junit.jupiter.api.Test;

/** The {@code graphql.root} tag: the schema's root field names, never aliases or the client's operation name. */
class GraphQlRootTagTests {

    private static String root(String document) {
        Document d = Parser.parse(document);
        OperationDefinition op = d.getDefinitionsOfType(OperationDefinition.class).getFirst();
        Map<String, FragmentDefinition> fragments = d.getDefinitionsOfType(FragmentDefinition.class).stream()
                .collect(Collectors.toMap(FragmentDefinition::getName, f -> f));
        return GraphQlMetricsInstrumentation.roots(op.getSelectionSet(), fragments);
    }

    @Test
    void theRootFieldNotTheOperationNameOrAlias() {
        assertThat(root("query PartnerChoosesThis123 { mine: searchProducts(query: \"gạo\") { totalCount } }"))
                .isEqualTo("searchProducts");
        assertThat(root("{ a: searchProducts { totalCount } b: searchProducts { totalCount } __typename }"))
                .isEqualTo("searchProducts");
    }

    @Test
    void throughFragmentsAndSeveralFieldsAreMultiple() {
        assertThat(root("query { ...F } fragment F on Query { categories { code } }")).isEqualTo("categories");
        assertThat(root("{ ... on Query { me { id } } }")).isEqualTo("me");
        assertThat(root("{ me { id } categories { code } }")).isEqualTo("multiple");
        assertThat(root("{ __typename }")).isEqualTo("none");
    }
}
