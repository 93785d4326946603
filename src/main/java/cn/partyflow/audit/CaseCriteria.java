package cn.partyflow.audit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** What an auditor searches for; every field is optional. Dates bound the day a case was started, both inclusive. */
record CaseCriteria(String businessKey, String person, String orgId, String procedure, Status status,
    LocalDate from, LocalDate to) {

  enum Status {
    RUNNING("办理中"),
    FINISHED("已办结"),
    CANCELLED("已撤销/终止");

    final String label;

    Status(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }

    static Status parse(String s) {
      if (s == null || s.isBlank()) {
        return null;
      }
      try {
        return valueOf(s.trim().toUpperCase());
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
  }

  CaseCriteria {
    businessKey = blankToNull(businessKey);
    person = blankToNull(person);
    orgId = blankToNull(orgId);
    procedure = blankToNull(procedure);
  }

  /** How the search reads in the access log and on the export. */
  String describe() {
    List<String> parts = new ArrayList<>();
    if (businessKey != null) {
      parts.add("业务编号=" + businessKey);
    }
    if (person != null) {
      parts.add("姓名=" + person);
    }
    if (orgId != null) {
      parts.add("组织=" + orgId);
    }
    if (procedure != null) {
      parts.add("流程=" + procedure);
    }
    if (status != null) {
      parts.add("状态=" + status.label);
    }
    if (from != null) {
      parts.add("开始于" + from + "起");
    }
    if (to != null) {
      parts.add("开始于" + to + "止");
    }
    return parts.isEmpty() ? "全部案卷" : String.join("，", parts);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
