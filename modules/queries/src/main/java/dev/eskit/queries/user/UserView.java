package dev.eskit.queries.user;

import dev.eskit.queries.api.User;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One row of the users view. */
@Entity
@Table(name = "user_view")
class UserView {

    @Id
    private UUID id;
    private String name;
    private String email;
    private String emailKey;
    private String status;
    private long version;
    private Instant registeredAt;

    protected UserView() {
        // for JPA
    }

    UserView(UUID id, Instant registeredAt) {
        this.id = id;
        this.registeredAt = registeredAt;
        this.status = "ACTIVE";
    }

    void profile(String name, String email) {
        if (name != null) {
            this.name = name;
        }
        if (email != null) {
            this.email = email;
            this.emailKey = JpaUserQueries.emailKey(email);
        }
    }

    void status(String status) {
        this.status = status;
    }

    long version() {
        return version;
    }

    void version(long version) {
        this.version = version;
    }

    User toUser() {
        return new User(id, name, email, status, version, registeredAt);
    }
}
