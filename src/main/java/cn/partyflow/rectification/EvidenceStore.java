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
      Timestamp uploadedAt) {

    /**
     * The type to serve the file with: the stored kind's own, or a plain download for a type recorded before
     * content was checked (such as whatever a browser once declared).
     */
    public String servedType() {
      return EvidenceKind.servedType(contentType);
    }

    /** The file's size as the list shows it, with its unit (KB or MB). */
    public String size() {
      return EvidenceStore.size(sizeBytes);
    }
  }

  /** The column holds 300 characters; a name this long is already unreadable in the item's list. */
  private static final int MAX_NAME_LENGTH = 200;

  private final JdbcTemplate jdbc;
  private final RectificationSettings settings;
  private final RectificationItems service;

  public EvidenceStore(JdbcTemplate jdbc, RectificationSettings settings, RectificationItems service) {
    this.jdbc = jdbc;
    this.settings = settings;
    this.service = service;
  }

  /**
   * Keeps a file as evidence when its content is one of the accepted kinds and its name says the same kind. It is
   * stored with the media type of the kind found in it: the type the browser declared is never kept.
   */
  public void store(long itemId, String filename, byte[] content, String user) {
    String name = filename == null ? "" : filename.replaceAll("[\\\\/\\p{Cntrl}]", "_").trim();
    if (content == null || content.length == 0) {
      throw new RuleViolation("rectification.evidence", "请选择要上传的文件（文件为空）");
    }
    if (name.length() > MAX_NAME_LENGTH) {
      throw new RuleViolation("rectification.evidence.name", "文件名超过" + MAX_NAME_LENGTH + "个字，请改短后上传");
    }
    if (content.length > settings.evidenceMaxBytes()) {
      throw new RuleViolation("rectification.evidence.size", String.format("文件“%s”大小%s，超过上限%s，请压缩或拆分后上传",
          name, size(content.length), size(settings.evidenceMaxBytes())));
    }
    String allowed = String.join("、", settings.evidenceTypes());
    EvidenceKind kind = EvidenceKind.of(content)
        .filter(k -> k.extensions.stream().anyMatch(settings.evidenceTypes()::contains))
        .orElseThrow(() -> new RuleViolation("rectification.evidence.type", "不接受此类文件“" + name
            + "”：文件内容不是可上传的类型（" + allowed + "）"));
    int dot = name.lastIndexOf('.');
    String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    if (!kind.extensions.contains(ext)) {
      throw new RuleViolation("rectification.evidence.type", "不接受此类文件“" + name + "”：内容是" + kind.label
          + "，与文件扩展名不符，请改为." + kind.extensions.get(0) + "后上传");
    }
    jdbc.update("insert into pf_rectification_evidence (item_id, filename, content_type, size_bytes, content,"
            + " uploaded_by, uploaded_at) values (?, ?, ?, ?, ?, ?, ?)", itemId, name, kind.mediaType,
        content.length, content, user, Timestamp.from(ChinaClock.now()));
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

  public static String size(long bytes) {
    return bytes >= 1024 * 1024 ? String.format(Locale.ROOT, "%.1fMB", bytes / 1048576.0).replace(".0MB", "MB")
        : String.format(Locale.ROOT, "%dKB", (bytes + 1023) / 1024);
  }
}
