package dev.eskit.security;

import dev.eskit.web.problem.ProblemWriter;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Every {@code /api/v1} call is authenticated, by HTTP Basic or, when a JWT decoder is configured
 * ({@code spring.security.oauth2.resourceserver.jwt.*}), by a bearer token; GETs need reader, writes
 * writer, operations admin.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http, ProblemWriter problems, SecurityProperties properties,
                            ObjectProvider<JwtDecoder> jwtDecoder) throws Exception {
        boolean bearerTokens = jwtDecoder.getIfAvailable() != null;
        ProblemSecurityHandlers handlers = new ProblemSecurityHandlers(problems, bearerTokens);
        if (bearerTokens) {
            http.oauth2ResourceServer(tokens -> tokens
                    .authenticationEntryPoint(handlers)
                    .accessDeniedHandler(handlers)
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(new JwtRoles(properties.jwt()))));
        }
        return http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // stateless and credentials on every call: no session to log out of or request to save for
                // after a login, and no code that asks the servlet request for its user
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .servletApi(servletApi -> servletApi.disable())
                .httpBasic(basic -> basic.authenticationEntryPoint(handlers))
                .addFilterAfter(new ActorLoggingFilter(), BasicAuthenticationFilter.class)
                .exceptionHandling(errors -> errors.authenticationEntryPoint(handlers).accessDeniedHandler(handlers))
                .authorizeHttpRequests(requests -> requests
                        // the async half of an SSE response and the error page were authorized with their request
                        .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll()
                        .requestMatchers("/api/v1/admin/**").hasRole(Roles.ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/v1/users/*/erasure").hasRole(Roles.ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/v1/**").hasRole(Roles.READER)
                        .requestMatchers(HttpMethod.HEAD, "/api/v1/**").hasRole(Roles.READER)
                        .requestMatchers("/api/v1/**").hasRole(Roles.WRITER)
                        .anyRequest().permitAll())
                .build();
    }

    /** Boot's JWT decoder adds this to its checks of signature and expiry. */
    @Bean
    @ConditionalOnProperty("eskit.security.jwt.issuer")
    OAuth2TokenValidator<Jwt> bearerTokenIssuer(SecurityProperties properties) {
        return new JwtIssuerValidator(properties.jwt().issuer());
    }

    @Bean
    RequestRejectedHandler requestRejectedHandler(ProblemWriter problems) {
        return new RejectedRequestProblems(problems);
    }

    /**
     * No observation per security filter, authentication and authorization: under load they cost a
     * tenth of a request's CPU (each filter's before and after events look up a counter). Requests'
     * outcomes, 401 and 403 included, are still timed by {@code http.server.requests}.
     */
    @Bean
    static SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    static RoleHierarchy roleHierarchy() {
        return new IncludedRoles();
    }

    @Bean
    AuthenticationProvider authenticationProvider(SecurityProperties properties, Environment environment, Clock clock) {
        DaoAuthenticationProvider passwords =
                new DaoAuthenticationProvider(new InMemoryUserDetailsManager(Accounts.from(properties, environment)));
        passwords.setPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder());
        return new RememberingAuthenticationProvider(passwords, properties.credentialCacheTtl(), clock);
    }
}
