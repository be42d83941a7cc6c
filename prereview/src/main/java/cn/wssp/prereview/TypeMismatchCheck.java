package cn.wssp.prereview;

import org.apache.tika.mime.MediaType;

/** TYPE_MISMATCH: the name says one type, the content is another (an .exe or a PNG named .pdf). */
final class TypeMismatchCheck implements MaterialCheck {
  private final MediaTypes types;

  TypeMismatchCheck() {
    this(MediaTypes.standard());
  }

  TypeMismatchCheck(MediaTypes types) {
    this.types = types;
  }

  @Override
  public void check(CheckContext ctx) {
    if (!ctx.hasFile() || !ctx.inspection().typeMismatch()) {
      return;
    }
    Inspection i = ctx.inspection();
    ctx.report(FindingCode.TYPE_MISMATCH, Severity.BLOCKING, "TYPE_MISMATCH",
        types.label(MediaType.parse(i.facts().nameType())),
        types.label(MediaType.parse(i.contentType())));
  }
}
