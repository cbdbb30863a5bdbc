package vn.htxconnect.account.internal;

import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Creates the first admin from configuration (HTX_ADMIN_EMAIL / HTX_ADMIN_PASSWORD) when none exists. */
@Component
@Order(0)
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final AccountManagement accounts;
    private final SecurityProperties properties;

    AdminBootstrap(AccountManagement accounts, SecurityProperties properties) {
        this.accounts = accounts;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.adminEmail().isBlank() && !properties.adminPassword().isBlank()) {
            accounts.ensureAdmin(properties.adminEmail().strip().toLowerCase(Locale.ROOT),
                    properties.adminPassword(), "Administrator");
            log.info("Admin account {} is present", properties.adminEmail());
        }
    }
}
