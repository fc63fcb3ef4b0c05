package dev.eskit.grpc;

import dev.eskit.web.problem.Problems;
import dev.eskit.web.problem.Problems.FieldProblem;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Checks a translated request against the same Bean Validation constraints the HTTP API's bodies
 * carry (sizes, required fields), so that both APIs refuse the same requests.
 */
@Component
class RequestShapes {

    private final Validator validator;

    RequestShapes(Validator validator) {
        this.validator = validator;
    }

    void require(Object request) {
        List<FieldProblem> problems = validator.validate(request).stream()
                .sorted(Comparator.comparing(violation -> violation.getPropertyPath().toString()))
                .map(RequestShapes::problem)
                .toList();
        if (!problems.isEmpty()) {
            throw Problems.invalidFields(problems);
        }
    }

    private static FieldProblem problem(ConstraintViolation<?> violation) {
        return new FieldProblem(violation.getPropertyPath().toString(), violation.getMessage());
    }
}
