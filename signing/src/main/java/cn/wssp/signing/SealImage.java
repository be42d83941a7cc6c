package cn.wssp.signing;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.GlyphVector;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * Draws a department's official seal (公章) in the customary form: a red ring, the organ's name
 * arched along the top inside the ring, a five-pointed star in the middle and the seal's purpose
 * ("行政许可专用章") on a straight line below the star, on a transparent background so the
 * document's text shows through, as with a real stamp.
 *
 * <p>The image is only the visible appearance; what makes a document authentic is the digital
 * signature made with the seal's key.
 */
public final class SealImage {

  /** The purpose line printed below the star. */
  public static final String PURPOSE = "行政许可专用章";

  /** Seal red, a vermilion close to 印泥 red. */
  static final Color SEAL_RED = new Color(0xE6, 0x00, 0x12);

  /**
   * Ink opacity. Slightly translucent, like ink on paper, so the issuer and date printed under
   * the seal stay legible. Applied to the finished image so overlapping strokes stay even.
   */
  private static final double INK_OPACITY = 0.88;

  private static final int MIN_SIZE = 32;
  private static final int MAX_SIZE = 4096;

  private SealImage() {}

  /**
   * Renders the seal as a square PNG with an alpha channel.
   *
   * @param departmentName the organ's name, arched along the top (e.g. "市场监督管理局")
   * @param sizePx width and height in pixels (32..4096); 500 px gives a sharp 42 mm seal
   */
  public static byte[] png(String departmentName, int sizePx) {
    return png(departmentName, PURPOSE, sizePx);
  }

