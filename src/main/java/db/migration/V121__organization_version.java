package db.migration;

import java.sql.Connection;
import java.sql.Statement;
import java.util.Locale;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The organization table's version stamp, one row read per request by {@code OrganizationDirectory} instead of the
 * whole table. A trigger on pf_organization sets it from a sequence in the transaction of every write, whoever
 * writes (the import on any node, a script), so a node sees another's change as soon as it commits; a sequence
 * rather than a counter, so that a stamp a rolled-back write had set is never set again by a later write. PostgreSQL
 * only (PL/pgSQL), hence a Java migration: on H2, the single-node demo of a few dozen organizations, the directory
 * reads the table as before and the stamp is not kept.
 */
public class V121__organization_version extends BaseJavaMigration {

  @Override
  public void migrate(Context context) throws Exception {
    Connection connection = context.getConnection();
    boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT)
        .contains("postgres");
    if (!postgres) {
      return;
    }
    try (Statement s = connection.createStatement()) {
      s.execute("create sequence pf_organization_version_seq");
      s.execute("create table pf_organization_version (id integer primary key, version bigint not null)");
      s.execute("insert into pf_organization_version (id, version) values (1, 0)");
      s.execute("create function pf_organization_changed() returns trigger language plpgsql as $$ begin"
          + " update pf_organization_version set version = nextval('pf_organization_version_seq') where id = 1;"
          + " return null; end $$");
      s.execute("create trigger pf_organization_changed after insert or update or delete or truncate"
          + " on pf_organization for each statement execute function pf_organization_changed()");
    }
  }
}
