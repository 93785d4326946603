package cn.partyflow.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The notifications of a case read as words on the auditors' page and in the dossier, not as the table's columns. */
class NotificationWordingTest {

  @Test
  void aFailedSendReadsAsWordsWithoutTheMailServersException() {
    String error = "org.springframework.mail.MailSendException: Mail server connection failed. Failed messages:"
        + " org.eclipse.angus.mail.util.MailConnectException: Couldn't connect to host, port: localhost, 25";
    assertThat(Notifications.outcome(false, error)).isEqualTo("未送达：发送失败（邮件服务器未连接或拒收），详见系统日志");
    assertThat(Notifications.outcome(false, "没有可用的联系地址")).isEqualTo("未送达：没有可用的联系地址");
    assertThat(Notifications.outcome(true, null)).isEqualTo("已送达");
    assertThat(Notifications.channel("email")).isEqualTo("电子邮件");
  }
}
