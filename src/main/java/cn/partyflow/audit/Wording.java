package cn.partyflow.audit;

import cn.partyflow.organization.Organization;
import cn.partyflow.organization.OrganizationDirectory;
import cn.partyflow.organization.Person;
import cn.partyflow.organization.Role;
import cn.partyflow.shared.ChinaClock;
import cn.partyflow.shared.FormSchema;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How one case's data reads to a person: a variable is named by the label its form gives it, or, for the few the
 * server sets itself, by the data dictionary's name; anything else (ids, option lists, technical flags) is not shown.
 * Values read as the user chose them: option labels, names for person ids and usernames, organization and role for a
 * group id, 是/否, dates as dates.
 */
final class Wording {

  /** Variables the server sets (no form asks for them) that an auditor still needs, with their Chinese names. */
  static final Map<String, String> SERVER_SET = Map.ofEntries(
      Map.entry("applicantName", "申请人"), Map.entry("memberName", "党员"), Map.entry("gender", "性别"),
      Map.entry("birthDate", "出生日期"), Map.entry("branchName", "所属党支部"),
      Map.entry("publicityEnd", "公示截止日期"), Map.entry("probationEndDate", "预备期满日期"),
      Map.entry("partyStandingFrom", "党龄起算日期"), Map.entry("approvedBy", "审批人"),
      Map.entry("problemCount", "问题数量"), Map.entry("itemCount", "整改事项数量"),
      Map.entry("reportSummary", "整改情况汇总"), Map.entry("closedOn", "办结日期"),
      Map.entry("memberCount", "党员人数"), Map.entry("monthlyTotal", "当月应缴合计"),
      Map.entry("shortfall", "差额"), Map.entry("cashDifference", "现金差额"),
      Map.entry("ballotClosedEarlyBy", "提前截止测评"), Map.entry("ballotClosedEarlyReason", "提前截止测评的理由"));

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, FormLabels.Field> fields;
  private final OrganizationDirectory directory;

  Wording(Map<String, FormLabels.Field> fields, OrganizationDirectory directory) {
    this.fields = fields;
    this.directory = directory;
  }

  /** The name a person reads for a variable; empty where the variable is technical and stays hidden. */
  Optional<String> label(String name) {
    FormLabels.Field field = fields.get(name);
    if (field != null) {
      return Optional.of(field.label());
    }
    return Optional.ofNullable(SERVER_SET.get(name));
  }

  /** Whether the form declares the variable a vote, an opinion or a decision ({@link FormSchema#RECORD}). */
  boolean records(String name, String kind) {
    FormLabels.Field field = fields.get(name);
    return field != null && field.records(kind);
  }

  /** A value as the user chose it; {@code raw} is the variable's value or, for JSON and objects, its text. */
  String value(String name, Object raw) {
    FormLabels.Field field = fields.get(name);
    if (raw == null) {
      return "（空）";
    }
    if (raw instanceof Boolean b) {
      return option(field, b.toString()).orElse(b ? "是" : "否");
    }
    if (raw instanceof Date d) {
      return date(d);
    }
    if (raw instanceof Number n) {
      return option(field, n.toString()).orElse(Formats.value(n));
    }
    String text = raw.toString().trim();
    if (text.startsWith("[") || text.startsWith("{")) {
      try {
        return json(field, JSON.readTree(text));
      } catch (java.io.IOException notJson) {
        return Formats.value(text);
      }
    }
    return word(field, text);
  }

  /** A Camunda group id such as {@code rmyy-nk.organizer}: 县人民医院内科党支部 组织委员. */
  String group(String groupId) {
    if (groupId == null) {
      return "";
    }
    int dot = groupId.lastIndexOf('.');
    if (dot > 0) {
      Optional<Organization> org = directory.organization(groupId.substring(0, dot));
      Optional<Role> role = Role.parse(groupId.substring(dot + 1));
      if (org.isPresent() && role.isPresent()) {
        return org.get().name() + " " + role.get().label();
      }
    }
    return directory.organization(groupId).map(o -> o.name() + " 全体").orElse("（内部分组）");
  }

  private String json(FormLabels.Field field, JsonNode node) {
    if (node.isArray()) {
      List<String> parts = new ArrayList<>();
      for (JsonNode element : node) {
        parts.add(element.isContainerNode() ? record(field, element) : word(field, element.asText()));
      }
      return parts.isEmpty() ? "（无）" : String.join(element(node) ? "；" : "、", parts);
    }
    return record(field, node);
  }

  private static boolean element(JsonNode array) {
    return array.size() > 0 && array.get(0).isContainerNode();
  }

  /** One row of a list: its fields by their labels; fields no form names are left out. */
  private String record(FormLabels.Field field, JsonNode row) {
    if (!row.isObject()) {
      return word(field, row.toString());
    }
    Map<String, FormLabels.Field> columns = field == null ? Map.of() : field.columns();
    List<String> parts = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = row.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      FormLabels.Field column = columns.get(e.getKey());
      if (column != null && !e.getValue().isNull()) {
        String v = e.getValue().isContainerNode() ? json(column, e.getValue()) : word(column, e.getValue().asText());
        parts.add(column.label() + " " + v);
      }
    }
    return parts.isEmpty() ? "（1条记录）" : String.join("，", parts);
  }

  private String word(FormLabels.Field field, String text) {
    Optional<String> option = option(field, text);
    if (option.isPresent()) {
      return option.get();
    }
    if ("true".equals(text) || "false".equals(text)) {
      return "true".equals(text) ? "是" : "否";
    }
    if (text.isEmpty()) {
      return "（空）";
    }
    if (text.length() <= 64 && !text.contains(" ")) {
      Optional<String> person = directory.person(text).map(Person::name)
          .or(() -> directory.personByUsername(text).map(Person::name));
      if (person.isPresent()) {
        return person.get();
      }
      Optional<String> org = directory.organization(text).map(Organization::name);
      if (org.isPresent()) {
        return org.get();
      }
      if (text.indexOf('.') > 0 && Role.parse(text.substring(text.lastIndexOf('.') + 1)).isPresent()
          && directory.organization(text.substring(0, text.lastIndexOf('.'))).isPresent()) {
        return group(text);
      }
    }
    return Formats.value(text);
  }

  private static Optional<String> option(FormLabels.Field field, String value) {
    return field == null ? Optional.empty() : Optional.ofNullable(field.options().get(value));
  }

  /** A day as yyyy-MM-dd; with the time only where one was recorded. */
  static String date(Date d) {
    ZonedDateTime t = d.toInstant().atZone(ChinaClock.ZONE);
    return t.toLocalTime().equals(LocalTime.MIDNIGHT) ? t.toLocalDate().toString() : Formats.dateTime(d);
  }
}
