package cn.partyflow.organization;

import org.springframework.jdbc.core.JdbcTemplate;

/** The organization directory over a test database, for services built by hand in process unit tests. */
public final class DirectoryFixture {

  private DirectoryFixture() {}

  public static OrganizationDirectory directory(JdbcTemplate jdbc) {
    return new OrganizationDirectory(jdbc);
  }

  /** The routing service over the same database, for services that route by themselves. */
  public static RoutingService routing(JdbcTemplate jdbc) {
    return new RoutingService(new OrganizationDirectory(jdbc), jdbc);
  }
}
