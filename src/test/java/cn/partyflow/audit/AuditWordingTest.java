package cn.partyflow.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the auditors' page and dossier say in words rather than as the engine or the tables keep it. */
class AuditWordingTest {

  @Test
  void aFailedSendReadsAsWordsWithoutTheMailServersException() {
    String error = "org.springframework.mail.MailSendException: Mail server connection failed. Failed messages:"
        + " org.eclipse.angus.mail.util.MailConnectException: Couldn't connect to host, port: localhost, 25";
    assertThat(Notifications.outcome(false, error)).isEqualTo("未送达：发送失败（邮件服务器未连接或拒收），详见系统日志");
    assertThat(Notifications.outcome(false, "没有可用的联系地址")).isEqualTo("未送达：没有可用的联系地址");
    assertThat(Notifications.outcome(true, null)).isEqualTo("已送达");
    assertThat(Notifications.channel("email")).isEqualTo("电子邮件");
  }

  @Test
  void aTaskTheCaseLeftAndTheAdministratorsLookReadAsWords() {
    assertThat(Formats.taskEnd("deleted")).isEqualTo("由流程撤销（该环节已截止或被中断）");
    assertThat(Formats.taskEnd("撤销：重复发起")).isEqualTo("撤销：重复发起");
    assertThat(new AccessLog.Entry(null, "admin", null, "查看案卷", "pi", null).person()).isEqualTo("系统管理员");
    assertThat(new AccessLog.Entry(null, "rmyy_jiwei", "孙丽", "查看案卷", "pi", null).person()).isEqualTo("孙丽");
  }
}
