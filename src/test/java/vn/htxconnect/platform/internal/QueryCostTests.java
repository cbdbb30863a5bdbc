package vn.htxconnect.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import graphql.language.Document;
import graphql.language.FragmentDefinition;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import org.junit.jupiter.api.Test;

/** The one walk of a document: cost, aliases and depth (fragments add no depth, as in graphql-java's own check). */
class QueryCostTests {

    private static QueryCost of(String text, Map<String, Object> variables) {
        Document document = Parser.parse(text);
        Map<String, FragmentDefinition> fragments = new HashMap<>();
        document.getDefinitionsOfType(FragmentDefinition.class).forEach(f -> fragments.put(f.getName(), f));
        OperationDefinition op = document.getDefinitionsOfType(OperationDefinition.class).getFirst();
        return QueryCost.of(op.getSelectionSet(), fragments, variables);
    }

    @Test
    void depthCountsFieldsNotFragments() {
        assertThat(of("{ a }", Map.of()).depth()).isEqualTo(1);
        assertThat(of("{ a { b { c } } d }", Map.of()).depth()).isEqualTo(3);
        assertThat(of("{ a { ...F ... on T { x { y } } } } fragment F on T { b { c { d } } }", Map.of()).depth())
                .isEqualTo(4);
    }

    @Test
    void costMultipliesNestedConnectionsAndCountsAliases() {
        QueryCost c = of("query($n: Int) { x: products(first: $n) { edges { node { offers(first: 5) { nodes { id } } } } } }",
                Map.of("n", 10));
        assertThat(c.cost()).isEqualTo(1 + 10 + 10 * 5);
        assertThat(c.aliases()).isEqualTo(1);
        assertThat(c.depth()).isEqualTo(6);
    }

    @Test
    void measuresDeepDocuments() {
        String deep = "{ " + "a { ".repeat(40) + "b" + " }".repeat(40) + " }";
        assertThat(of(deep, Map.of()).depth()).isEqualTo(41);
    }
}
