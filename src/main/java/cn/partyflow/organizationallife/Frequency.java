package cn.partyflow.organizationallife;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/** How often a meeting is required; each period of a year ends on the last day of its last month. */
public enum Frequency {
  MONTH("每月", 1),
  QUARTER("每季度", 3),
  HALF_YEAR("每半年", 6),
  YEAR("每年", 12),
  NONE("不作要求", 0);

  private final String label;
  private final int months;

  Frequency(String label, int months) {
    this.label = label;
    this.months = months;
  }

  public String label() {
    return label;
  }

  /** The periods of a year, in order; none for {@link #NONE}. */
  List<Period> periods(int year) {
    List<Period> periods = new ArrayList<>();
    if (months == 0) {
      return periods;
    }
    for (int first = 1; first <= 12; first += months) {
      LocalDate start = YearMonth.of(year, first).atDay(1);
      LocalDate end = YearMonth.of(year, first + months - 1).atEndOfMonth();
      periods.add(new Period(start, end, label(year, first)));
    }
    return periods;
  }

  private String label(int year, int firstMonth) {
    return switch (this) {
      case MONTH -> year + "年" + firstMonth + "月";
      case QUARTER -> year + "年" + Period.QUARTERS[(firstMonth - 1) / 3] + "季度";
      case HALF_YEAR -> year + "年" + (firstMonth == 1 ? "上半年" : "下半年");
      default -> year + "年";
    };
  }
}
