package cn.partyflow.reports;

import java.util.List;

/** The annual data report: its title, and per part of the report the sentences and tables that belong to it. */
record AnnualReport(String title, String subtitle, String source, List<Part> parts) {

  static final String[] NUMERALS = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};

  record Part(String title, List<String> sentences, List<ReportTable> tables) {}

  static AnnualReport of(Report report, AnnualWording wording, String generatedAt) {
    var numbers = report.figures().numbers();
    List<AnnualWording.Sentence> sentences = wording.sentences(numbers);
    List<Part> parts = report.sections().stream().map(s -> new Part(s.title(), sentences.stream()
        .filter(x -> x.section().equals(s.id())).map(AnnualWording.Sentence::text).toList(), s.tables())).toList();
    return new AnnualReport(wording.title(numbers), wording.subtitle(numbers),
        "统计期间" + report.period().from() + "至" + report.period().to() + "，数据截至" + report.asOf() + "，由党务流程平台根据流程数据生成于"
            + generatedAt, parts);
  }
}
