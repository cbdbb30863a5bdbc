package vn.htxconnect.search.quality;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import vn.htxconnect.testing.IntegrationTest;

/**
 * An integration test on the judged catalogue, in a database and index of its own (suffix
 * {@code _judged} / {@code judged-}) so the other tests' products never disturb it. Classes with
 * this annotation share one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@IntegrationTest
@Import(JudgedCatalogue.class)
@TestPropertySource(properties = {
        "htx.search.index-prefix=${HTX_TEST_INDEX_PREFIX:test-}judged-",
        "spring.datasource.url=" + vn.htxconnect.testing.DedicatedDatabase.URL + "judged"
                + vn.htxconnect.testing.DedicatedDatabase.OPTIONS})
@interface JudgedCatalogueTest {
}
