package cn.partyflow.rectification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.partyflow.shared.ChinaClock;
import cn.partyflow.shared.ImportLimits;
import cn.partyflow.shared.ImportRefused;
import cn.partyflow.shared.RuleViolation;
import cn.partyflow.shared.SheetReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Evidence limits, the 问题清单 import and the daily digest, without an engine. */
class EvidenceImportAndDigestTest {

  RectificationFixture fx;
  long item;

  @BeforeEach
  void setUp() {
    fx = new RectificationFixture("rc-rules-" + System.nanoTime());
    ClockUtil.setCurrentTime(ChinaClock.toDate(LocalDateTime.of(2026, 3, 10, 8, 0)));
    fx.jdbc.update("insert into pf_rectification_case (org_id, source, status, process_instance_id, created_at)"
        + " values ('rmyy', '巡察', '集中整改', 'pi-1', ?)", Timestamp.valueOf(LocalDateTime.now()));
    item = item("逾期的问题", "resp1", "2026-03-01", Rectification.IN_PROGRESS);
    item("三天后到期的问题", "resp1", "2026-03-13", Rectification.NOT_STARTED);
    item("已销号的问题", "resp2", "2026-03-01", Rectification.CLOSED);
    item("下月到期的问题", "resp2", "2026-04-30", Rectification.IN_PROGRESS);
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
  }

  @Test
  void sizesAreShownWithTheirUnitAndWithoutATrailingZero() {
    assertThat(EvidenceStore.size(20)).isEqualTo("1KB");
    assertThat(EvidenceStore.size(300 * 1024)).isEqualTo("300KB");
    assertThat(EvidenceStore.size(10L * 1024 * 1024)).isEqualTo("10MB");
    assertThat(EvidenceStore.size(1536L * 1024)).isEqualTo("1.5MB");
  }

  @Test
  void evidenceAboveTheLimitOrOfAnUnlistedTypeIsRefusedAndNotStored() {
    RectificationSettings small = new RectificationSettings(3, 5, 2, 5, 15, "P3M", 7, 1024, List.of("pdf"), "xw", false);
    EvidenceStore store = new EvidenceStore(fx.jdbc, small, fx.items);
    assertThatThrownBy(() -> store.store(item, "台账.pdf", pdf(2048), "resp1"))
        .isInstanceOf(RuleViolation.class).hasMessageContaining("超过上限1KB");
    assertThatThrownBy(() -> store.store(item, "台账.docx", zip("[Content_Types].xml", "word/document.xml"), "resp1"))
        .isInstanceOf(RuleViolation.class).hasMessageContaining("不接受此类文件").hasMessageContaining("pdf");
    assertThat(store.list(item)).isEmpty();

    store.store(item, "台账.pdf", pdf(1024), "resp1");
    assertThat(store.list(item)).extracting(EvidenceStore.Evidence::filename).containsExactly("台账.pdf");
    assertThat(fx.events(item)).containsExactly("evidence");
  }

  @Test
  void evidenceIsStoredWithTheTypeFoundInItsContent() {
    EvidenceStore store = new EvidenceStore(fx.jdbc, fx.settings, fx.items);
    store.store(item, "会议纪要.pdf", pdf(100), "resp1");
    store.store(item, "现场.JPG", bytes(0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10), "resp1");
    store.store(item, "截图.png", bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0), "resp1");
    store.store(item, "台账.docx", zip("[Content_Types].xml", "word/document.xml"), "resp1");
    store.store(item, "台账.xlsx", zip("[Content_Types].xml", "xl/workbook.xml"), "resp1");
    store.store(item, "通知.ofd", zip("OFD.xml", "Doc_0/Document.xml"), "resp1");
    assertThat(store.list(item)).extracting(EvidenceStore.Evidence::contentType).containsExactly(
        "application/pdf", "image/jpeg", "image/png",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/ofd");
  }

