package cn.partyflow.rectification;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * The kinds of file accepted as evidence, recognised from the content (its leading bytes and, for zip and OLE
 * containers, the names of their parts), never from the type a browser declares. A kind knows the media type it is
 * stored and served with. Other modules that keep files (组织生活's minutes and photos) check them with it too.
 */
public enum EvidenceKind {
  PDF("PDF文档", "application/pdf", "pdf"),
  JPEG("JPEG图片", "image/jpeg", "jpg", "jpeg"),
  PNG("PNG图片", "image/png", "png"),
  DOC("Word 97-2003文档", "application/msword", "doc"),
  XLS("Excel 97-2003工作簿", "application/vnd.ms-excel", "xls"),
  DOCX("Word文档", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
  XLSX("Excel工作簿", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
  OFD("OFD版式文档", "application/ofd", "ofd");

  private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
  private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
  private static final byte[] ZIP_MAGIC = {'P', 'K', 0x03, 0x04};
  private static final byte[] OLE_MAGIC =
      {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
  static final String UNKNOWN_MEDIA_TYPE = "application/octet-stream";

  final String label;
  final String mediaType;
  final List<String> extensions;

  EvidenceKind(String label, String mediaType, String... extensions) {
    this.label = label;
    this.mediaType = mediaType;
    this.extensions = List.of(extensions);
  }

  /** What the content is, or empty when it is none of the kinds (HTML, scripts, executables, anything else). */
  public static Optional<EvidenceKind> of(byte[] content) {
    if (startsWith(content, PDF_MAGIC)) {
      return Optional.of(PDF);
    }
    if (startsWith(content, JPEG_MAGIC)) {
      return Optional.of(JPEG);
    }
    if (startsWith(content, PNG_MAGIC)) {
      return Optional.of(PNG);
    }
    if (startsWith(content, ZIP_MAGIC)) {
      return zipKind(content);
    }
    if (startsWith(content, OLE_MAGIC)) {
      return oleKind(content);
    }
    return Optional.empty();
  }

  /** The kind's name in Chinese, e.g. PDF文档. */
  public String label() {
    return label;
  }

  /** The media type the kind is stored and served with. */
  public String mediaType() {
    return mediaType;
  }

  /** The file name extensions that name this kind, the usual one first. */
  public List<String> extensions() {
    return extensions;
  }

  /** The type a stored file is served with: its kind's own, or a plain download for anything else on record. */
  static String servedType(String stored) {
    return Arrays.stream(values()).map(k -> k.mediaType).filter(t -> t.equals(stored)).findFirst()
        .orElse(UNKNOWN_MEDIA_TYPE);
  }

  /** Office Open XML and OFD are zip packages told apart by their main part; only the directory is read. */
  private static Optional<EvidenceKind> zipKind(byte[] content) {
    try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(content)).get()) {
      if (zip.getEntry("OFD.xml") != null) {
        return Optional.of(OFD);
      }
      if (zip.getEntry("[Content_Types].xml") != null && zip.getEntry("word/document.xml") != null) {
        return Optional.of(DOCX);
      }
      if (zip.getEntry("[Content_Types].xml") != null && zip.getEntry("xl/workbook.xml") != null) {
        return Optional.of(XLSX);
      }
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Word and Excel 97-2003 files are OLE compound files told apart by their main stream. */
  private static Optional<EvidenceKind> oleKind(byte[] content) {
    try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(content))) {
      DirectoryNode root = fs.getRoot();
      if (root.hasEntry("WordDocument")) {
        return Optional.of(DOC);
      }
      if (root.hasEntry("Workbook") || root.hasEntry("Book")) {
        return Optional.of(XLS);
      }
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static boolean startsWith(byte[] content, byte[] magic) {
    if (content.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if (content[i] != magic[i]) {
        return false;
      }
    }
    return true;
  }
}
