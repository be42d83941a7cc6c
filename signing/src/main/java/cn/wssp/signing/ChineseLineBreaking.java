package cn.wssp.signing;

import com.itextpdf.io.font.otf.Glyph;
import com.itextpdf.io.font.otf.GlyphLine;
import com.itextpdf.layout.splitting.DefaultSplitCharacters;

/**
 * Line breaking for Chinese text (避头尾): iText breaks between any two CJK characters, which can
 * put a closing mark such as "。" or "）" at the start of a line, or leave an opening "《" at the
 * end of one. Official documents must not look like that, so a break is refused before a closing
 * mark and after an opening one, and allowed after full-width punctuation that iText does not
 * treat as breakable.
 */
final class ChineseLineBreaking extends DefaultSplitCharacters {

  /** Must not begin a line. */
  private static final String CLOSING = "，。、；：？！）》」』】〕〉”’…—％·,.;:?!)]}%";
  /** Must not end a line. */
  private static final String OPENING = "（《「『【〔〈“‘([{";

  @Override
  public boolean isSplitCharacter(GlyphLine text, int glyphPos) {
    int current = unicode(text, glyphPos);
    int next = glyphPos + 1 < text.size() ? unicode(text, glyphPos + 1) : -1;
    if (next >= 0 && CLOSING.indexOf(next) >= 0) {
      return false;
    }
    if (current >= 0 && OPENING.indexOf(current) >= 0) {
      return false;
    }
    if (current >= 0 && CLOSING.indexOf(current) >= 0 && current > 0x2000) {
      return true;
    }
    return super.isSplitCharacter(text, glyphPos);
  }

  private static int unicode(GlyphLine text, int position) {
    Glyph glyph = text.get(position);
    return glyph.hasValidUnicode() ? glyph.getUnicode() : -1;
  }
}
