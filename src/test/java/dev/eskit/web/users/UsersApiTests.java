package dev.eskit.web.users;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eskit.support.Api.Response;
import dev.eskit.support.Api.Role;
import dev.eskit.support.ApiTest;
import java.net.http.HttpRequest.BodyPublishers;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** Section 5 of the API contract, run on each storage configuration. */
abstract class UsersApiTests extends ApiTest {

    @Autowired
    private EventStore eventStore;
    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void registersAndReadsAUser() {
        String email = uniqueEmail();
        Response created = register("Ada Lovelace", email);

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode user = created.json();
        assertThat(user.get("name").asString()).isEqualTo("Ada Lovelace");
        assertThat(user.get("email").asString()).isEqualTo(email);
        assertThat(user.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(user.get("version").asLong()).isEqualTo(1);
        assertThat(user.get("registeredAt").asString()).endsWith("Z");
        String id = user.get("id").asString();
        assertThat(created.header("Location")).isEqualTo("/api/v1/users/" + id);
        assertThat(api.get(Role.READER, "/api/v1/users/" + id).json()).isEqualTo(user);
        JsonNode found = api.get(Role.READER, "/api/v1/users?email=" + email.toUpperCase()).json();
        assertThat(texts(found.get("items"), "id")).containsExactly(id);
    }

    @Test
    void refusesAnEmailTakenByAnActiveUserButNotByADeactivatedOne() {
        String email = uniqueEmail();
        String first = register("A", email).json().get("id").asString();

        assertThat(register("B", email.toUpperCase()).status()).isEqualTo(409);
        assertThat(api.delete(Role.WRITER, "/api/v1/users/" + first).status()).isEqualTo(204);
        assertThat(api.get(Role.READER, "/api/v1/users/" + first).json().get("status").asString()).isEqualTo("DEACTIVATED");
        assertThat(register("B", email).status()).isEqualTo(201);
    }

    @Test
    void rejectsInvalidRegistrationsWith400() {
        assertThat(register("A", "not-an-email").status()).isEqualTo(400);
        assertThat(api.post(Role.WRITER, "/api/v1/users", Map.of("email", uniqueEmail())).status()).isEqualTo(400);
        assertThat(api.post(Role.WRITER, "/api/v1/users", Map.of("name", " ", "email", uniqueEmail())).status()).isEqualTo(400);
        assertThat(api.get(Role.READER, "/api/v1/users/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(api.get(Role.READER, "/api/v1/users/not-a-uuid").status()).isEqualTo(404);
    }

    @Test
    void answers404ForAnUnknownUserOnEveryCall() {
        String path = "/api/v1/users/" + UUID.randomUUID();
        assertThat(api.get(Role.READER, path).status()).isEqualTo(404);
        assertThat(patch(path, "\"1\"", "{\"name\":\"X\"}").status()).isEqualTo(404);
        assertThat(api.delete(Role.WRITER, path).status()).isEqualTo(404);
        assertThat(api.post(Role.ADMIN, path + "/erasure", Map.of()).status()).isEqualTo(404);
        assertThat(api.get(Role.READER, path + "/gatherings").status()).isEqualTo(404);
    }

    @Test
    void changesAProfileWithIfMatch() {
        JsonNode user = register("A", uniqueEmail()).json();
        String path = "/api/v1/users/" + user.get("id").asString();
        String newEmail = uniqueEmail();

        Response changed = patch(path, "\"1\"", "{\"name\":\"Ada\",\"email\":\"" + newEmail + "\"}");
        Response stale = patch(path, "\"1\"", "{\"name\":\"Bea\"}");
        Response missing = api.send(api.request(Role.WRITER, path).header("Content-Type", "application/merge-patch+json")
                .method("PATCH", BodyPublishers.ofString("{\"name\":\"Cy\"}")));

        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().get("name").asString()).isEqualTo("Ada");
        assertThat(changed.json().get("email").asString()).isEqualTo(newEmail);
        assertThat(changed.json().get("version").asLong()).isEqualTo(2);
        assertThat(stale.status()).isEqualTo(412);
        assertThat(missing.status()).isEqualTo(428);
        assertThat(register("Other", user.get("email").asString()).status()).as("the old email is free").isEqualTo(201);
        assertThat(patch(path, "\"2\"", "{\"email\":\"bad\"}").status()).isEqualTo(400);
    }

    @Test
    void erasesPersonalDataEverywhereButKeepsTheStream() {
        String name = "Erin Erasable " + UUID.randomUUID();
        String email = uniqueEmail();
        String start = endCursor();
        JsonNode user = register(name, email).json();
        String id = user.get("id").asString();
        patch("/api/v1/users/" + id, "\"1\"", "{\"name\":\"" + name + " Jr\"}");
        assertThat(api.get(Role.READER, "/api/v1/log?selector=User.*&after=" + start).text()).contains(name);

        assertThat(api.post(Role.WRITER, "/api/v1/users/" + id + "/erasure", Map.of()).status()).isEqualTo(403);
        assertThat(api.post(Role.ADMIN, "/api/v1/users/" + id + "/erasure", Map.of()).status()).isEqualTo(202);

        List<String> responses = new ArrayList<>();
        responses.add(api.get(Role.READER, "/api/v1/users/" + id).text());
        responses.add(api.get(Role.READER, "/api/v1/users?email=" + email).text());
        responses.add(api.get(Role.READER, "/api/v1/streams/user:" + id + "/events").text());
        responses.add(api.get(Role.READER, "/api/v1/log?selector=User.*&after=" + start).text());
        for (String response : responses) {
            assertThat(response).doesNotContain(name).doesNotContain(email).doesNotContain("Erin");
        }
        JsonNode erased = api.get(Role.READER, "/api/v1/users/" + id).json();
        assertThat(erased.get("name").asString()).isEqualTo("[erased]");
        assertThat(erased.get("status").asString()).isEqualTo("ERASED");
        JsonNode stream = api.get(Role.READER, "/api/v1/streams/user:" + id + "/events").json();
        assertThat(stream.get("version").asLong()).isEqualTo(3);
        assertThat(texts(stream.get("events"), "type")).containsExactly("User.Registered", "User.ProfileChanged", "User.Erased");
        List<String> stored = eventStore.readEvents("user:" + id).asStream().map(message -> String.valueOf(message.getPayload())).toList();
        assertThat(stored).as("the events as stored, on either store").hasSize(3)
                .allSatisfy(payload -> assertThat(payload).doesNotContain("Erin").doesNotContain(email));
        assertThat(register("New", email).status()).as("the erased user's email is free").isEqualTo(201);
    }

    @Test
    void letsOnlyOneOfTwoSimultaneousRegistrationsWithTheSameEmailThrough() throws Exception {
        for (int attempt = 0; attempt < 5; attempt++) {
            String email = uniqueEmail();
            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<Integer>> racers = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                racers.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return register("Twin", email).status();
                }));
            }
            go.countDown();
            List<Integer> statuses = racers.stream().map(CompletableFuture::join).sorted().toList();
            assertThat(statuses).containsExactly(201, 409);
            assertThat(api.get(Role.READER, "/api/v1/users?email=" + email).json().get("items")).hasSize(1);
        }
    }

    /**
     * On Axon Server a claim and the events it guards commit apart, so a claim can outlive its reason:
     * a registration that failed after claiming, a release that never committed. Such a leftover must
     * not block the email, and a claim whose registration may still be under way must.
     */
    @Test
    void takesOverLeftoverClaimsAndRespectsOnesInFlight() {
        String email = uniqueEmail();
        String digest = claimOf(email);

        jdbc.update("INSERT INTO user_email (email_digest, user_id, claimed_at) VALUES (?, ?, ?)",
                digest, "user:" + UUID.randomUUID(), Timestamp.from(Instant.now()));
        assertThat(register("Late", email).status()).as("a registration may still be under way").isEqualTo(409);

        jdbc.update("UPDATE user_email SET claimed_at = ? WHERE email_digest = ?", Timestamp.from(Instant.now().minusSeconds(3600)), digest);
        Response registered = register("Late", email);
        assertThat(registered.status()).as("the claim of a registration that never happened").isEqualTo(201);

        String id = registered.json().get("id").asString();
        assertThat(api.delete(Role.WRITER, "/api/v1/users/" + id).status()).isEqualTo(204);
        jdbc.update("INSERT INTO user_email (email_digest, user_id, claimed_at) VALUES (?, ?, ?)", digest, "user:" + id,
                Timestamp.from(Instant.now()));
        assertThat(register("Next", email).status()).as("the claim of a deactivated user").isEqualTo(201);
    }

    /** The digest under which the email is claimed, read from the row of a user registered and deactivated for it. */
    private String claimOf(String email) {
        String id = register("Probe", email).json().get("id").asString();
        String digest = jdbc.queryForObject("SELECT email_digest FROM user_email WHERE user_id = ?", String.class, "user:" + id);
        assertThat(api.delete(Role.WRITER, "/api/v1/users/" + id).status()).isEqualTo(204);
        assertThat(jdbc.queryForList("SELECT 1 FROM user_email WHERE email_digest = ?", digest)).as("released").isEmpty();
        return digest;
    }

    protected Response register(String name, String email) {
        return api.post(Role.WRITER, "/api/v1/users", Map.of("name", name, "email", email));
    }

    protected Response patch(String path, String ifMatch, String body) {
        return api.send(api.request(Role.WRITER, path).header("Content-Type", "application/merge-patch+json")
                .header("If-Match", ifMatch).method("PATCH", BodyPublishers.ofString(body)));
    }

    protected static String uniqueEmail() {
        return "u" + UUID.randomUUID().toString().substring(0, 12) + "@example.com";
    }
}