  /**
   * As {@link #png(String, int)} with another purpose line, e.g. the center's "受理专用章".
   *
   * @param purpose the line below the star
   */
  public static byte[] png(String departmentName, String purpose, int sizePx) {
    if (purpose == null || purpose.isBlank()) {
      throw new IllegalArgumentException("the seal needs its purpose line");
    }
    if (departmentName == null || departmentName.isBlank()) {
      throw new IllegalArgumentException("the seal needs the department's name");
    }
    if (sizePx < MIN_SIZE || sizePx > MAX_SIZE) {
      throw new IllegalArgumentException(
          "seal size must be " + MIN_SIZE + ".." + MAX_SIZE + " px, was " + sizePx);
    }
    BufferedImage image = draw(departmentName.strip(), purpose.strip(), sizePx);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode the seal image", e);
    }
    return out.toByteArray();
  }

  static BufferedImage draw(String name, int size) {
    return draw(name, PURPOSE, size);
  }

  static BufferedImage draw(String name, String purpose, int size) {
    BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      g.setColor(SEAL_RED);

      double center = size / 2.0;
      double ringWidth = Math.max(2.0, size * 0.032);
      double ringRadius = center - ringWidth / 2 - 1;
      g.setStroke(new BasicStroke((float) ringWidth));
      g.draw(new Ellipse2D.Double(
          center - ringRadius, center - ringRadius, 2 * ringRadius, 2 * ringRadius));

      drawArchedName(g, name, center, ringRadius - ringWidth / 2, size);
      g.fill(star(center, center, size * 0.17));
      drawPurposeLine(g, purpose, center, size);
    } finally {
      g.dispose();
    }
    fadeInk(image);
    return image;
  }

  /**
   * The name runs clockwise along the top, each character upright relative to the ring (its top
   * towards the rim). The arc widens with the name's length, up to 250°, like on real seals.
   */
  private static void drawArchedName(
      Graphics2D g, String name, double center, double innerRim, int size) {
    int[] codePoints = name.codePoints().toArray();
    int count = codePoints.length;
    double spanDegrees = Math.min(250, 40 + 22.0 * count);
    double gap = size * 0.025;
    // First guess of the glyph height, then place glyph centres half a glyph inside the rim.
    double fontSize = Math.min(size * 0.15, Math.max(size * 0.07, size * 0.11));
    double textRadius = innerRim - gap - fontSize / 2;
    double arcPerChar = textRadius * Math.toRadians(spanDegrees) / count;
    fontSize = Math.min(size * 0.135, Math.max(size * 0.07, arcPerChar * 0.9));
    textRadius = innerRim - gap - fontSize / 2;
    arcPerChar = textRadius * Math.toRadians(spanDegrees) / count;
    // Long names get condensed characters (as seal engravers do) instead of overlapping.
    double condense = Math.min(1.0, arcPerChar * 0.92 / fontSize);

    Font font = EmbeddedFont.forJava2d((float) fontSize);
    g.setFont(font);
    FontMetrics metrics = g.getFontMetrics();
    AffineTransform original = g.getTransform();
    for (int i = 0; i < count; i++) {
      double angle = Math.toRadians(-spanDegrees / 2 + spanDegrees * (i + 0.5) / count);
      double x = center + textRadius * Math.sin(angle);
      double y = center - textRadius * Math.cos(angle);
      String glyph = new String(Character.toChars(codePoints[i]));
      g.setTransform(original);
      g.translate(x, y);
      g.rotate(angle);
      g.scale(condense, 1.0);
      // CJK glyphs sit on the baseline with ~0.88 em above it: +0.38 em centres them vertically.
      drawBold(g, glyph, -metrics.stringWidth(glyph) / 2.0, fontSize * 0.38, size);
    }
    g.setTransform(original);
  }

  private static void drawPurposeLine(Graphics2D g, String purpose, double center, int size) {
    double fontSize = size * 0.085;
    Font font = EmbeddedFont.forJava2d((float) fontSize);
    g.setFont(font);
    FontMetrics metrics = g.getFontMetrics();
    double width = metrics.stringWidth(purpose);
    double maxWidth = size * 0.6;
    AffineTransform original = g.getTransform();
    double scale = Math.min(1.0, maxWidth / width);
    g.translate(center, center + size * 0.27);
    g.scale(scale, 1.0);
    drawBold(g, purpose, -width / 2, fontSize * 0.38, size);
    g.setTransform(original);
  }

  private static void fadeInk(BufferedImage image) {
    int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    for (int i = 0; i < pixels.length; i++) {
      int alpha = (int) Math.round((pixels[i] >>> 24) * INK_OPACITY);
      pixels[i] = (alpha << 24) | (pixels[i] & 0x00FFFFFF);
    }
    image.setRGB(0, 0, image.getWidth(), image.getHeight(), pixels, 0, image.getWidth());
  }

  /**
   * Fills the text's outline and strokes it once more: engraved seal characters are heavier than
   * a Regular book face, and the font is only shipped in Regular.
   */
  private static void drawBold(Graphics2D g, String text, double x, double y, int size) {
    GlyphVector glyphs = g.getFont().createGlyphVector(g.getFontRenderContext(), text);
    Shape outline = glyphs.getOutline((float) x, (float) y);
    g.fill(outline);
    java.awt.Stroke previous = g.getStroke();
    g.setStroke(new BasicStroke((float) Math.max(0.5, size * 0.005), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    g.draw(outline);
    g.setStroke(previous);
  }

  /** A five-pointed star, one point straight up, inner radius at the golden ratio. */
  static Path2D star(double cx, double cy, double outerRadius) {
    double innerRadius = outerRadius * 0.381966;
    Path2D.Double path = new Path2D.Double();
    for (int i = 0; i < 10; i++) {
      double radius = (i % 2 == 0) ? outerRadius : innerRadius;
      double angle = Math.toRadians(-90 + 36 * i);
      double x = cx + radius * Math.cos(angle);
      double y = cy + radius * Math.sin(angle);
      if (i == 0) {
        path.moveTo(x, y);
      } else {
        path.lineTo(x, y);
      }
    }
    path.closePath();
    return path;
  }
}
