package db.migration;

import cn.partyflow.dues.DuesSubtreeTotals;
import cn.partyflow.rectification.RectificationLevels;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Locale;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The rectification counts and the dues month totals kept per subtree, as V137 keeps the 发展党员 pipeline: for every
 * organization, the figures of it and everything below it (pf_rectification_level: items per department, category,
 * status, deadline and closing day; pf_dues_level: per month, the branches with a ledger, their figures and their
 * arrears), so the home of a province's secretary reads his cities' rows instead of the province's. Kept by the
 * writers of the counts and totals ({@code RectificationLevels}, {@code DuesSubtreeTotals}) and counted anew by the
 * organization import; stamped with the tree's version like V137's (a Java migration for that stamp, PostgreSQL
 * only). The rows already there are counted once, set-based, with the same statements as the rebuilds.
 */
public class V138__subtree_levels extends BaseJavaMigration {

  @Override
  public void migrate(Context context) throws Exception {
    Connection connection = context.getConnection();
    boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT)
        .contains("postgres");
    try (Statement s = connection.createStatement()) {
      s.execute("create table pf_rectification_level (org_id varchar(64) not null, department varchar(100) not null,"
          + " category varchar(20) not null, status varchar(20) not null, deadline date not null,"
          + " closed_on date not null, n bigint not null, constraint pk_pf_rectification_level"
          + " primary key (org_id, department, category, status, deadline, closed_on))");
      s.execute("create table pf_dues_level (org_id varchar(64) not null, period varchar(7) not null,"
          + " members bigint not null, expected numeric(16,2) not null, received numeric(16,2) not null,"
          + " unpaid_members bigint not null, owed numeric(16,2) not null, arrears_person_months bigint not null,"
          + " arrears_owed numeric(16,2) not null, constraint pk_pf_dues_level primary key (org_id, period))");
      s.execute(RectificationLevels.REBUILD);
      s.execute(DuesSubtreeTotals.REBUILD);
      String version = postgres ? "(select version from pf_organization_version where id = 1)" : "0";
      s.execute("insert into pf_kept_tree_version (kept, version) values ('pf_rectification_level', " + version
          + ")");
      s.execute("insert into pf_kept_tree_version (kept, version) values ('pf_dues_level', " + version + ")");
    }
  }
}
