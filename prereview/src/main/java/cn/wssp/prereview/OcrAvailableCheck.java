package cn.wssp.prereview;

/**
 * OCR_UNAVAILABLE (WARNING): an image or scanned PDF whose text could not be read because OCR is
 * not available or failed. Never a silent pass: rules on the text cannot vouch for such a file.
 */
final class OcrAvailableCheck implements MaterialCheck {
  @Override
  public void check(CheckContext ctx) {
    if (!ctx.hasFile()) {
      return;
    }
    switch (ctx.inspection().ocr()) {
      case UNAVAILABLE -> ctx.report(FindingCode.OCR_UNAVAILABLE, Severity.WARNING,
          "OCR_UNAVAILABLE");
      case FAILED -> ctx.report(FindingCode.OCR_UNAVAILABLE, Severity.WARNING,
          "OCR_UNAVAILABLE.failed");
      default -> {
        // not needed, or done
      }
    }
  }
}
