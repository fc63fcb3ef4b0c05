package dev.eskit.security;

import dev.eskit.web.problem.ProblemWriter;
import dev.eskit.web.problem.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 and 403 as problem+json, with the challenges that let a client (and Swagger UI) log in: Basic,
 * and Bearer when tokens are accepted. A refused token's challenge and detail say why (RFC 6750).
 */
final class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final ProblemWriter problems;
    private final boolean bearerTokens;
    private final BearerTokenAuthenticationEntryPoint bearerChallenge = new BearerTokenAuthenticationEntryPoint();

    ProblemSecurityHandlers(ProblemWriter problems, boolean bearerTokens) {
        this.problems = problems;
        this.bearerTokens = bearerTokens;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        if (failure instanceof OAuth2AuthenticationException refusedToken) {
            bearerChallenge.commence(request, response, refusedToken);
            problems.write(request, response, Problems.detail(HttpStatus.UNAUTHORIZED, "invalid-token",
                    "the bearer token was refused: " + refusedToken.getMessage()));
            return;
        }
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"eskit\"");
        if (bearerTokens) {
            response.addHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        problems.write(request, response, Problems.detail(HttpStatus.UNAUTHORIZED, "unauthenticated",
                bearerTokens ? "this endpoint needs credentials (HTTP Basic or a bearer token)"
                        : "this endpoint needs credentials (HTTP Basic)"));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        problems.write(request, response, Problems.detail(HttpStatus.FORBIDDEN, "forbidden",
                "your role does not allow " + request.getMethod() + " " + request.getRequestURI()));
    }
}
