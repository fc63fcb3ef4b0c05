package dev.eskit.queries.consumer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A consumer's saved cursor and the log position it stands for. */
@Entity
@Table(name = "consumer_checkpoint")
class ConsumerCheckpoint {

    @Id
    private String name;
    @Column(name = "cursor_value", nullable = false)
    private String cursor;
    private long position;
    private Instant updatedAt;

    protected ConsumerCheckpoint() {
        // for JPA
    }

    ConsumerCheckpoint(String name) {
        this.name = name;
    }

    void moveTo(String cursor, long position, Instant at) {
        this.cursor = cursor;
        this.position = position;
        this.updatedAt = at;
    }

    String name() {
        return name;
    }

    String cursor() {
        return cursor;
    }

    long position() {
        return position;
    }

    Instant updatedAt() {
        return updatedAt;
    }
}
