package dev.eskit.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.TestPropertySource;

/**
 * Reads streams and the log the way the Axon Server profile does (through Axon's EventStore API and
 * the stream position index), here on the JDBC store, so the API's behaviour on that path is tested
 * without a server. Put beside {@link PostgresTest}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@TestPropertySource(properties = "eskit.store.reads=event-store")
public @interface EventStoreReads {
}
