package vn.htxconnect.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import tools.jackson.databind.JsonNode;

import vn.htxconnect.testing.HeadlessChromium;
import vn.htxconnect.testing.IntegrationTest;
import vn.htxconnect.testing.TestData;

/**
 * GraphiQL works without internet: its page and every script and style come from the jar. Headless Chromium,
 * with every host but localhost taken off the network, loads /graphiql, waits for the editors, runs a public
 * query and then one signed in through the Headers tab, and reads the result pane; its network log shows no
 * request to another origin, and the page's Content-Security-Policy would block one.
 */
@IntegrationTest
class GraphiqlOfflineTests {

    @Autowired
    HttpGraphQlTester anonymous;
    @LocalServerPort
    int port;

    @Test
    void thePageNamesOnlyItsOwnOriginAndForbidsOthers() throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphiql")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("default-src 'self'").contains("script-src 'self'").contains("connect-src 'self'"));
        Matcher refs = Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(page.body());
        int count = 0;
        while (refs.find()) {
            count++;
            assertThat(refs.group(1)).as("asset of the page").startsWith("/").doesNotStartWith("//");
            HttpResponse<Void> asset = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + refs.group(1))).build(), HttpResponse.BodyHandlers.discarding());
            assertThat(asset.statusCode()).as(refs.group(1)).isEqualTo(200);
        }
        assertThat(count).as("scripts and styles on the page").isGreaterThanOrEqualTo(6);
    }

    @Test
    void aQueryRunsInHeadlessChromiumWithNoOtherOriginReachable() throws Exception {
        String origin = "http://localhost:" + port;
        String token = TestData.adminToken(anonymous);
        // Every host but localhost resolves to nothing, as without internet: a CDN asset would never load.
        try (HeadlessChromium.Page page = HeadlessChromium.open("--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost")) {
            page.navigate(origin + "/graphiql");
            page.await("document.querySelectorAll('.graphiql-query-editor .CodeMirror, .graphiql-editor-tool .CodeMirror, .result-window .CodeMirror').length",
                    v -> v.asInt() >= 4, Duration.ofSeconds(60));

            // A public query, typed into the query editor and run with the execute button.
            String result = run(page, "{ provinces { code name } }");
            assertThat(result).contains("\"provinces\"").contains("Lâm Đồng").doesNotContain("\"errors\"");

            // Signed in through the Headers tab: the header goes with the request.
            page.evaluate("document.querySelectorAll('.graphiql-editor-tool .CodeMirror')[1].CodeMirror.setValue("
                    + "JSON.stringify({Authorization: 'Bearer " + token + "'}))");
            String me = run(page, "{ me { email } }");
            assertThat(me).contains(TestData.ADMIN_EMAIL);
        }
    }

    @Test
    void noRequestLeavesTheOrigin() throws Exception {
        String origin = "http://localhost:" + port;
        try (HeadlessChromium.Page page = HeadlessChromium.open("--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost")) {
            page.navigate(origin + "/graphiql");
            page.await("document.querySelectorAll('.graphiql-query-editor .CodeMirror').length", v -> v.asInt() == 1, Duration.ofSeconds(60));
            run(page, "{ __typename }");
            List<String> urls = page.requestedUrls();
            assertThat(urls).as("requests of the page").isNotEmpty()
                    .anySatisfy(u -> assertThat(u).endsWith("/webjars/graphiql/graphiql.min.js"))
                    .anySatisfy(u -> assertThat(u).isEqualTo(origin + "/graphql"))
                    .allSatisfy(u -> assertThat(u).satisfiesAnyOf(
                            same -> assertThat(same).startsWith(origin + "/"),
                            inline -> assertThat(inline).startsWith("data:")));
        }
    }

    /** Puts {@code query} in the query editor, presses execute and returns the result pane once it shows a response. */
    private static String run(HeadlessChromium.Page page, String query) throws Exception {
        page.evaluate("(() => { const cm = document.querySelector('.result-window .CodeMirror').CodeMirror; cm.setValue(''); "
                + "document.querySelector('.graphiql-query-editor .CodeMirror').CodeMirror.setValue(" + json(query) + "); })()");
        // GraphiQL reads the editor on its next render; the button is pressed once the change has landed.
        Thread.sleep(300);
        page.evaluate("document.querySelector('.graphiql-execute-button').click()");
        JsonNode text = page.await("document.querySelector('.result-window .CodeMirror').CodeMirror.getValue()",
                v -> v.asString().contains("\"data\"") || v.asString().contains("\"errors\""), Duration.ofSeconds(30));
        return text.asString();
    }

    private static String json(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
