package cn.wssp.storage;

import com.google.common.collect.HashMultimap;
import com.google.common.collect.Multimap;
import io.minio.MinioAsyncClient;
import io.minio.UploadPartResponse;
import io.minio.messages.Part;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A large object written as a multipart upload whose parts overlap: while one part travels to
 * the server, the next is read from the sender. The SDK's own putObject reads a part, signs it
 * (over HTTP the signature covers the SHA-256 of the part's bytes, so the part must be read
 * whole first), sends it, and only then reads the next one: the sender's connection and the
 * store's stand still in turn, and a 200 MB upload through the portal took the sum of both.
 * Here at most {@code inFlight} parts are on their way while the next is read, so memory stays
 * bounded by {@code inFlight + 1} parts whatever the object's size.
 *
 * <p>A failure anywhere aborts the upload: the server discards the parts, no object appears.
 */
final class PipelinedUpload {
  private final MinioAsyncClient client;
  private final String bucket;
  private final int partSize;
  private final int inFlight;

  PipelinedUpload(MinioAsyncClient client, String bucket, int partSize, int inFlight) {
    this.client = client;
    this.bucket = bucket;
    this.partSize = partSize;
    this.inFlight = inFlight;
  }

  /** What was written: how many bytes, and their SHA-256 as the sender's bytes passed. */
  record Written(long size, byte[] sha256) {}

  /**
   * Writes the rest of {@code in} (after {@code first}, the part already read by the caller to
   * tell a large object from a small one) under {@code key}.
   *
   * @param headers the object's headers, given when the upload is created (Content-Type, SSE)
   * @param declared the length the sender declared, or -1: any other length aborts the upload
   */
  Written write(String key, byte[] first, InputStream in, Map<String, String> headers,
      long declared, MessageDigest sha) throws IOException, StorageException {
    Multimap<String, String> created = HashMultimap.create();
    headers.forEach(created::put);
    String uploadId = join(call(() -> client.createMultipartUploadAsync(bucket, null, key, created,
        null))).result().uploadId();
    Deque<CompletableFuture<UploadPartResponse>> sending = new ArrayDeque<>();
    List<Part> parts = new ArrayList<>();
    long size = 0;
    try {
      byte[] part = first;
      int number = 1;
      while (part.length > 0) {
        sha.update(part);
        size += part.length;
        if (declared >= 0 && size > declared) {
          throw new LengthMismatchException(key, declared, "超过");
        }
        byte[] bytes = part;
        int partNumber = number++;
        sending.addLast(call(() -> client.uploadPartAsync(bucket, null, key, bytes, bytes.length,
            uploadId, partNumber, null, null)));
        while (sending.size() > inFlight) {
          parts.add(partOf(join(sending.removeFirst())));
        }
        // Read the next part while the ones above are on their way.
        part = part.length < partSize ? new byte[0] : in.readNBytes(partSize);
      }
      while (!sending.isEmpty()) {
        parts.add(partOf(join(sending.removeFirst())));
      }
      if (declared >= 0 && size != declared) {
        throw new LengthMismatchException(key, declared, String.valueOf(size));
      }
      Part[] all = parts.toArray(new Part[0]);
      join(call(() -> client.completeMultipartUploadAsync(bucket, null, key, uploadId, all, null,
          null)));
      return new Written(size, sha.digest());
    } catch (IOException | StorageException | RuntimeException e) {
      sending.forEach(f -> f.cancel(true));
      abort(key, uploadId, e);
      throw e;
    }
  }

  private static Part partOf(UploadPartResponse r) {
    return new Part(r.partNumber(), r.etag());
  }

  private void abort(String key, String uploadId, Exception cause) {
    try {
      join(call(() -> client.abortMultipartUploadAsync(bucket, null, key, uploadId, null, null)));
    } catch (Exception e) {
      cause.addSuppressed(e); // the server expires abandoned uploads; the cause is what matters
    }
  }

  /** The future's result, its failure rethrown as what it was (IOException, the SDK's). */
  private static <T> T join(CompletableFuture<T> future) throws IOException {
    try {
      return future.join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      throw new IOException(cause);
    }
  }

  /** An SDK call, whose request-building exceptions are declared one by one, as IOException. */
  private static <T> T call(ThrowingSupplier<T> call) throws IOException {
    try {
      return call.get();
    } catch (IOException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException(e);
    }
  }

  @FunctionalInterface
  private interface ThrowingSupplier<T> {
    T get() throws Exception;
  }
}
