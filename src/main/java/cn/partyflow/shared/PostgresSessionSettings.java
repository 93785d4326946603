package cn.partyflow.shared;

import com.zaxxer.hikari.HikariDataSource;
import java.math.BigDecimal;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Planner settings for the application's PostgreSQL sessions. The working set of a party-affairs database (open
 * tasks, their grants, the registry) stays in memory on SSD storage, where a random page read costs about as much as
 * a sequential one; PostgreSQL's default (4) makes it scan 100,000 tasks rather than follow an index to the hundred
 * a user can see. {@code partyflow.database.random-page-cost} (default 1.1) is applied to every pooled connection
 * unless {@code spring.datasource.hikari.connection-init-sql} is set.
 */
@Component
class PostgresSessionSettings implements BeanPostProcessor {

  private final BigDecimal randomPageCost;

  PostgresSessionSettings(Environment environment) {
    this.randomPageCost = new BigDecimal(environment.getProperty("partyflow.database.random-page-cost", "1.1"));
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null
        && pool.getJdbcUrl().startsWith("jdbc:postgresql:") && pool.getConnectionInitSql() == null) {
      pool.setConnectionInitSql("set random_page_cost = " + randomPageCost.toPlainString());
    }
    return bean;
  }
}
