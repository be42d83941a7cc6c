package cn.wssp.portal.interfaces.rest;

import cn.wssp.portal.domain.model.DomainException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The "file" part of a multipart request, and its file name as the sender meant it. */
final class Multipart {
  private static final String HOW = "请以 multipart/form-data 上传，文件字段名为 file。";

  private Multipart() {}

  /**
   * The part named "file" of a multipart body, positioned at its first byte; the parts before it
   * are skipped unread.
   */
  static MultipartStream.Part filePart(InputStream body, String contentType) throws IOException {
    String boundary = MultipartStream.boundaryOf(contentType);
    if (boundary == null || boundary.isEmpty() || boundary.length() > 70) {
      throw DomainException.invalid(HOW);
    }
    MultipartStream parts = new MultipartStream(body, boundary);
    for (Optional<MultipartStream.Part> p = parts.next(); p.isPresent(); p = parts.next()) {
      if ("file".equals(p.get().fieldName())) {
        return p.get();
      }
    }
    throw DomainException.invalid(HOW);
  }

  /**
   * Browsers and curl send a Chinese file name as raw UTF-8 inside filename="…", which arrives
   * here byte by byte as ISO-8859-1; RFC 5987's filename*=UTF-8''… is honoured too.
   */
  static String fileName(MultipartStream.Part part) {
    String disposition = part.header("Content-Disposition");
    String extended = ContentDisposition.parameter(disposition, "filename*");
    if (extended != null && extended.toLowerCase().startsWith("utf-8''")) {
      return URLDecoder.decode(extended.substring("utf-8''".length()).replace("+", "%2B"),
          StandardCharsets.UTF_8);
    }
    String name = ContentDisposition.parameter(disposition, "filename");
    if (name == null || name.chars().anyMatch(c -> c > 0xFF)) {
      return name;
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(name.getBytes(StandardCharsets.ISO_8859_1))).toString();
    } catch (CharacterCodingException notUtf8) {
      return name; // genuinely Latin-1
    }
  }
}
