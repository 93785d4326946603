package cn.partyflow.shared;

import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a procedure's setting means and where its default comes from, declared on the setting itself (a field of a
 * settings class or a component of a settings record), so the administrators' settings page and the README's table
 * list every setting the moment it is added. The source is the article of the rules when {@link #article()} names
 * one, a setting of how the system runs when {@link #operational()}, and otherwise 本地规定: a default taken from local
 * practice that a county may change.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface RuleSetting {

  /** What the setting decides, in Chinese. */
  String value();

  /** The article of the rules the default follows (《发展党员工作细则》第十三条); empty for local practice. */
  String article() default "";

  /** A setting of how the system runs (a schedule, a page size), neither an article nor local practice. */
  boolean operational() default false;

  /**
   * A setting of the procedure read straight from the environment rather than bound to a field (a calendar duty's
   * cron, which the engine reads while it deploys), declared on the procedure's settings class.
   */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.TYPE)
  @Repeatable(Unbound.List.class)
  @interface Unbound {

    /** The property under the class's prefix, in kebab case ({@code digest-cron}). */
    String name();

    String value();

    String article() default "";

    boolean operational() default false;

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface List {
      Unbound[] value();
    }
  }

  /**
   * A rule of local practice the procedure applies without a setting to change it, declared on the procedure's
   * settings class so the settings page shows it beside the settings.
   */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.TYPE)
  @Repeatable(Fixed.List.class)
  @interface Fixed {

    String value();

    String article() default "";

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface List {
      Fixed[] value();
    }
  }
}
