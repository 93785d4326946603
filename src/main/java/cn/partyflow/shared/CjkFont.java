package cn.partyflow.shared;

import com.lowagie.text.pdf.BaseFont;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The Chinese font embedded in every PDF we make (the auditors' dossier, the annual data report). First Noto Sans SC from the classpath (the ph-fonts-noto-sans-sc
 * artifact from Maven Central, so every build has it), then the usual Debian font files. A PDF without an embedded
 * Chinese font shows empty boxes on a machine without one, which a file sent to an inspector must never do, so
 * without a font the export fails with a message saying what to install.
 */
public final class CjkFont {

  static final String BUNDLED = "fonts/ttf/NotoSansSC/NotoSansSC-Regular.ttf";

  /** Debian's packages: fonts-wqy-microhei, fonts-wqy-zenhei, fonts-noto-cjk, fonts-arphic-uming. */
  static final List<String> SYSTEM = List.of(
      "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc,0",
      "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc,0",
      "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc,2",
      "/usr/share/fonts/truetype/arphic/uming.ttc,0");

  private static volatile BaseFont font;

  private CjkFont() {}

  public static BaseFont get() {
    if (font == null) {
      synchronized (CjkFont.class) {
        if (font == null) {
          font = load();
        }
      }
    }
    return font;
  }

  private static BaseFont load() {
    try (InputStream in = CjkFont.class.getClassLoader().getResourceAsStream(BUNDLED)) {
      if (in != null) {
        return BaseFont.createFont("NotoSansSC-Regular.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true,
            in.readAllBytes(), null);
      }
    } catch (IOException | RuntimeException e) {
      // fall through to the system fonts
    }
    for (String candidate : SYSTEM) {
      String file = candidate.contains(",") ? candidate.substring(0, candidate.lastIndexOf(',')) : candidate;
      if (Files.isReadable(Path.of(file))) {
        try {
          return BaseFont.createFont(candidate, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
        } catch (IOException | RuntimeException e) {
          // try the next one
        }
      }
    }
    throw new IllegalStateException("找不到可嵌入PDF的中文字体：请确认程序包含 " + BUNDLED
        + "（依赖 com.helger.font:ph-fonts-noto-sans-sc），或安装 fonts-wqy-microhei（" + SYSTEM.get(0) + "）");
  }
}
