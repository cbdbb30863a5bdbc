package vn.htxconnect.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import vn.htxconnect.testing.IntegrationTest;

/** Depth, cost, alias and size limits answer BAD_REQUEST before any work; every answer reports its cost. */
@IntegrationTest
class LimitsTests {

    @Autowired
    HttpGraphQlTester graphQl;

    private List<ResponseError> errors(String document) {
        List<ResponseError>[] holder = new List[1];
        graphQl.document(document).execute().errors().satisfy(e -> holder[0] = e);
        return holder[0];
    }

    private static void assertCode(List<ResponseError> errors, String code) {
        assertThat(errors).isNotEmpty();
        assertThat(errors).extracting(e -> e.getExtensions().get("code")).containsOnly(code);
    }

    @Test
    void answersReportTheirCost() {
        Map<Object, Object> ext = graphQl.document("{ searchProducts(query: \"gạo\", first: 50) { totalCount edges { cursor } } }")
                .execute().returnResponse().getExtensions();
        @SuppressWarnings("unchecked")
        Map<String, Object> cost = (Map<String, Object>) ext.get("cost");
        assertThat(cost).containsEntry("requested", 51).containsKeys("actual", "remaining", "limit");
        assertThat(((Number) cost.get("actual")).longValue()).isLessThanOrEqualTo(51);
    }

    @Test
    void tooDeepIsRefusedButGraphiQlIntrospectionDepthIsFine() {
        assertThat(graphQl.document(ofTypeChain(9)).execute().returnResponse().getErrors()).isEmpty();
        assertCode(errors(ofTypeChain(20)), "BAD_REQUEST");
    }

    /** {@code __type(name: "Query") { fields { type { ofType { … } } } }} nested n levels deep. */
    private static String ofTypeChain(int n) {
        return "{ __type(name: \"Query\") { fields { type { " + "ofType { ".repeat(n) + "name" + " }".repeat(n)
                + " } } } }";
    }

    @Test
    void tooManyAliasesAreRefused() {
        StringBuilder q = new StringBuilder("{");
        for (int i = 0; i < 31; i++) {
            q.append(" a").append(i).append(": categories { code }");
        }
        assertCode(errors(q.append(" }").toString()), "BAD_REQUEST");
    }

    @Test
    void oversizedDocumentsAreRefused() {
        assertCode(errors("{ categories { code } }" + " ".repeat(25_000)), "BAD_REQUEST");
        StringBuilder tokens = new StringBuilder("{ categories { ");
        tokens.append("code ".repeat(6000)).append("} }");
        assertCode(errors(tokens.toString()), "BAD_REQUEST");
    }
}
