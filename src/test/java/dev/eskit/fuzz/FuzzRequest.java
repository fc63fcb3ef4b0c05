package dev.eskit.fuzz;

import dev.eskit.fuzz.OpenApiContract.Operation;
import dev.eskit.support.Api.Role;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** One generated request, printed so that a failing case can be replayed by hand with curl. */
record FuzzRequest(Operation operation, Mutation mutation, Role role, String path, Map<String, String> headers,
                   byte[] body) {

    @Override
    public String toString() {
        String shown = body == null ? "" : new String(body, StandardCharsets.UTF_8);
        return operation + " [" + mutation + ", " + role + "] " + operation.method() + " " + path + " " + headers
                + (shown.length() > 400 ? " " + shown.substring(0, 400) + "…(" + body.length + " bytes)" : " " + shown);
    }
}