  @Test
  void evidenceWhoseContentIsNotItsNameOrNotAnAcceptedKindIsRefused() {
    EvidenceStore store = new EvidenceStore(fx.jdbc, fx.settings, fx.items);
    assertThatThrownBy(() -> store.store(item, "通知.pdf",
        "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8), "resp1"))
        .isInstanceOf(RuleViolation.class).hasMessageContaining("不接受此类文件“通知.pdf”")
        .hasMessageContaining("pdf、jpg、jpeg、png、doc、docx、xls、xlsx、ofd");
    assertThatThrownBy(() -> store.store(item, "截图.png", pdf(100), "resp1"))
        .isInstanceOf(RuleViolation.class).hasMessageContaining("内容是PDF文档，与文件扩展名不符");
    assertThatThrownBy(() -> store.store(item, "压缩包.docx", zip("readme.txt"), "resp1"))
        .isInstanceOf(RuleViolation.class).hasMessageContaining("不接受此类文件");
    assertThat(store.list(item)).isEmpty();
  }

  @Test
  void evidenceRecordedWithAnyOtherTypeIsServedAsAPlainDownload() {
    assertThat(new EvidenceStore.Evidence(1, item, "a.pdf", "foo", 1, "resp1", null).servedType())
        .isEqualTo("application/octet-stream");
    assertThat(new EvidenceStore.Evidence(1, item, "a.html", "text/html", 1, "resp1", null).servedType())
        .isEqualTo("application/octet-stream");
    assertThat(new EvidenceStore.Evidence(1, item, "a.pdf", "application/pdf", 1, "resp1", null).servedType())
        .isEqualTo("application/pdf");
  }

  static byte[] pdf(int size) {
    byte[] content = new byte[size];
    byte[] magic = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(magic, 0, content, 0, Math.min(magic.length, size));
    return content;
  }

  static byte[] bytes(int... values) {
    byte[] content = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      content[i] = (byte) values[i];
    }
    return content;
  }

  static byte[] zip(String... entries) {
    try (ByteArrayOutputStream out = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(out)) {
      for (String entry : entries) {
        zip.putNextEntry(new ZipEntry(entry));
        zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
      zip.finish();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void problemSheetWithBadRowsIsRefusedWholeNamingTheRows() {
    String csv = "序号,反馈意见,问题表现\n1,一,议事规则不健全\nx,二,台账缺失\n1,三,\n";
    assertThatThrownBy(() -> new ProblemImport(new SheetReader(ImportLimits.defaults())).read("问题.csv", csv.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(ImportRefused.class)
        .hasMessageContaining("第3行：序号“x”不是整数").hasMessageContaining("第4行：序号1重复")
        .hasMessageContaining("第4行：缺少问题表现");
    assertThat(new ProblemImport(new SheetReader(ImportLimits.defaults())).read("问题.csv", "问题表现\n甲\n乙\n".getBytes(StandardCharsets.UTF_8)))
        .extracting(p -> p.get("no")).containsExactly(1, 2);
  }

  @Test
  void digestListsEachPersonsOverdueAndDueSoonItemsOnly() {
    RectificationDigest digest = new RectificationDigest(fx.jdbc, fx.settings, fx.workdays, fx.notifier);
    assertThat(digest.send()).isEqualTo(2);
    assertThat(fx.channel.sent).containsExactlyInAnyOrder(
        "resp1@test.cn 【整改每日提示】2026-03-10：逾期1项，即将到期1项",
        "leader1@test.cn 【整改每日提示】2026-03-10：逾期1项，即将到期1项");
    assertThat(fx.jdbc.queryForObject("select count(*) from pf_notification where kind = 'digest' and delivered",
        Integer.class)).isEqualTo(2);
  }

  @Test
  void aDigestRunTwiceTheSameDaySendsNobodyASecondOne() {
    RectificationDigest digest = new RectificationDigest(fx.jdbc, fx.settings, fx.workdays, fx.notifier);
    assertThat(digest.send()).isEqualTo(2);
    assertThat(digest.send()).isZero();
    assertThat(fx.channel.sent).hasSize(2);

    ClockUtil.setCurrentTime(ChinaClock.toDate(LocalDateTime.of(2026, 3, 11, 8, 0)));
    assertThat(digest.send()).isEqualTo(2);
    assertThat(fx.channel.sent).hasSize(4);
  }

  long item(String problem, String responsible, String deadline, String status) {
    fx.jdbc.update("insert into pf_rectification_item (case_id, org_id, seq, problem, measures, category, leader_user,"
            + " department, responsible_user, deadline, status, process_instance_id, updated_at)"
            + " values ((select max(id) from pf_rectification_case), 'rmyy', 1, ?, '措施', '限期整改', 'leader1',"
            + " '党办', ?, ?, ?, 'pi-1', ?)", problem, responsible, Date.valueOf(LocalDate.parse(deadline)), status,
        Timestamp.valueOf(LocalDateTime.now()));
    return fx.jdbc.queryForObject("select max(id) from pf_rectification_item", Long.class);
  }
}
