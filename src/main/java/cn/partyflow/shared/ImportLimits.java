package cn.partyflow.shared;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How much of an imported CSV or XLSX file the server reads before it refuses the file. Every limit bounds the
 * memory and time one upload can take; raise them for a larger unit's registry.
 *
 * @param maxFileBytes the largest file accepted, as uploaded
 * @param maxRows the most data rows (rows below the header that hold anything)
 * @param maxColumns the most columns named in the header (cells outside the named columns are never kept)
 * @param maxCellLength the longest cell, in characters
 * @param maxDecompressedBytes the most an XLSX may unpack to (all its parts together): the zip-bomb limit
 */
@ConfigurationProperties("partyflow.import")
public record ImportLimits(
    @DefaultValue("10485760") long maxFileBytes,
    @DefaultValue("50000") int maxRows,
    @DefaultValue("50") int maxColumns,
    @DefaultValue("2000") int maxCellLength,
    @DefaultValue("104857600") long maxDecompressedBytes) {

  /** The defaults, for readers built by hand in tests. */
  public static ImportLimits defaults() {
    return new ImportLimits(10_485_760L, 50_000, 50, 2_000, 104_857_600L);
  }
}
