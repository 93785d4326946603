package cn.partyflow.organization;

import cn.partyflow.shared.ImportRefused.RowError;
import cn.partyflow.shared.SheetRow;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One sheet of the registry import: the columns it reads, and its rows checked against the registry as it stands.
 * A sheet writes nothing while it checks; {@link OrganizationImport} writes only a sheet without errors.
 */
interface RegistrySheet {

  Map<String, String> columns();

  Checked check(List<SheetRow> rows, OrganizationImport.Scope scope);

  /** The bad rows of a sheet, or the write of its good rows. */
  record Checked(List<RowError> errors, Supplier<OrganizationImport.Result> write) {}
}
