package cn.partyflow;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application, demo registry included (not the demo's cases: tests count their own), on a real PostgreSQL 17 started from the embedded binaries once per
 * test JVM. Every test class with this annotation shares one Spring context. The job executor is off: tests move
 * the engine clock and run due jobs themselves. Tagged {@value #TAG}: {@code ./mvnw test -Pquick} leaves these out.
 */
@Tag(PostgresTest.TAG)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    classes = Application.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
        "partyflow.demo=true",
        "partyflow.demo-life=false",
        "camunda.bpm.job-execution.enabled=false",
        "spring.mail.host=localhost",
        "spring.mail.port=3025",
        "spring.datasource.hikari.connection-timeout=2000"
    })
@ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)
public @interface PostgresTest {

  String TAG = "postgres";
}
