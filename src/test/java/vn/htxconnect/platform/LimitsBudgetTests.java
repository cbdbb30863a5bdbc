package vn.htxconnect.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.TestPropertySource;

import vn.htxconnect.testing.IntegrationTest;

/**
 * With small limits configured: a query over the per-query maximum is refused up front, and a caller
 * who spends its budget gets RATE_LIMITED with when to retry.
 */
@IntegrationTest
@TestPropertySource(properties = {"htx.limits.max-cost=150", "htx.limits.budget=350", "htx.limits.refill-per-second=1"})
class LimitsBudgetTests {

    @Autowired
    HttpGraphQlTester graphQl;

    @Test
    void costOverTheMaximumIsRefusedAndBudgetsRunOut() {
        List<ResponseError>[] errors = new List[1];
        graphQl.document("{ a: searchProducts(first: 100) { totalCount } b: organizations(first: 100) { totalCount } }")
                .execute().errors().satisfy(e -> errors[0] = e);
        assertThat(errors[0]).extracting(e -> e.getExtensions().get("code")).containsExactly("BAD_REQUEST");
        assertThat(errors[0].getFirst().getExtensions()).containsKey("cost");

        String query = "{ searchProducts(first: 100) { totalCount } categories { code } }";
        int granted = 0;
        Map<String, Object> limited = null;
        for (int i = 0; i < 10 && limited == null; i++) {
            List<ResponseError> e = graphQl.document(query).execute().returnResponse().getErrors();
            if (e.isEmpty()) {
                granted++;
            } else {
                limited = e.getFirst().getExtensions();
            }
        }
        // Each query reserves 101 points and keeps what it returned (the ~60 categories); the budget holds 350.
        assertThat(granted).isGreaterThanOrEqualTo(3);
        assertThat(limited).as("the budget ran out").isNotNull();
        assertThat(limited).containsEntry("code", "RATE_LIMITED").containsKey("retryAfterSeconds");
    }
}
