package cn.partyflow.rectification;

import cn.partyflow.shared.ImportRefused;
import cn.partyflow.shared.RowCheck;
import cn.partyflow.shared.SheetReader;
import cn.partyflow.shared.SheetRow;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/** Reads a 问题清单 sheet (CSV or XLSX) whole: any bad row refuses the file and names the row. */
@Service
public class ProblemImport {

  static final Map<String, String> COLUMNS = Map.of(
      "no", "no", "序号", "no",
      "clause", "clause", "反馈意见", "clause", "对应的反馈意见", "clause",
      "problem", "problem", "问题表现", "problem", "问题", "problem");

  /** The column names of the downloadable template, in order; each is one of the names {@link #read} accepts. */
  public static final List<String> TEMPLATE_HEADERS = List.of("序号", "反馈意见", "问题表现");

  private final SheetReader sheets;

  public ProblemImport(SheetReader sheets) {
    this.sheets = sheets;
  }

  public List<Map<String, Object>> read(String filename, byte[] content) {
    String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
    if (!name.endsWith(".csv") && !name.endsWith(".xlsx")) {
      throw ImportRefused.of("只能导入CSV或XLSX（Excel）格式的问题清单，请下载模板填写后上传");
    }
    List<SheetRow> rows = sheets.read(filename, content, COLUMNS);
    List<ImportRefused.RowError> errors = new ArrayList<>();
    List<Map<String, Object>> problems = new ArrayList<>();
    Set<Integer> seen = new HashSet<>();
    for (SheetRow sheetRow : rows) {
      RowCheck row = sheetRow.check();
      int no = problems.size() + 1;
      if (!row.get("no").isEmpty()) {
        try {
          no = Integer.parseInt(row.get("no"));
        } catch (NumberFormatException e) {
          row.problem("序号“" + row.get("no") + "”不是整数");
        }
      }
      if (!seen.add(no)) {
        row.problem("序号" + no + "重复");
      }
      String problem = row.required("problem", "问题表现");
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("no", no);
      p.put("clause", row.get("clause"));
      p.put("problem", problem);
      problems.add(p);
      errors.addAll(row.errors());
    }
    if (problems.isEmpty()) {
      errors.add(new ImportRefused.RowError(0, "文件中没有问题"));
    }
    ImportRefused.ifAny(errors);
    return problems;
  }
}
