package vn.htxconnect.demo.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.htxconnect.catalog.ProductInput;
import vn.htxconnect.catalog.ProductPayload;
import vn.htxconnect.catalog.ProductService;
import vn.htxconnect.organization.Organization;
import vn.htxconnect.organization.OrganizationPayload;
import vn.htxconnect.organization.OrganizationService;
import vn.htxconnect.platform.Access;
import vn.htxconnect.platform.Outbox;
import vn.htxconnect.platform.UserError;
import vn.htxconnect.region.ProvinceService;
import vn.htxconnect.support.CourseDemo;

/**
 * Loads generated demo data at startup through the organization and catalog services, so every row is
 * validated and queued for the search index like any other write. Organizations are committed in
 * transactions of a few organizations (about {@value #PRODUCTS_PER_TRANSACTION} products): Hibernate
 * dirty-checks every entity of a transaction at each flush, so bigger ones get slower per product.
 * The outbox indexer drains behind the load.
 */
@Component
@EnableConfigurationProperties(DemoProperties.class)
class DemoDataLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);
    static final int PRODUCTS_PER_TRANSACTION = 50;

    private final DemoProperties properties;
    private final OrganizationService organizations;
    private final ProductService products;
    private final ProvinceService provinces;
    private final Outbox outbox;
    private final TransactionTemplate tx;
    private final ConfigurableApplicationContext context;
    private final CourseDemo courses;

    DemoDataLoader(DemoProperties properties, OrganizationService organizations, ProductService products,
                   ProvinceService provinces, Outbox outbox, TransactionTemplate tx, ConfigurableApplicationContext context,
                   CourseDemo courses) {
        this.courses = courses;
        this.properties = properties;
        this.organizations = organizations;
        this.products = products;
        this.provinces = provinces;
        this.outbox = outbox;
        this.tx = tx;
        this.context = context;
    }

    /** What a load did. */
    record Result(int organizations, int products, Duration took) {
        double productsPerSecond() {
            return took.toMillis() == 0 ? 0 : products * 1000.0 / took.toMillis();
        }
    }

    @Override
    public void run(ApplicationArguments args) throws InterruptedException {
        switch (properties.load()) {
            case NONE -> {
                return;
            }
            case SMALL -> {
                if (organizations.list(null, 1, null).totalCount() > 0) {
                    log.info("Demo data: the database already has organizations; nothing loaded");
                } else {
                    report(load(properties.seed(), properties.productsOrDefault(), properties.threads()));
                    log.info("Demo data: {} training courses loaded", courses.load());
                }
            }
            case BENCH -> {
                long existing = products.count();
                int wanted = properties.productsOrDefault();
                if (existing >= wanted) {
                    log.info("Demo data: {} products already there (wanted {}); nothing loaded", existing, wanted);
                } else if (existing > 0) {
                    throw new IllegalStateException("The database holds " + existing + " products, fewer than the " + wanted
                            + " wanted: use an empty database for a benchmark load");
                } else {
                    report(load(properties.seed(), wanted, properties.threads()));
                }
            }
        }
        if (properties.exitWhenDone()) {
            awaitIndexed();
            int code = SpringApplication.exit(context, () -> 0);
            System.exit(code);
        }
    }

    /**
     * Generates and loads a data set; the same for a seed (and day, for certificate dates). Transactions of a
     * few organizations each run on {@code threads} connections at once: the database round trips overlap.
     */
    Result load(long seed, int productCount, int threads) throws InterruptedException {
        long start = System.nanoTime();
        DemoDataGenerator generator = new DemoDataGenerator(provinces, seed, LocalDate.now());
        AtomicInteger orgCount = new AtomicInteger();
        AtomicInteger productTotal = new AtomicInteger();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        Semaphore slots = new Semaphore(threads);
        long[] lastLog = {start};
        try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
            Iterator<DemoOrganization> it = generator.organizations(productCount).iterator();
            List<DemoOrganization> chunk = new ArrayList<>();
            int chunkProducts = 0;
            while (it.hasNext() && failure.get() == null) {
                DemoOrganization o = it.next();
                chunk.add(o);
                chunkProducts += o.products().size();
                if (chunkProducts >= PRODUCTS_PER_TRANSACTION || !it.hasNext()) {
                    List<DemoOrganization> batch = List.copyOf(chunk);
                    int batchProducts = chunkProducts;
                    chunk.clear();
                    chunkProducts = 0;
                    slots.acquire();
                    workers.submit(() -> {
                        try {
                            Access.asSystem(() -> {
                                tx.executeWithoutResult(status -> batch.forEach(this::save));
                                return null;
                            });
                            orgCount.addAndGet(batch.size());
                            progress(productTotal.addAndGet(batchProducts), productCount, start, lastLog);
                        } catch (RuntimeException e) {
                            failure.compareAndSet(null, e);
                        } finally {
                            slots.release();
                        }
                    });
                }
            }
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return new Result(orgCount.get(), productTotal.get(), Duration.ofNanos(System.nanoTime() - start));
    }

    private static synchronized void progress(int loaded, int wanted, long start, long[] lastLog) {
        long now = System.nanoTime();
        if (now - lastLog[0] > 5_000_000_000L) {
            lastLog[0] = now;
            log.info("Demo data: {} of {} products loaded ({} /s)", loaded, wanted, Math.round(loaded / ((now - start) / 1e9)));
        }
    }

    private void save(DemoOrganization o) {
        OrganizationPayload created = organizations.create(o.organization());
        Organization org = created.organization();
        if (org == null) {
            throw invalid("organization " + o.organization().name(), created.errors());
        }
        if (o.verified()) {
            organizations.setVerification(org.id(), true, null);
        }
        for (ProductInput p : o.products()) {
            ProductPayload payload = products.create(withOrganization(p, org.id()));
            if (payload.product() == null) {
                throw invalid("product " + p.name(), payload.errors());
            }
        }
    }

    private static ProductInput withOrganization(ProductInput p, String organizationId) {
        return p.toBuilder().organizationId(organizationId).build();
    }

    /** The generator made data the services refuse: a bug to fix in the generator, not to skip. */
    private static IllegalStateException invalid(String what, List<UserError> errors) {
        return new IllegalStateException("Demo " + what + " was refused: " + errors);
    }

    private void report(Result r) {
        log.info("Demo data: {} organizations and {} products loaded in {} s ({} products/s)", r.organizations(), r.products(),
                r.took().toMillis() / 1000.0, Math.round(r.productsPerSecond()));
    }

    /** Waits until the outbox indexer has caught up, so an exiting loader leaves a searchable index. */
    private void awaitIndexed() throws InterruptedException {
        long start = System.nanoTime();
        long pending;
        while ((pending = outbox.backlog().pending()) > 0) {
            log.info("Demo data: waiting for the search index, {} updates pending", pending);
            Thread.sleep(2000);
        }
        log.info("Demo data: search index caught up after {} s", (System.nanoTime() - start) / 1_000_000_000L);
    }
}
