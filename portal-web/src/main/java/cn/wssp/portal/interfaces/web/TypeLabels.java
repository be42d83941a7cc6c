package cn.wssp.portal.interfaces.web;

import java.util.Map;

/** Friendly names of the media types materials accept. */
final class TypeLabels {
  private static final Map<String, String> LABELS = Map.of(
      "application/pdf", "PDF",
      "image/jpeg", "JPG",
      "image/png", "PNG",
      "application/msword", "Word",
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word",
      "image/tiff", "TIFF");

  private TypeLabels() {}

  static String of(String mediaType) {
    return mediaType == null ? "" : LABELS.getOrDefault(mediaType, mediaType);
  }
}
