package vn.htxconnect.demo.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Demo data settings.
 *
 * @param load what to load at startup: {@code none}; {@code small} (the Run command: only into a database
 *     without organizations); {@code bench} (exactly {@code products} products for benchmarks, then exit)
 * @param products how many products; {@code small} defaults to 500
 * @param seed the same seed gives the same data
 * @param exit stop the application once loaded and indexed (default: only for {@code bench})
 * @param threads transactions loading at once
 */
@ConfigurationProperties("htx.demo")
record DemoProperties(@DefaultValue("none") Mode load, Integer products, @DefaultValue("42") long seed, Boolean exit,
                      @DefaultValue("2") int threads) {

    /** What to load. */
    enum Mode { NONE, SMALL, BENCH }

    int productsOrDefault() {
        return products != null ? products : load == Mode.BENCH ? 100_000 : 500;
    }

    boolean exitWhenDone() {
        return exit != null ? exit : load == Mode.BENCH;
    }
}
