package cn.wssp.prereview;

import java.util.List;

/**
 * The checks every material gets, in the order they run (§4: type, size, pages, not encrypted, not
 * corrupt, hostile files, OCR). Each is one small class with its one message key.
 */
final class StandardChecks {
  private StandardChecks() {}

  static List<MaterialCheck> all() {
    return List.of(
        new MissingMaterialCheck(),
        new EmptyFileCheck(),
        new SizeLimitCheck(),
        new HostileFileCheck(),
        new TypeMismatchCheck(),
        new AcceptedTypeCheck(),
        new EncryptedCheck(),
        new CorruptCheck(),
        new PageLimitCheck(),
        new OcrAvailableCheck());
  }
}
