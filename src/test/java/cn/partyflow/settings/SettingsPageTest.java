package cn.partyflow.settings;

import static org.assertj.core.api.Assertions.assertThat;

import cn.partyflow.PostgresTest;
import java.beans.PropertyDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.ConfigurationPropertiesBean;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.http.ResponseEntity;

/**
 * 规则设置 over HTTP: the administrator's page lists every bound property of every procedure's settings (found here
 * by Spring's own view of the beans, not by the page's code) and every procedure setting in the configuration, each
 * with its meaning, current value and source; local practice reads 本地规定; nobody else may open it; the README's
 * table names each one.
 */
@PostgresTest
class SettingsPageTest {

  @Autowired TestRestTemplate http;
  @Autowired ApplicationContext context;
  @Autowired ConfigurableEnvironment environment;
  @Autowired SettingWords words;

  @Test
  void everyBoundSettingOfTheProceduresIsListedWithItsMeaningAndADeclaredSource() {
    Map<String, String> rows = rows(page());
    Set<String> expected = boundProperties();
    assertThat(expected).contains("partyflow.member-development.min-months-application-to-activist",
        "partyflow.rectification.plan-workdays", "partyflow.dues.talk-after-months",
        "partyflow.audit.default-retention-days");
    for (String property : expected) {
      assertThat(rows).as(property).containsKey(property);
      assertThat(cell(rows.get(property), "meaning")).as("meaning of " + property).isNotBlank();
      assertThat(cell(rows.get(property), "source")).as("source of " + property)
          .isNotBlank().isNotEqualTo(SettingsCatalog.UNDECLARED);
    }
  }

  @Test
  void everyProcedureSettingInTheConfigurationIsListedWithTheValueInForce() {
    Map<String, String> rows = rows(page());
    for (String key : configuredKeys()) {
      String property = rows.keySet().stream().filter(p -> key.equals(p) || key.startsWith(p + ".")).findFirst()
          .orElse(null);
      assertThat(property).as(key).isNotNull();
      if (key.equals(property)) {
        assertThat(cell(rows.get(property), "value")).as(key)
            .isEqualTo(words.of(Arrays.asList(environment.getProperty(key).split(","))));
      }
    }
    assertThat(cell(rows.get("partyflow.audit.retention-days"), "value")).contains("党费收缴日：30");
  }

  @Test
  void thePageNamesSettingsAndTheirValuesInChineseAndShowsNoKey() {
    String page = page();
    String shown = org.springframework.web.util.HtmlUtils.htmlUnescape(page.substring(page.indexOf("<main>"))
        .replaceAll("<[^>]*>", " "));
    assertThat(page).doesNotContain("duesCollectionDay", "rectificationDigest", "general-meeting", "more-than-half");
    assertThat(shown).doesNotContain("partyflow.", "quarter", "half-up", "fen", "cron")
        .doesNotContainPattern("[a-z]+(?:[A-Z][a-z]+)+")
        .doesNotContainPattern("[a-z]+(?:-[a-z]+)+");
    Map<String, String> rows = rows(page);
    assertThat(cell(rows.get("partyflow.dues.collection-day"), "meaning")).isEqualTo("每月收缴党费的日期（遇非工作日顺延）");
    assertThat(cell(rows.get("partyflow.audit.retention-days"), "value")).contains("党费收缴日：30", "整改每日提示：30");
    assertThat(cell(rows.get("partyflow.organizational-life.frequency"), "value")).contains("支部党员大会：每季度");
    assertThat(cell(rows.get("partyflow.organizational-life.first-topic-meetings"), "value")).isEqualTo("支部党员大会、支委会");
    assertThat(cell(rows.get("partyflow.member-development.committee-quorum"), "value")).isEqualTo("超过应到会委员的半数");
    assertThat(cell(rows.get("partyflow.dues.precision"), "value")).isEqualTo("分");
    assertThat(cell(rows.get("partyflow.rectification.long-term-report-period"), "value")).isEqualTo("3个月");
    assertThat(cell(rows.get("partyflow.rectification.digest-cron"), "value")).isEqualTo("每天8:00");
  }

  @Test
  void theDefaultsThatAreLocalPracticeAreShownAsSuch() {
    String page = page();
    for (String local : List.of("partyflow.member-development.min-months-application-to-activist",
        "partyflow.member-development.political-review-validity-months", "partyflow.member-development.publicity-workdays",
        "partyflow.rectification.reminder-workdays-before", "partyflow.rectification.escalation-workdays-after",
        "partyflow.rectification.plan-workdays")) {
      assertThat(source(page, local)).as(local).isEqualTo("本地规定");
    }
    assertThat(value(page, "partyflow.member-development.min-months-application-to-activist")).isEqualTo("6");
    assertThat(value(page, "partyflow.member-development.political-review-validity-months")).isEqualTo("12");
    assertThat(value(page, "partyflow.rectification.plan-workdays")).isEqualTo("15");
    assertThat(source(page, "partyflow.member-development.cultivation-months")).contains("第十三条");
    assertThat(page.substring(page.indexOf("id=\"fixed-rules\""))).contains("预备期未满不召开讨论转正的支部大会", "本地规定");
  }

