package dev.eskit.security;

import dev.eskit.web.problem.ProblemWriter;
import dev.eskit.web.problem.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/** The firewall's refusals (a ';', an encoded '.' or '%' in a path) as a 400 problem that says which rule refused it. */
final class RejectedRequestProblems implements RequestRejectedHandler {

    private final ProblemWriter problems;

    RejectedRequestProblems(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        problems.write(request, response, Problems.detail(HttpStatus.BAD_REQUEST, "rejected-request",
                "the server refused the request before it reached the API: " + rejected.getMessage()));
    }
}
