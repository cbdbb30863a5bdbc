package vn.htxconnect;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** HTX Connect: GraphQL marketplace backend linking cooperatives (HTX) with retail-chain buyers. */
@SpringBootApplication
@EnableScheduling
@ConfigurationPropertiesScan
public class HtxConnectApplication {

    public static void main(String[] args) {
        SpringApplication.run(HtxConnectApplication.class, args);
    }
}