  @Test
  void onlyTheAdministratorOpensTheSettings() {
    for (String user : List.of("rmyy_shuji", "rmyy_jiwei", "nk_zuzhi")) {
      assertThat(http.withBasicAuth(user, "demo").getForEntity("/admin/settings", String.class).getStatusCode()
          .value()).as(user).isEqualTo(403);
    }
  }

  @Test
  void theReadmeTableNamesEverySetting() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    int table = readme.indexOf("## 规则设置");
    assertThat(table).isPositive();
    String section = readme.substring(table);
    List<String> missing = new ArrayList<>();
    rows(page()).keySet().forEach(property -> {
      if (!section.contains("`" + property + "`")) {
        missing.add(property);
      }
    });
    assertThat(missing).as("settings missing from README's 规则设置 table").isEmpty();
  }

  private String page() {
    ResponseEntity<String> answer = http.withBasicAuth("admin", "demo").getForEntity("/admin/settings", String.class);
    assertThat(answer.getStatusCode().value()).isEqualTo(200);
    return answer.getBody();
  }

  private static final Pattern ROW = Pattern.compile("<tr[^>]*data-property=\"([^\"]+)\"[^>]*>(.*?)</tr>",
      Pattern.DOTALL);

  /** The page's rows by property, each row's HTML. */
  private static Map<String, String> rows(String page) {
    Map<String, String> rows = new java.util.LinkedHashMap<>();
    Matcher m = ROW.matcher(page);
    while (m.find()) {
      rows.put(m.group(1), m.group(2));
    }
    return rows;
  }

  /** A cell's text by its data-field (value, default, source, meaning). */
  private static String cell(String row, String field) {
    Matcher m = Pattern.compile("<td[^>]*data-field=\"" + field + "\"[^>]*>(.*?)</td>", Pattern.DOTALL)
        .matcher(row);
    return m.find() ? org.springframework.web.util.HtmlUtils.htmlUnescape(m.group(1).strip()) : null;
  }

  private static String source(String page, String property) {
    return cell(rows(page).get(property), "source");
  }

  private static String value(String page, String property) {
    return cell(rows(page).get(property), "value");
  }

  /** What Spring binds: the writable bean properties (or record components) of each procedure's settings bean. */
  private Set<String> boundProperties() {
    Set<String> out = new TreeSet<>();
    ConfigurationPropertiesBean.getAll(context).values().forEach(bean -> {
      String prefix = bean.getAnnotation().prefix().isEmpty() ? bean.getAnnotation().value()
          : bean.getAnnotation().prefix();
      if (!SettingsCatalog.PREFIXES.contains(prefix)) {
        return;
      }
      Class<?> type = AopUtils.getTargetClass(bean.getInstance());
      if (type.isRecord()) {
        Arrays.stream(type.getRecordComponents()).forEach(c -> out.add(prefix + "." + kebab(c.getName())));
      } else {
        for (PropertyDescriptor p : BeanUtils.getPropertyDescriptors(type)) {
          boolean filledMap = p.getReadMethod() != null && Map.class.isAssignableFrom(p.getPropertyType());
          if (p.getWriteMethod() != null || filledMap) {
            out.add(prefix + "." + kebab(p.getName()));
          }
        }
      }
    });
    assertThat(out.stream().map(p -> p.substring(0, p.indexOf('.', "partyflow.".length()))).distinct())
        .containsExactlyInAnyOrderElementsOf(SettingsCatalog.PREFIXES);
    return out;
  }

  /** Every key under the procedures' prefixes in the configuration (application.yaml and the like). */
  private Set<String> configuredKeys() {
    Set<String> keys = new TreeSet<>();
    environment.getPropertySources().forEach(source -> {
      if (source instanceof EnumerablePropertySource<?> e && source.getName().contains("application")) {
        for (String name : e.getPropertyNames()) {
          String key = name.replaceAll("\\[\\d+]$", "");
          if (SettingsCatalog.PREFIXES.stream().anyMatch(p -> key.startsWith(p + "."))) {
            keys.add(key);
          }
        }
      }
    });
    assertThat(keys).contains("partyflow.rectification.digest-cron", "partyflow.dues.collection-cron");
    return keys;
  }

  private static String kebab(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
  }
}
