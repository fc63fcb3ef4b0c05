package dev.eskit.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eskit.EskitApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.mock.env.MockEnvironment;

class ProductionSafeguardsTest {

    private static MockEnvironment production() {
        return new MockEnvironment()
                .withProperty("eskit.users.email-pepper", "a-long-enough-production-pepper")
                .withProperty("spring.datasource.password", "s3cret")
                .withProperty("spring.ssl.bundle.pem.eskit.keystore.certificate", "file:/certs/eskit.crt")
                .withProperty("eskit.security.users[0].name", "ops")
                .withProperty("eskit.security.users[0].password", "{bcrypt}$2a$10$GaBNGtRa54iNaeLF4EXPF.h7g8bVleft78SrRhp95jCBjOEx3M0/O");
    }

    @Test
    void acceptsAProperlyConfiguredProduction() {
        assertThat(ProductionSafeguards.check(production())).isEmpty();
    }

    @Test
    void refusesTheDevelopmentAccounts() {
        assertThat(ProductionSafeguards.check(production().withProperty("eskit.security.dev-accounts", "true")))
                .singleElement().asString().contains("dev-accounts");
    }

    @Test
    void refusesTheDevelopmentPepper() {
        assertThat(ProductionSafeguards.check(production().withProperty("eskit.users.email-pepper", ProductionSafeguards.DEVELOPMENT_PEPPER)))
                .singleElement().asString().contains("ESKIT_EMAIL_PEPPER");
    }

    @Test
    void refusesAnEmptyDatabasePassword() {
        assertThat(ProductionSafeguards.check(production().withProperty("spring.datasource.password", "")))
                .singleElement().asString().contains("ESKIT_DB_PASSWORD");
    }

    @Test
    void refusesToRunWithoutACertificate() {
        assertThat(ProductionSafeguards.check(production().withProperty("spring.ssl.bundle.pem.eskit.keystore.certificate", "")))
                .singleElement().asString().contains("ESKIT_TLS_CERTIFICATE");
    }

    @Test
    void refusesAxonServerWithoutItsToken() {
        MockEnvironment environment = production().withProperty("axon.axonserver.enabled", "true");
        assertThat(ProductionSafeguards.check(environment)).singleElement().asString().contains("AXONSERVER_TOKEN");
        assertThat(ProductionSafeguards.check(environment.withProperty("axon.axonserver.token", "t0ken"))).isEmpty();
    }

    @Test
    void refusesThePlaceholdersOfTheExampleEnvironment() {
        MockEnvironment copied = production()
                .withProperty("spring.datasource.password", "change-me-database-password")
                .withProperty("eskit.security.users[0].password", "{bcrypt}$2y$10$replace.this.with.a.real.bcrypt.hash.of.the.admin.password");
        assertThat(ProductionSafeguards.check(copied)).hasSize(2)
                .anySatisfy(problem -> assertThat(problem).contains("spring.datasource.password"))
                .anySatisfy(problem -> assertThat(problem).contains("[ops]"));
    }

    @Test
    void refusesPlainTextPasswords() {
        assertThat(ProductionSafeguards.check(production().withProperty("eskit.security.users[0].password", "{noop}admin")))
                .singleElement().asString().contains("[ops]");
    }

    @Test
    void refusesAProductionNobodyCanLogInto() {
        MockEnvironment noUsers = new MockEnvironment()
                .withProperty("eskit.users.email-pepper", "a-long-enough-production-pepper")
                .withProperty("spring.datasource.password", "s3cret")
                .withProperty("spring.ssl.bundle.pem.eskit.keystore.certificate", "file:/certs/eskit.crt");
        assertThat(ProductionSafeguards.check(noUsers)).singleElement().asString().contains("nobody could log in");
        noUsers.setProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri", "https://id.example.com/realms/eskit");
        assertThat(ProductionSafeguards.check(noUsers)).isEmpty();
    }

    @Test
    void theApplicationDoesNotStartUnderProdWithTheDevelopmentDefaults() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(EskitApplication.class).profiles("prod")
                .properties("server.port=0", "management.server.port=0").run())
                .hasMessageContaining("the prod profile refuses to start")
                .hasMessageContaining("ESKIT_EMAIL_PEPPER")
                .hasMessageContaining("ESKIT_DB_PASSWORD")
                .hasMessageContaining("ESKIT_TLS_CERTIFICATE");
    }
}
