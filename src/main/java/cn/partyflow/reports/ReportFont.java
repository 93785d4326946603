package cn.partyflow.reports;

import com.lowagie.text.pdf.BaseFont;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The Chinese font embedded in the annual report PDF, found as the auditors' dossier finds it: Noto Sans SC bundled
 * from Maven Central first, then Debian's font files. Without one the export fails with what to install, rather than
 * send a PDF of empty boxes.
 */
final class ReportFont {

  static final String BUNDLED = "fonts/ttf/NotoSansSC/NotoSansSC-Regular.ttf";

  static final List<String> SYSTEM = List.of(
      "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc,0",
      "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc,0",
      "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc,2");

  private static volatile BaseFont font;

  private ReportFont() {}

  static BaseFont get() {
    if (font == null) {
      synchronized (ReportFont.class) {
        if (font == null) {
          font = load();
        }
      }
    }
    return font;
  }

  private static BaseFont load() {
    try (InputStream in = ReportFont.class.getClassLoader().getResourceAsStream(BUNDLED)) {
      if (in != null) {
        return BaseFont.createFont("NotoSansSC-Regular.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true,
            in.readAllBytes(), null);
      }
    } catch (IOException | RuntimeException e) {
      // fall through to the system fonts
    }
    for (String candidate : SYSTEM) {
      if (Files.isReadable(Path.of(candidate.substring(0, candidate.lastIndexOf(','))))) {
        try {
          return BaseFont.createFont(candidate, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
        } catch (IOException | RuntimeException e) {
          // try the next one
        }
      }
    }
    throw new IllegalStateException("找不到可嵌入PDF的中文字体：请确认程序包含 " + BUNDLED
        + "（依赖 com.helger.font:ph-fonts-noto-sans-sc），或安装 fonts-wqy-microhei");
  }
}
