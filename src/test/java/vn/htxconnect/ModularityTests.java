package vn.htxconnect;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Modules talk only through each other's top-level API, never through internal packages, and form no cycles. */
class ModularityTests {

    @Test
    void modulesRespectTheirBoundaries() {
        ApplicationModules.of(HtxConnectApplication.class).verify();
    }
}
