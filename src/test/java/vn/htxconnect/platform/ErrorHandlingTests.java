package vn.htxconnect.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import vn.htxconnect.testing.IntegrationTest;

/** Top-level errors carry extensions.code and never a stack trace, class name or SQL. */
@IntegrationTest
class ErrorHandlingTests {

    @Autowired
    HttpGraphQlTester graphQl;

    private List<ResponseError> errorsOf(String document) {
        List<ResponseError>[] holder = new List[1];
        graphQl.document(document).execute().errors().satisfy(errors -> holder[0] = errors);
        return holder[0];
    }

    private static void assertClean(List<ResponseError> errors, String code) {
        assertThat(errors).isNotEmpty();
        for (ResponseError e : errors) {
            assertThat(e.getExtensions()).containsEntry("code", code);
            assertThat(e.getMessage()).doesNotContainIgnoringCase("exception").doesNotContain("at vn.")
                    .doesNotContainIgnoringCase("select ").doesNotContainIgnoringCase("sql");
        }
    }

    @Test
    void malformedIdIsBadRequest() {
        assertClean(errorsOf("{ product(id: \"not-an-id\") { id } }"), "BAD_REQUEST");
        assertClean(errorsOf("{ node(id: \"%%%\") { id } }"), "BAD_REQUEST");
    }

    @Test
    void unknownObjectIsNotFound() {
        assertClean(errorsOf("{ product(id: \"" + GlobalId.encode("Product", 987654321) + "\") { id } }"), "NOT_FOUND");
        assertClean(errorsOf("{ node(id: \"" + GlobalId.encode("Nope", 1) + "\") { id } }"), "NOT_FOUND");
    }

    @Test
    void pageSizeOverTheMaximumIsAnErrorNotACap() {
        List<ResponseError> errors = errorsOf("{ searchProducts(query: \"gạo\", first: 101) { totalCount } }");
        assertClean(errors, "BAD_REQUEST");
        assertThat(errors.getFirst().getExtensions()).containsEntry("field", "first");
        assertClean(errorsOf("{ organizations(first: 0) { totalCount } }"), "BAD_REQUEST");
    }

    @Test
    void syntaxAndValidationErrorsAreBadRequest() {
        assertClean(errorsOf("{ searchProducts(query: \"x\" { totalCount } }"), "BAD_REQUEST");
        assertClean(errorsOf("{ searchProducts(query: 5) { totalCount } }"), "BAD_REQUEST");
        assertClean(errorsOf("{ noSuchField }"), "BAD_REQUEST");
    }

    @Test
    void badSearchArgumentsNameTheField() {
        List<ResponseError> errors = errorsOf("{ searchProducts(query: \"" + "a".repeat(201) + "\") { totalCount } }");
        assertClean(errors, "BAD_REQUEST");
        assertThat(errors.getFirst().getExtensions()).containsEntry("field", "query");
        errors = errorsOf("{ searchProducts(filter: {province: \"Atlantis\"}) { totalCount } }");
        assertClean(errors, "BAD_REQUEST");
        assertThat(errors.getFirst().getExtensions()).containsEntry("field", "filter.province");
        errors = errorsOf("{ searchProducts(filter: {near: {lat: 95, lon: 105, radiusKm: 10}}) { totalCount } }");
        assertThat(errors.getFirst().getExtensions()).containsEntry("field", "filter.near.lat");
        errors = errorsOf("{ searchProducts(filter: {near: {lat: 10, lon: 105, radiusKm: -1}}) { totalCount } }");
        assertThat(errors.getFirst().getExtensions()).containsEntry("field", "filter.near.radiusKm");
        errors = errorsOf("{ searchProducts(after: \"garbage!\") { totalCount } }");
        assertClean(errors, "BAD_REQUEST");
    }
}
