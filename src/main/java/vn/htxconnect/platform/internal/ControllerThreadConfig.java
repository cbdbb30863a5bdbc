package vn.htxconnect.platform.internal;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.data.method.annotation.support.AnnotatedControllerConfigurer;

/**
 * GraphQL controller methods run on the thread that serves the request. With virtual threads on, Spring Boot hands
 * Spring for GraphQL the application's task executor, which then runs every blocking controller method on another
 * (virtual) thread: one more hand-off per field, and since the answer is then not ready when the handler returns,
 * Spring MVC finishes the request in an async dispatch — a second pass through the servlet filters and the
 * dispatcher. The request threads are virtual already, so blocking on them costs nothing; profile 2 in
 * docs/performance.md has the figures.
 */
@Configuration(proxyBeanMethods = false)
class ControllerThreadConfig {

    @Bean
    static BeanPostProcessor controllersOnRequestThread() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof AnnotatedControllerConfigurer configurer) {
                    configurer.setBlockingMethodPredicate(method -> false);
                }
                return bean;
            }
        };
    }
}
