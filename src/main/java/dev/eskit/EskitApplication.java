package dev.eskit;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class EskitApplication {

    /** Axon's usage report would call out of every installation; it stays off unless asked for. */
    private static final String AXON_UPDATE_CHECK = "axoniq.update-checker.disabled";

    public static void main(String[] args) {
        if (System.getProperty(AXON_UPDATE_CHECK) == null && System.getenv("AXONIQ_UPDATE_CHECKER_DISABLED") == null) {
            System.setProperty(AXON_UPDATE_CHECK, "true");
        }
        SpringApplication.run(EskitApplication.class, args);
    }
}
