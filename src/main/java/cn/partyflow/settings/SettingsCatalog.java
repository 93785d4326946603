package cn.partyflow.settings;

import cn.partyflow.shared.RuleSetting;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.aop.support.AopUtils;
import org.springframework.boot.context.properties.ConfigurationPropertiesBean;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Every setting of the procedures as bound in this application: each property of each settings bean under
 * {@link #PREFIXES}, whether declared or not (an undeclared one shows as such, and a test requires a declaration),
 * and the unbound ones the settings classes declare.
 */
@Component
class SettingsCatalog {

  /** The procedures' settings, in the order the page shows them. */
  static final List<String> PREFIXES = List.of("partyflow.member-development", "partyflow.rectification", "partyflow.dues",
      "partyflow.organizational-life", "partyflow.leadership-meeting", "partyflow.duty-review", "partyflow.audit");

  static final Map<String, String> PROCEDURES = Map.of("partyflow.member-development", "发展党员", "partyflow.rectification",
      "巡察整改", "partyflow.dues", "党费", "partyflow.organizational-life", "组织生活", "partyflow.leadership-meeting",
      "民主生活会", "partyflow.duty-review", "书记述职评议", "partyflow.audit", "案卷查阅");

  static final String LOCAL = "本地规定";
  static final String OPERATIONAL = "系统运行设置";
  static final String UNDECLARED = "未注明";

  /**
   * One setting: its property, meaning, current and default values as configured, the same two in the words the page
   * shows, and its source.
   */
  public record Setting(String procedure, String property, String meaning, String value, String defaultValue,
      String shownValue, String shownDefault, String source) {

    public boolean local() {
      return LOCAL.equals(source);
    }

    public boolean changed() {
      return defaultValue != null && !defaultValue.equals(value);
    }
  }

  /** A rule of local practice the procedure applies without a setting. */
  public record FixedRule(String procedure, String rule, String source) {}

  private final ApplicationContext context;
  private final Environment environment;
  private final SettingWords words;

  SettingsCatalog(ApplicationContext context, Environment environment, SettingWords words) {
    this.context = context;
    this.environment = environment;
    this.words = words;
  }

  List<Setting> settings() {
    List<Setting> out = new ArrayList<>();
    for (ConfigurationPropertiesBean bean : beans()) {
      out.addAll(settingsOf(prefix(bean), bean.getInstance()));
    }
    return out;
  }

  List<FixedRule> fixedRules() {
    List<FixedRule> out = new ArrayList<>();
    for (ConfigurationPropertiesBean bean : beans()) {
      for (RuleSetting.Fixed f : type(bean).getAnnotationsByType(RuleSetting.Fixed.class)) {
        out.add(new FixedRule(PROCEDURES.get(prefix(bean)), f.value(), source(f.article(), false)));
      }
    }
    return out;
  }

  private List<ConfigurationPropertiesBean> beans() {
    return ConfigurationPropertiesBean.getAll(context).values().stream()
        .filter(b -> PREFIXES.contains(prefix(b)))
        .sorted(Comparator.comparingInt(b -> PREFIXES.indexOf(prefix(b))))
        .toList();
  }

  private static String prefix(ConfigurationPropertiesBean bean) {
    return bean.getAnnotation().prefix().isEmpty() ? bean.getAnnotation().value() : bean.getAnnotation().prefix();
  }

  private static Class<?> type(ConfigurationPropertiesBean bean) {
    return AopUtils.getTargetClass(bean.getInstance());
  }

  /** The settings of one bound object: fields of a class, components of a record, then its unbound ones. */
  List<Setting> settingsOf(String prefix, Object instance) {
    Class<?> type = AopUtils.getTargetClass(instance);
    String procedure = PROCEDURES.get(prefix);
    List<Setting> out = new ArrayList<>();
    if (type.isRecord()) {
      Parameter[] parameters = canonical(type).getParameters();
      RecordComponent[] components = type.getRecordComponents();
      for (int i = 0; i < components.length; i++) {
        RecordComponent c = components[i];
        DefaultValue d = parameters[i].getAnnotation(DefaultValue.class);
        out.add(setting(procedure, prefix, c.getName(), c.getAnnotation(RuleSetting.class), invoke(c, instance),
            d == null ? null : String.join(",", d.value()), d == null ? null
                : words.ofDefault(d.value(), Collection.class.isAssignableFrom(c.getType()))));
      }
    } else {
      Object defaults = newInstance(type);
      for (Field f : type.getDeclaredFields()) {
        if (Modifier.isStatic(f.getModifiers()) || !bindable(type, f)) {
          continue;
        }
        f.setAccessible(true);
        Object defaultValue = defaults == null ? null : get(f, defaults);
        out.add(setting(procedure, prefix, f.getName(), f.getAnnotation(RuleSetting.class), get(f, instance),
            defaults == null ? null : format(defaultValue), defaults == null ? null : words.of(defaultValue)));
      }
    }
    for (RuleSetting.Unbound u : type.getAnnotationsByType(RuleSetting.Unbound.class)) {
      String property = prefix + "." + u.name();
      String value = environment.getProperty(property, "");
      out.add(new Setting(procedure, property, u.value(), value, null, words.of(value), null,
          source(u.article(), u.operational())));
    }
    return out;
  }

  private Setting setting(String procedure, String prefix, String name, RuleSetting declared, Object value,
      String defaultValue, String shownDefault) {
    return new Setting(procedure, prefix + "." + kebab(name), declared == null ? "" : declared.value(),
        format(value), defaultValue, words.of(value), shownDefault, declared == null ? UNDECLARED
            : source(declared.article(), declared.operational()));
  }

  private static String source(String article, boolean operational) {
    return !article.isEmpty() ? article : operational ? OPERATIONAL : LOCAL;
  }

  /** A field Spring binds: one with a setter, or a collection it fills through the getter. */
  private static boolean bindable(Class<?> type, Field f) {
    String suffix = Character.toUpperCase(f.getName().charAt(0)) + f.getName().substring(1);
    return Arrays.stream(type.getMethods()).anyMatch(m -> m.getName().equals("set" + suffix)
        || (m.getName().equals("get" + suffix) && (Map.class.isAssignableFrom(f.getType())
            || Collection.class.isAssignableFrom(f.getType()))));
  }

  static String kebab(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
  }

  static String format(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Collection<?> c) {
      return c.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
    if (value instanceof Map<?, ?> m) {
      return m.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }
    if (value instanceof Enum<?> e) {
      return e.name().toLowerCase().replace('_', '-');
    }
    if (value instanceof java.math.BigDecimal b) {
      return b.toPlainString();
    }
    return String.valueOf(value);
  }

  private static Constructor<?> canonical(Class<?> record) {
    Class<?>[] types = Arrays.stream(record.getRecordComponents()).map(RecordComponent::getType)
        .toArray(Class<?>[]::new);
    try {
      return record.getDeclaredConstructor(types);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException("record without canonical constructor: " + record, e);
    }
  }

  private static Object invoke(RecordComponent c, Object instance) {
    try {
      c.getAccessor().setAccessible(true);
      return c.getAccessor().invoke(instance);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(c.toString(), e);
    }
  }

  private static Object get(Field f, Object instance) {
    try {
      return f.get(instance);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(f.toString(), e);
    }
  }

  /** A fresh instance holds the defaults; a class without a no-argument constructor shows none. */
  private static Object newInstance(Class<?> type) {
    try {
      Constructor<?> c = type.getDeclaredConstructor();
      c.setAccessible(true);
      return c.newInstance();
    } catch (ReflectiveOperationException e) {
      return null;
    }
  }
}
