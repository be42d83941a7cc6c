package cn.wssp.signing;

/**
 * Where the visible seal of one signature goes: a page and a rectangle on it, in PDF user space
 * (points, 1/72 inch, origin at the bottom left of the page).
 *
 * <p>Part of the signature's parameters, as in EU DSS's {@code SignatureFieldParameters}: the
 * caller says where the seal goes, and {@link PadesSigner} does not need to know who laid out the
 * document. For documents of {@link OfficialDocumentRenderer}, ask it for the places it reserved
 * ({@link OfficialDocumentRenderer#sealPlacement(byte[], int)}).
 *
 * @param page 1-based page number
 * @param x left edge
 * @param y bottom edge
 * @param width width, positive
 * @param height height, positive
 */
public record SealPlacement(int page, float x, float y, float width, float height) {

  public SealPlacement {
    if (page < 1) {
      throw new IllegalArgumentException("pages are numbered from 1, not " + page);
    }
    if (!Float.isFinite(x) || !Float.isFinite(y)) {
      throw new IllegalArgumentException("the seal position must be finite: " + x + ", " + y);
    }
    if (!(width > 0) || !(height > 0) || !Float.isFinite(width) || !Float.isFinite(height)) {
      throw new IllegalArgumentException(
          "the seal needs a positive size, not " + width + " x " + height);
    }
  }

  public float right() {
    return x + width;
  }

  public float top() {
    return y + height;
  }
}
