package dev.eskit.web.users;

import dev.eskit.commands.api.user.UserCommands.ChangeUserProfile;
import dev.eskit.commands.api.user.UserCommands.DeactivateUser;
import dev.eskit.commands.api.user.UserCommands.EraseUser;
import dev.eskit.commands.api.user.UserCommands.RegisterUser;
import dev.eskit.commands.api.user.UserId;
import dev.eskit.processing.api.Projections;
import dev.eskit.queries.api.StreamReader;
import dev.eskit.queries.api.User;
import dev.eskit.queries.api.UserPage;
import dev.eskit.queries.api.UserQueries;
import dev.eskit.web.ApiPaths;
import dev.eskit.web.ETags;
import dev.eskit.web.Preconditions;
import dev.eskit.web.ReadYourWrites;
import dev.eskit.web.problem.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping(ApiPaths.V1 + "/users")
@Tag(name = "Users", description = "Users kept forever as events; personal data sealed per user and erasable")
class UsersController {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final UserQueries users;
    private final StreamReader streams;
    private final ReadYourWrites readYourWrites;

    UsersController(UserQueries users, StreamReader streams, ReadYourWrites readYourWrites) {
        this.users = users;
        this.streams = streams;
        this.readYourWrites = readYourWrites;
    }

    /** The body of a registration. */
    record Registration(@Schema(example = "Ada Lovelace") @NotBlank @Size(max = 200) String name,
                        @Schema(example = "ada@example.com") @NotBlank @Size(max = 254) String email) {
    }

    @PostMapping(consumes = "application/json")
    @Operation(summary = "Register a user", description = "The email must not belong to another active user.")
    @ApiResponse(responseCode = "201", description = "registered")
    @ApiResponse(responseCode = "409", description = "an active user has this email")
    ResponseEntity<User> register(@Valid @RequestBody Registration registration) {
        UserId id = new UserId(UUID.randomUUID());
        write(id, new RegisterUser(id, registration.name().trim(), email(registration.email(), "email")));
        User user = users.find(id.value()).orElseThrow();
        return ResponseEntity.created(URI.create(ApiPaths.V1 + "/users/" + id.value())).eTag(ETags.of(user.version())).body(user);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read a user")
    @ApiResponse(responseCode = "200", description = "the user")
    @ApiResponse(responseCode = "404", description = "no such user")
    ResponseEntity<User> find(@PathVariable String id) {
        User user = users.find(uuid(id)).orElseThrow(() -> unknown(id));
        return ResponseEntity.ok().eTag(ETags.of(user.version())).body(user);
    }

    @GetMapping
    @Operation(summary = "List users, or find one by email", description = "Ordered by id; pass next as cursor.")
    UserPage list(@RequestParam(required = false) String email,
                  @RequestParam(defaultValue = "20") @Min(1) @Max(200) int limit,
                  @RequestParam(required = false) String cursor) {
        readYourWrites.awaitCompleteView(Projections.USERS);
        return users.list(email, limit, cursor);
    }

    @PatchMapping(path = "/{id}", consumes = {"application/merge-patch+json", "application/json"})
    @Operation(summary = "Change a user's name or email", description = "A merge patch of name and email; If-Match is required.")
    @ApiResponse(responseCode = "200", description = "changed (or unchanged)")
    @ApiResponse(responseCode = "404", description = "no such user")
    @ApiResponse(responseCode = "409", description = "the email belongs to another active user, or the user is deactivated or erased")
    @ApiResponse(responseCode = "412", description = "If-Match names another version")
    @ApiResponse(responseCode = "428", description = "If-Match is missing")
    ResponseEntity<User> change(@PathVariable String id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                @RequestBody JsonNode patch) {
        UUID userId = uuid(id);
        Long version = Preconditions.required(ifMatch);
        if (!patch.isObject()) {
            throw Problems.invalidField("body", "must be a JSON object");
        }
        String name = text(patch, "name");
        String email = text(patch, "email");
        if (name != null && name.isBlank()) {
            throw Problems.invalidField("name", "must not be blank");
        }
        write(existing(userId), new ChangeUserProfile(new UserId(userId), version, name,
                email == null ? null : email(email, "email")));
        return find(id);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Deactivate a user", description = "The user stays, with status DEACTIVATED; the email is free again.")
    @ApiResponse(responseCode = "204", description = "deactivated")
    @ApiResponse(responseCode = "404", description = "no such user")
    ResponseEntity<Void> deactivate(@PathVariable String id) {
        UUID userId = uuid(id);
        write(existing(userId), new DeactivateUser(new UserId(userId)));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/erasure")
    @Operation(summary = "Erase a user's personal data (admin)",
            description = "Destroys the user's key: name and email become unreadable in every event, read table and "
                    + "later publication, while the stream and its versions remain.")
    @ApiResponse(responseCode = "202", description = "erased")
    @ApiResponse(responseCode = "404", description = "no such user")
    ResponseEntity<Void> erase(@PathVariable String id) {
        UUID userId = uuid(id);
        write(existing(userId), new EraseUser(new UserId(userId)));
        return ResponseEntity.accepted().build();
    }

    /** The event store decides whether a user exists: the users view may be replaying. */
    private UserId existing(UUID userId) {
        UserId user = new UserId(userId);
        if (streams.version(user.toString()) == 0) {
            throw unknown(userId.toString());
        }
        return user;
    }


    private void write(UserId id, Object command) {
        readYourWrites.write(Projections.USERS, id.toString(), command);
    }

    private static String text(JsonNode patch, String field) {
        JsonNode value = patch.get(field);
        if (value == null) {
            return null;
        }
        if (!value.isString()) {
            throw Problems.invalidField(field, "must be a string (it cannot be removed)");
        }
        return value.stringValue().trim();
    }

    private static String email(String email, String field) {
        String trimmed = email.trim();
        if (!EMAIL.matcher(trimmed).matches()) {
            throw Problems.invalidField(field, "must be an email address");
        }
        return trimmed;
    }

    private static UUID uuid(String id) {
        return UserIds.parse(id);
    }

    private static ErrorResponseException unknown(String id) {
        return Problems.notFound("no user " + id);
    }
}
