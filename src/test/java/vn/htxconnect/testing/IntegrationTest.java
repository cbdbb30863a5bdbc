package vn.htxconnect.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import vn.htxconnect.testing.TestServices;

/**
 * A full application test against a real MySQL-compatible server and a real Elasticsearch:
 * Testcontainers when a Docker engine is available, otherwise the locally started services
 * ({@code scripts/services.sh up}). Never skipped: without either, the context fails to start
 * with a message that says how to start them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureHttpGraphQlTester
@ActiveProfiles("test")
@Import(TestServices.class)
public @interface IntegrationTest {
}
