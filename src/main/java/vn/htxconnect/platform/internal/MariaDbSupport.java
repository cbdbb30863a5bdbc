package vn.htxconnect.platform.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Connector/J reports MariaDB as "MySQL 5.5.5-10.11.x-MariaDB"; Hibernate then picks a MySQL 5.5
 * dialect that rejects JSON columns and silently drops {@code SKIP LOCKED}. When the server is
 * MariaDB, tell Hibernate so explicitly; against MySQL 8 auto-detection is right and nothing is set.
 */
@Configuration(proxyBeanMethods = false)
class MariaDbSupport {

    private static final Logger log = LoggerFactory.getLogger(MariaDbSupport.class);
    private static final Pattern MARIADB = Pattern.compile("(?:5\\.5\\.5-)?(\\d+)\\.(\\d+)\\.(\\d+)-MariaDB.*");

    @Bean
    HibernatePropertiesCustomizer mariaDbDialectHint(DataSource dataSource) {
        return properties -> {
            try (Connection c = dataSource.getConnection()) {
                Matcher m = MARIADB.matcher(c.getMetaData().getDatabaseProductVersion());
                if (m.matches()) {
                    String version = m.group(1) + "." + m.group(2) + "." + m.group(3);
                    log.info("Database is MariaDB {}: configuring Hibernate for MariaDB", version);
                    properties.put("jakarta.persistence.database-product-name", "MariaDB");
                    properties.put("jakarta.persistence.database-product-version", version);
                    properties.put("jakarta.persistence.database-major-version", m.group(1));
                    properties.put("jakarta.persistence.database-minor-version", m.group(2));
                }
            } catch (SQLException e) {
                log.warn("Could not read the database version; leaving dialect detection to Hibernate", e);
            }
        };
    }
}
