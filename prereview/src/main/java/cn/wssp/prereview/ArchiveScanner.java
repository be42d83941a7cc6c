package cn.wssp.prereview;

import cn.wssp.prereview.Inspection.Hostility;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.function.LongSupplier;
import org.apache.commons.compress.archivers.zip.UnsupportedZipFeatureException;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.utils.InputStreamStatistics;

/**
 * Looks for decompression bombs before any parser sees a ZIP-based file (including docx/xlsx and
 * jar), a gzip or a bzip2 stream: it inflates every entry into nothing, counting, and stops at the
 * first sign of a bomb. Nested archives are followed, up to {@link #MAX_DEPTH} levels. Nothing
 * expanded is kept, so a bomb costs at most the time to inflate {@link #RATIO_GRACE} bytes per
 * entry, or {@link #MAX_EXPANDED} bytes in all.
 *
 * <p>An archive it cannot read (damaged, encrypted, unsupported method) is no bomb for this scan;
 * the parser then decides whether it is corrupt or encrypted.
 */
final class ArchiveScanner {
  /** All levels together may expand to at most this. */
  static final long MAX_EXPANDED = 1L << 30;
  /** An entry expanding more than this many times its compressed size is a bomb ... */
  static final long MAX_RATIO = 100;
  /** ... once it has produced this much (small, very repetitive entries are normal). */
  static final long RATIO_GRACE = 1L << 20;
  static final int MAX_ENTRIES = 20_000;
  /** Archive inside archive inside archive: deeper is refused. A docx holding an xlsx is 2. */
  static final int MAX_DEPTH = 3;

  /** A hostile finding of the scan. */
  record Alarm(Hostility kind, String detail) {}

  enum Format { ZIP, GZIP, BZIP2 }

  private long expanded;
  private int entries;

  private ArchiveScanner() {}

  /** Returns the alarm, or null when the archive looks sane (or could not be read). */
  static Alarm scan(Path file, Format format) {
    ArchiveScanner s = new ArchiveScanner();
    try {
      switch (format) {
        case ZIP -> s.scanZipFile(file);
        case GZIP, BZIP2 -> {
          try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
            InputStreamStatistics c = format == Format.GZIP
                ? gzip(raw)
                : new BZip2CompressorInputStream(raw, true);
            s.scanStream((InputStream) c, c::getCompressedCount, 1);
          }
        }
        default -> throw new IllegalArgumentException(format.toString());
      }
      return null;
    } catch (Tripped t) {
      return t.alarm;
    } catch (IOException | RuntimeException e) {
      return null; // unreadable: not judged here
    }
  }

  private void scanZipFile(Path file) throws IOException {
    try (ZipFile zip = ZipFile.builder().setPath(file).get()) {
      for (ZipArchiveEntry e : Collections.list(zip.getEntries())) {
        countEntry();
        if (e.isDirectory() || !zip.canReadEntryData(e)) {
          continue;
        }
        try (InputStream in = zip.getInputStream(e)) {
          LongSupplier compressed = in instanceof InputStreamStatistics st
              ? st::getCompressedCount
              : () -> Math.max(e.getCompressedSize(), 1);
          scanStream(in, compressed, 1);
        } catch (UnsupportedZipFeatureException skip) {
          // encrypted or exotic entry: the parser will tell
        }
      }
    }
  }

  /** Reads one decompressed stream to its end; follows it if it is itself an archive. */
  private void scanStream(InputStream decompressed, LongSupplier compressedCount, int depth)
      throws IOException {
    Meter meter = new Meter(decompressed, compressedCount);
    BufferedInputStream in = new BufferedInputStream(meter, 16 * 1024);
    in.mark(8);
    byte[] sig = in.readNBytes(4);
    in.reset();
    Format nested = format(sig);
    if (nested != null) {
      if (depth >= MAX_DEPTH) {
        throw new Tripped(new Alarm(Hostility.NESTING_TOO_DEEP, String.valueOf(MAX_DEPTH)));
      }
      try {
        switch (nested) {
          case ZIP -> {
            ZipArchiveInputStream zin = new ZipArchiveInputStream(in, "UTF-8", true, true);
            ZipArchiveEntry e;
            while ((e = zin.getNextEntry()) != null) {
              countEntry();
              if (!e.isDirectory() && zin.canReadEntryData(e)) {
                scanStream(zin, zin::getCompressedCount, depth + 1);
              }
            }
          }
          case GZIP -> {
            GzipCompressorInputStream g = gzip(in);
            scanStream(g, g::getCompressedCount, depth + 1);
          }
          case BZIP2 -> {
            BZip2CompressorInputStream b = new BZip2CompressorInputStream(in, true);
            scanStream(b, b::getCompressedCount, depth + 1);
          }
          default -> throw new IllegalStateException();
        }
      } catch (Tripped t) {
        throw t;
      } catch (IOException | RuntimeException unreadable) {
        // a damaged inner archive: keep counting what is left of the outer entry
      }
    }
    drain(in);
  }

  private static GzipCompressorInputStream gzip(InputStream in) throws IOException {
    return GzipCompressorInputStream.builder().setInputStream(in).setDecompressConcatenated(true)
        .get();
  }

  private static Format format(byte[] sig) {
    if (sig.length >= 4 && sig[0] == 'P' && sig[1] == 'K' && sig[2] == 3 && sig[3] == 4) {
      return Format.ZIP;
    }
    if (sig.length >= 2 && (sig[0] & 0xff) == 0x1f && (sig[1] & 0xff) == 0x8b) {
      return Format.GZIP;
    }
    if (sig.length >= 3 && sig[0] == 'B' && sig[1] == 'Z' && sig[2] == 'h') {
      return Format.BZIP2;
    }
    return null;
  }

  private void countEntry() {
    if (++entries > MAX_ENTRIES) {
      throw new Tripped(new Alarm(Hostility.DECOMPRESSION_BOMB,
          "超过 " + MAX_ENTRIES + " 个文件"));
    }
  }

  private static void drain(InputStream in) throws IOException {
    byte[] buf = new byte[64 * 1024];
    while (in.read(buf) >= 0) {
      // counted by the meter underneath
    }
  }

  /** Counts what one decompressed stream yields and trips on the limits. */
  private final class Meter extends InputStream {
    private final InputStream in;
    private final LongSupplier compressedCount;
    private long produced;

    Meter(InputStream in, LongSupplier compressedCount) {
      this.in = in;
      this.compressedCount = compressedCount;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = in.read(b, off, len);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) {
      produced += n;
      expanded += n;
      if (expanded > MAX_EXPANDED) {
        throw new Tripped(new Alarm(Hostility.DECOMPRESSION_BOMB,
            "解压后超过 " + Messages.size(MAX_EXPANDED)));
      }
      if (produced > RATIO_GRACE) {
        long compressed = Math.max(1, compressedCount.getAsLong());
        if (produced / compressed > MAX_RATIO) {
          throw new Tripped(new Alarm(Hostility.DECOMPRESSION_BOMB,
              "压缩比超过 " + (produced / compressed) + ":1"));
        }
      }
    }

    @Override
    public void close() {
      // the owner of the underlying stream closes it
    }
  }

  /** Unwinds the scan at the first alarm. */
  private static final class Tripped extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Alarm alarm;

    Tripped(Alarm alarm) {
      super(alarm.detail(), null, false, false);
      this.alarm = alarm;
    }
  }
}
