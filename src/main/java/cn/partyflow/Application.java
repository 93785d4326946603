package cn.partyflow;

import cn.partyflow.shared.ChinaClock;
import java.util.TimeZone;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan
public class Application {

  public static void main(String[] args) {
    // Officers record dates in China time; timers and due dates must agree with them whatever the host says.
    TimeZone.setDefault(TimeZone.getTimeZone(ChinaClock.ZONE));
    SpringApplication.run(Application.class, args);
  }
}
