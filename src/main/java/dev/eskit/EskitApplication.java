package dev.eskit;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class EskitApplication {
    public static void main(String[] args) {
        SpringApplication.run(EskitApplication.class, args);
    }
}
