package cn.wssp.portal.interfaces.rest;

import cn.wssp.portal.domain.model.DomainException;
import jakarta.ws.rs.core.EntityPart;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The "file" part of a multipart request, and its file name as the sender meant it. */
final class Multipart {
  private Multipart() {}

  static EntityPart filePart(List<EntityPart> parts) {
    return parts == null ? null : parts.stream()
        .filter(p -> "file".equals(p.getName())).findFirst()
        .orElseThrow(() -> DomainException.invalid("请以 multipart/form-data 上传，文件字段名为 file。"));
  }

  /**
   * Browsers and curl send a Chinese file name as raw UTF-8 inside filename="…", which the
   * server reads byte by byte as ISO-8859-1; RFC 5987's filename*=UTF-8''… is honoured too.
   */
  static String fileName(EntityPart part) {
    String disposition = part.getHeaders().getFirst("Content-Disposition");
    if (disposition != null) {
      int star = disposition.toLowerCase().indexOf("filename*=utf-8''");
      if (star >= 0) {
        String encoded = disposition.substring(star + "filename*=utf-8''".length()).split(";")[0].trim();
        return URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8);
      }
    }
    String name = part.getFileName().orElse(null);
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
