package cn.partyflow.shared;

import java.util.List;
import java.util.stream.Collectors;

/** A file was refused whole because of the rows named here; nothing was imported. */
public class ImportRefused extends RuntimeException {

  /** A bad row: its line in the file and what is wrong with it, in Chinese. */
  public record RowError(int line, String message) {
    @Override
    public String toString() {
      return line > 0 ? "第" + line + "行：" + message : message;
    }
  }

  private final List<RowError> errors;

  public ImportRefused(List<RowError> errors) {
    super("文件有" + errors.size() + "处错误，未导入任何数据：" + errors.stream().limit(20).map(RowError::toString)
        .collect(Collectors.joining("；")));
    this.errors = List.copyOf(errors);
  }

  public static ImportRefused of(String message) {
    return new ImportRefused(List.of(new RowError(0, message)));
  }

  /** Refuses the file when any row is bad; the importer writes nothing before this passes. */
  public static void ifAny(List<RowError> errors) {
    if (!errors.isEmpty()) {
      throw new ImportRefused(errors);
    }
  }

  public List<RowError> errors() {
    return errors;
  }
}
