package cn.wssp.prereview;

import org.apache.tika.mime.MediaType;

/**
 * TYPE_NOT_ACCEPTED: the detected type is not one the material accepts; the message lists them as
 * applicants know them (PDF、JPG、PNG、Word). Not repeated for programs: HOSTILE_FILE said it.
 */
final class AcceptedTypeCheck implements MaterialCheck {
  private final MediaTypes types;

  AcceptedTypeCheck() {
    this(MediaTypes.standard());
  }

  AcceptedTypeCheck(MediaTypes types) {
    this.types = types;
  }

  @Override
  public void check(CheckContext ctx) {
    if (!ctx.hasFile() || ctx.requirement().acceptedTypes() == null
        || ctx.requirement().acceptedTypes().isEmpty()) {
      return;
    }
    Inspection i = ctx.inspection();
    if (i.hostile() == Inspection.Hostility.EXECUTABLE || i.facts().detectedType() == null) {
      return;
    }
    MediaType detected = MediaType.parse(i.facts().detectedType());
    if (!types.accepted(detected, ctx.requirement().acceptedTypes())) {
      ctx.report(FindingCode.TYPE_NOT_ACCEPTED, Severity.BLOCKING,
          types.recognised(detected) ? "TYPE_NOT_ACCEPTED" : "TYPE_NOT_ACCEPTED.unknown",
          types.label(detected), types.acceptedLabels(ctx.requirement().acceptedTypes()));
    }
  }
}
