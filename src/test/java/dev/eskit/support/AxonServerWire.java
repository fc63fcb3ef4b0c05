package dev.eskit.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ActiveProfilesResolver;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

/**
 * The distributed topology on the PostgreSQL profile. Without a server (CI): every command, its
 * result and its failure cross the configured serializer exactly as Axon Server's connector carries
 * them ({@link SerializingCommandBus}), and streams and the log are read the way the
 * {@code axonserver} profile reads them. With {@code ESKIT_TEST_AXONSERVER=host:port} (and
 * {@code ESKIT_TEST_AXONSERVER_TOKEN} when its access control is on), the same suites run on the
 * {@code axonserver} profile against that server, whose {@code default} context should start empty.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = AxonServerWire.Profiles.class)
@ContextConfiguration(initializers = PostgresSchema.class)
@Import(SerializingCommandBus.Configuration.class)
@TestPropertySource(properties = {
        "eskit.store.reads=event-store",
        "axon.axonserver.servers=${ESKIT_TEST_AXONSERVER:localhost:8124}",
        "axon.axonserver.token=${ESKIT_TEST_AXONSERVER_TOKEN:}",
        "axon.axonserver.context=default"})
public @interface AxonServerWire {

    /** The real server's address, when the suites should run against one. */
    String REAL_SERVER = System.getenv("ESKIT_TEST_AXONSERVER");

    /** The PostgreSQL test profiles, and {@code axonserver} when a real server was given. */
    final class Profiles implements ActiveProfilesResolver {
        @Override
        public String[] resolve(Class<?> testClass) {
            return REAL_SERVER == null
                    ? new String[] {"postgres", "postgres-test"}
                    : new String[] {"postgres", "postgres-test", "axonserver"};
        }
    }
}
