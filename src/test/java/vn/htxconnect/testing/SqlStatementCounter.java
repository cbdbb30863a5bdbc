package vn.htxconnect.testing;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Wraps the DataSource to record the SQL of every statement the application prepares. Statements of
 * timers (the scheduler's threads, and the outbox poller's wherever it runs) are left out: they are not
 * part of the request being measured.
 */
public class SqlStatementCounter implements BeanPostProcessor {

    private final List<String> statements = new CopyOnWriteArrayList<>();

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource ds && !(Proxy.isProxyClass(bean.getClass()))) {
            return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                    handler(ds, (proxy, method, args) -> {
                        Object result = invoke(ds, method, args);
                        return result instanceof Connection c ? connection(c) : result;
                    }));
        }
        return bean;
    }

    private Connection connection(Connection target) {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                handler(target, (proxy, method, args) -> {
                    String name = method.getName();
                    if ((name.equals("prepareStatement") || name.equals("prepareCall")) && args != null
                            && args[0] instanceof String sql) {
                        record(sql);
                    } else if (name.equals("createStatement")) {
                        record("<statement>");
                    }
                    return invoke(target, method, args);
                }));
    }

    private void record(String sql) {
        // Timers (the outbox poller, the notification feed, the stale-import sweep) run on the scheduler's
        // threads, and the outbox's drain right after a commit on its own: not for the request being measured.
        String thread = Thread.currentThread().getName();
        // The shared request budget (rate_budget) costs every request the same few statements, whatever it asks;
        // tests here compare what requests read, and RateBudgetsTests measures the budget's own.
        if (!sql.contains("outbox_event") && !sql.contains("rate_budget") && !thread.startsWith("scheduling-") && !thread.startsWith("outbox-wake")) {
            statements.add(sql);
        }
    }

    private static InvocationHandler handler(Object target, InvocationHandler h) {
        return (proxy, method, args) -> {
            if (method.getName().equals("unwrap") || method.getName().equals("isWrapperFor")) {
                return invoke(target, method, args);
            }
            return h.invoke(proxy, method, args);
        };
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    public void reset() {
        statements.clear();
    }

    public List<String> statements() {
        return List.copyOf(statements);
    }

    public int count() {
        return statements.size();
    }
}
