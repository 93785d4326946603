package cn.partyflow.reports;

import java.util.List;

/**
 * One table of a report as every output shows it (page, XLSX, DOCX, PDF): a label per row and a cell per column.
 * A cell with a {@code figure} opens the list of people, items or rows it counts; one with an {@code href} opens a
 * page of the procedure itself.
 */
record ReportTable(String id, String title, List<String> headers, List<Row> rows, String note) {

  record Row(String label, List<Cell> cells) {}

  record Cell(String text, String figure, String href) {

    static Cell text(String text) {
      return new Cell(text, null, null);
    }

    static Cell link(String text, String href) {
      return new Cell(text, null, href);
    }
  }
}
