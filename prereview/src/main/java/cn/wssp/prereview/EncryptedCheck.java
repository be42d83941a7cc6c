package cn.wssp.prereview;

/** ENCRYPTED: a password is needed to open the file (PDF user password, protected Office file). */
final class EncryptedCheck implements MaterialCheck {
  @Override
  public void check(CheckContext ctx) {
    if (ctx.hasFile() && ctx.facts().encrypted()) {
      ctx.report(FindingCode.ENCRYPTED, Severity.BLOCKING, "ENCRYPTED");
      ctx.stop();
    }
  }
}
