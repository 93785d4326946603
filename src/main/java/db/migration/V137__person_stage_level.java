package db.migration;

import java.sql.Connection;
import java.sql.Statement;
import java.util.Locale;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The 发展党员 pipeline kept per level (pf_person_stage_level): for every organization and stage on the way in
 * (申请人 to 预备党员), the people of that organization and of everything below it, so the home of a province's
 * secretary reads a row per city instead of counting 200,000 people per request. Kept by the writers of pf_person
 * ({@code PersonStageLevels}) and rebuilt when the tree changes; pf_kept_tree_version records the tree's version
 * stamp (pf_organization_version, PostgreSQL only) the rows were counted over, so a reader knows when a change of the
 * tree made by anything else than the import has left them behind. A Java migration for that stamp; the rows
 * already there are counted once with the same statement as the rebuild.
 */
public class V137__person_stage_level extends BaseJavaMigration {

  @Override
  public void migrate(Context context) throws Exception {
    Connection connection = context.getConnection();
    boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT)
        .contains("postgres");
    try (Statement s = connection.createStatement()) {
      s.execute("create table pf_person_stage_level (org_id varchar(64) not null, status varchar(20) not null,"
          + " n bigint not null, constraint pk_pf_person_stage_level primary key (org_id, status))");
      s.execute("create table pf_kept_tree_version (kept varchar(64) not null, version bigint not null,"
          + " constraint pk_pf_kept_tree_version primary key (kept))");
      s.execute("insert into pf_person_stage_level (org_id, status, n) with recursive up (ancestor_id, org_id, depth)"
          + " as (select id, id, 0 from pf_organization union all select o.parent_id, u.org_id, u.depth + 1"
          + " from up u join pf_organization o on o.id = u.ancestor_id where o.parent_id is not null and u.depth < 32)"
          + " select u.ancestor_id, p.status, count(*) from pf_person p join up u on u.org_id = p.org_id"
          + " where p.status in ('APPLICANT', 'ACTIVIST', 'TARGET', 'PROBATIONARY') group by u.ancestor_id, p.status");
      s.execute("insert into pf_kept_tree_version (kept, version) values ('pf_person_stage_level', "
          + (postgres ? "(select version from pf_organization_version where id = 1)" : "0") + ")");
    }
  }
}
