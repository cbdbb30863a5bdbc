package vn.htxconnect.search.quality;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import vn.htxconnect.testing.IntegrationTest;

/**
 * An integration test on the v2 judged catalogue, in a database and index of its own (suffix
 * {@code _judged2} / {@code judged2-}), apart from the other tests and from v1's {@code judged}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@IntegrationTest
@Import(JudgedCatalogueV2.class)
@TestPropertySource(properties = {
        "htx.search.index-prefix=${HTX_TEST_INDEX_PREFIX:test-}judged2-",
        "spring.datasource.url=" + vn.htxconnect.testing.DedicatedDatabase.URL + "judged2"
                + vn.htxconnect.testing.DedicatedDatabase.OPTIONS})
@interface JudgedCatalogueV2Test {
}
