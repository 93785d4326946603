package cn.partyflow.settings;

import cn.partyflow.organizationallife.MeetingType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;

/**
 * A setting's value as the page shows it: the Chinese name of each procedure key, meeting type and choice it holds
 * (党费收缴日, 支部党员大会, 每季度, 四舍五入), never the key itself. What the configuration holds stays with the
 * page's rows as data for the README's table and the tests.
 */
@Component
class SettingWords {

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z][A-Za-z0-9]*");
  /** A daily six-field cron at a fixed time, as the calendar duties use it. */
  private static final Pattern DAILY = Pattern.compile("0 (\\d{1,2}) (\\d{1,2}) \\* \\* \\*");
  private static final Map<RoundingMode, String> ROUNDING = Map.of(RoundingMode.HALF_UP, "四舍五入",
      RoundingMode.HALF_DOWN, "五舍六入", RoundingMode.HALF_EVEN, "四舍六入五成双", RoundingMode.UP, "进位",
      RoundingMode.DOWN, "舍去", RoundingMode.CEILING, "向上取整", RoundingMode.FLOOR, "向下取整",
      RoundingMode.UNNECESSARY, "不舍入");

  private final RepositoryService repository;

  SettingWords(RepositoryService repository) {
    this.repository = repository;
  }

  String of(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Boolean b) {
      return b ? "是" : "否";
    }
    if (value instanceof Collection<?> c) {
      return c.stream().map(this::of).collect(Collectors.joining("、"));
    }
    if (value instanceof Map<?, ?> m) {
      return m.entrySet().stream().map(e -> of(e.getKey()) + "：" + of(e.getValue()))
          .collect(Collectors.joining("；"));
    }
    if (value instanceof RoundingMode r) {
      return ROUNDING.get(r);
    }
    if (value instanceof Enum<?> e) {
      return label(e);
    }
    if (value instanceof BigDecimal b) {
      return b.toPlainString();
    }
    return word(String.valueOf(value).strip());
  }

  /** A default as {@code @DefaultValue} declares it: one text, or a list's elements. */
  String ofDefault(String[] texts, boolean many) {
    return many ? of(List.of(texts)) : of(String.join(",", texts));
  }

  private String word(String text) {
    if (text.equals("true") || text.equals("false")) {
      return of(Boolean.parseBoolean(text));
    }
    Matcher daily = DAILY.matcher(text);
    if (daily.matches()) {
      return "每天" + daily.group(2) + ":" + (daily.group(1).length() == 1 ? "0" : "") + daily.group(1);
    }
    if (text.startsWith("P")) {
      try {
        return period(Period.parse(text));
      } catch (DateTimeParseException notAPeriod) {
        // an ordinary text that starts with P
      }
    }
    Optional<MeetingType> meeting = MeetingType.parse(text);
    if (meeting.isPresent()) {
      return meeting.get().label();
    }
    if (IDENTIFIER.matcher(text).matches()) {
      ProcessDefinition p = repository.createProcessDefinitionQuery().processDefinitionKey(text).latestVersion()
          .singleResult();
      if (p != null && p.getName() != null) {
        return p.getName();
      }
    }
    return text;
  }

  private static String period(Period p) {
    return (p.getYears() > 0 ? p.getYears() + "年" : "") + (p.getMonths() > 0 ? p.getMonths() + "个月" : "")
        + (p.getDays() > 0 ? p.getDays() + "天" : "");
  }

  /** An enum's Chinese label, from its {@code label()} or {@code label} where it has one. */
  private static String label(Enum<?> e) {
    Class<?> type = e.getDeclaringClass();
    try {
      Method m = type.getDeclaredMethod("label");
      m.setAccessible(true);
      return String.valueOf(m.invoke(e));
    } catch (ReflectiveOperationException noMethod) {
      try {
        Field f = type.getDeclaredField("label");
        f.setAccessible(true);
        return String.valueOf(f.get(e));
      } catch (ReflectiveOperationException noField) {
        throw new IllegalStateException("setting choice without a Chinese label: " + type.getName() + "." + e.name(),
            noField);
      }
    }
  }
}
