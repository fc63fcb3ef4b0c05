package dev.eskit.security;

import jakarta.servlet.DispatcherType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * The console at {@code /console}: a browser's form login with a session, and CSRF on every action,
 * beside the API's stateless Basic and bearer tokens (whose chain never reads the session, so a
 * console cookie cannot call the API). Readers see every page; only admins act.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSecurityConfiguration {

    static final String LOGIN_PAGE = "/console/login";
    /** Where a refused action (a reader's, or one without its CSRF token) is answered, as a console page. */
    static final String DENIED_PAGE = "/console/denied";

    @Bean
    @Order(1)
    SecurityFilterChain console(HttpSecurity http) throws Exception {
        return http
                .securityMatcher("/console/**")
                .formLogin(form -> form.loginPage(LOGIN_PAGE).defaultSuccessUrl("/console", false).permitAll())
                .logout(logout -> logout.logoutUrl("/console/logout").logoutSuccessUrl(LOGIN_PAGE + "?logout"))
                .addFilterBefore(new ActorLoggingFilter(), AnonymousAuthenticationFilter.class)
                .exceptionHandling(errors -> errors.accessDeniedHandler(denied()))
                .authorizeHttpRequests(requests -> requests
                        // the denied page is forwarded to, with the request that was denied
                        .dispatcherTypeMatchers(DispatcherType.FORWARD, DispatcherType.ERROR).permitAll()
                        .requestMatchers("/console/assets/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/console/**").hasRole(Roles.READER)
                        .anyRequest().hasRole(Roles.ADMIN))
                .build();
    }

    private static AccessDeniedHandler denied() {
        AccessDeniedHandlerImpl handler = new AccessDeniedHandlerImpl();
        handler.setErrorPage(DENIED_PAGE);
        return handler;
    }
}
