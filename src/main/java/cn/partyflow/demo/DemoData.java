package cn.partyflow.demo;

import cn.partyflow.organization.IdentitySync;
import cn.partyflow.organization.OrganizationImport;
import cn.partyflow.shared.StartupLock;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * On the first start of the demo setup, loads the demo organizations, people and roles through the same import an
 * administrator uses. Outside the demo setup it only derives Camunda users and groups from the model.
 */
@Component
class DemoData {

  private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

  private final boolean demo;
  private final JdbcTemplate jdbc;
  private final OrganizationImport imports;
  private final IdentitySync identitySync;
  private final DemoLife life;
  private final boolean seedLife;
  private final StartupLock startupLock;

  DemoData(@Value("${partyflow.demo:false}") boolean demo, JdbcTemplate jdbc, OrganizationImport imports,
      IdentitySync identitySync, DemoLife life, @Value("${partyflow.demo-life:true}") boolean seedLife,
      StartupLock startupLock) {
    this.startupLock = startupLock;
    this.demo = demo;
    this.life = life;
    this.seedLife = seedLife;
    this.jdbc = jdbc;
    this.imports = imports;
    this.identitySync = identitySync;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(0)
  void onStart() {
    startupLock.exclusively(this::seed);
  }

  private void seed() {
    Integer orgs = jdbc.queryForObject("select count(*) from pf_organization", Integer.class);
    if (demo && orgs != null && orgs == 0) {
      imports.importOrganizations("organizations.csv", read("demo/organizations.csv"));
      imports.importPeople("people.csv", read("demo/people.csv"));
      imports.importRoles("roles.csv", read("demo/roles.csv"));
      LOG.info("Demo organizations and users seeded; every demo user's password is \"demo\"");
      if (seedLife) {
        seedLife();
      }
    } else {
      syncIdentities();
    }
  }

  /** The demo's cases; whatever goes wrong there is logged and the application starts all the same. */
  private void seedLife() {
    try {
      life.seedIfEmpty();
    } catch (RuntimeException e) {
      LOG.warn("Demo cases not seeded: {}", e.getMessage(), e);
    }
  }

  private void syncIdentities() {
    identitySync.sync();
  }

  private static byte[] read(String path) {
    try (InputStream in = new ClassPathResource(path).getInputStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
