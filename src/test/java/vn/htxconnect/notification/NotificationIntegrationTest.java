package vn.htxconnect.notification;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.TestPropertySource;

import vn.htxconnect.testing.IntegrationTest;

/**
 * Notification tests run in a database and indices of their own, emptied once per run
 * ({@link vn.htxconnect.testing.DedicatedDatabase}): whether a product matches depends on every
 * open request and product of its category, and earlier runs' would otherwise match too.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@IntegrationTest
@TestPropertySource(properties = {
        // Short, so the subscription test can show events arriving after it are not cut off by it.
        "htx.limits.timeout=4s",
        "htx.search.index-prefix=${HTX_TEST_INDEX_PREFIX:test-}notifications-",
        "spring.datasource.url=" + vn.htxconnect.testing.DedicatedDatabase.URL + "notifications"
                + vn.htxconnect.testing.DedicatedDatabase.OPTIONS})
public @interface NotificationIntegrationTest {
}
