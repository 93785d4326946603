package cn.partyflow;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts one embedded PostgreSQL per test JVM and points the application's data source at it. With
 * {@code -Dbench.pgdata=DIR} its data lives in DIR and is kept after the run, and a later run on the same DIR starts
 * on what is there (the benchmark seeds a volume once and measures it again and again).
 */
public class EmbeddedPostgresInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  private static EmbeddedPostgres postgres;

  public static synchronized EmbeddedPostgres postgres() {
    if (postgres == null) {
      try {
        String kept = System.getProperty("bench.pgdata");
        postgres = kept == null || kept.isBlank() ? EmbeddedPostgres.builder().start()
            : EmbeddedPostgres.builder().setDataDirectory(Path.of(kept)).setCleanDataDirectory(false).start();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return postgres;
  }

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    // -Dbench.jdbc=jdbc:postgresql://localhost:PORT/postgres measures a database that is already running (the kept
    // database of a benchmark run still under way) instead of starting one.
    String running = System.getProperty("bench.jdbc");
    TestPropertyValues.of(
        "spring.datasource.url=" + (running == null || running.isBlank()
            ? postgres().getJdbcUrl("postgres", "postgres") : running),
        "spring.datasource.username=postgres",
        "spring.datasource.password=postgres",
        "spring.datasource.driver-class-name=org.postgresql.Driver")
        .applyTo(context.getEnvironment());
  }
}
