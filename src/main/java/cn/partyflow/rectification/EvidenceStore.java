package cn.partyflow.rectification;

import cn.partyflow.shared.ChinaClock;
import cn.partyflow.shared.RuleViolation;
import java.sql.Timestamp;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** 证明材料 kept with the item in our database, within the size and type limits of the settings. */
@Service
public class EvidenceStore {

  public record Evidence(long id, long itemId, String filename, String contentType, long sizeBytes, String uploadedBy,
      Timestamp uploadedAt) {}

  private final JdbcTemplate jdbc;
  private final RectificationSettings settings;
  private final RectificationService service;

  public EvidenceStore(JdbcTemplate jdbc, RectificationSettings settings, RectificationService service) {
    this.jdbc = jdbc;
    this.settings = settings;
    this.service = service;
  }

  public void store(long itemId, String filename, String contentType, byte[] content, String user) {
    String name = filename == null ? "" : filename.replaceAll("[\\\\/]", "_").trim();
    if (content == null || content.length == 0) {
      throw new RuleViolation("rectification-evidence", "请选择要上传的文件（文件为空）");
    }
    if (content.length > settings.evidenceMaxBytes()) {
      throw new RuleViolation("rectification-evidence-size", String.format("文件“%s”大小%s，超过上限%s，请压缩或拆分后上传",
          name, size(content.length), size(settings.evidenceMaxBytes())));
    }
    int dot = name.lastIndexOf('.');
    String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    if (!settings.evidenceTypes().contains(ext)) {
      throw new RuleViolation("rectification-evidence-type", "不接受此类文件“" + name + "”，可上传的类型："
          + String.join("、", settings.evidenceTypes()));
    }
    jdbc.update("insert into pf_rectification_evidence (item_id, filename, content_type, size_bytes, content,"
            + " uploaded_by, uploaded_at) values (?, ?, ?, ?, ?, ?, ?)", itemId, name,
        contentType == null || contentType.isBlank() ? "application/octet-stream" : contentType, content.length,
        content, user, Timestamp.from(ChinaClock.now()));
    service.event(itemId, Rectification.EVENT_EVIDENCE, user, name + "（" + size(content.length) + "）");
  }

  public List<Evidence> list(long itemId) {
    return jdbc.query("select id, item_id, filename, content_type, size_bytes, uploaded_by, uploaded_at"
            + " from pf_rectification_evidence where item_id = ? order by id",
        (rs, i) -> new Evidence(rs.getLong("id"), rs.getLong("item_id"), rs.getString("filename"),
            rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("uploaded_by"),
            rs.getTimestamp("uploaded_at")), itemId);
  }

  public Optional<Evidence> find(long id) {
    return jdbc.query("select id, item_id, filename, content_type, size_bytes, uploaded_by, uploaded_at"
            + " from pf_rectification_evidence where id = ?",
        (rs, i) -> new Evidence(rs.getLong("id"), rs.getLong("item_id"), rs.getString("filename"),
            rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("uploaded_by"),
            rs.getTimestamp("uploaded_at")), id).stream().findFirst();
  }

  public byte[] content(long id) {
    return jdbc.queryForObject("select content from pf_rectification_evidence where id = ?", byte[].class, id);
  }

  static String size(long bytes) {
    return bytes >= 1024 * 1024 ? String.format("%.1fMB", bytes / 1048576.0) : String.format("%dKB", (bytes + 1023) / 1024);
  }
}
